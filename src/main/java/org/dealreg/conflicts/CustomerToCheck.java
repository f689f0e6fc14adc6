package org.dealreg.conflicts;

/** The customer as the partner typed it; website and e-mail may be null. */
public record CustomerToCheck(String name, String website, String contactEmail, String country) {

    @Override
    public String toString() {
        return "CustomerToCheck[" + country + "]";
    }
}
