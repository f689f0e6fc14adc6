package org.dealreg.partners;

/** The two partner levels of the programme. */
public enum Tier {
    REGISTERED, CERTIFIED
}
