package org.dealreg.reports.internal;

/** {@code count} out of {@code outOf} registrations; unknown (shown as a dash) when there is nothing to count. */
public record Share(int count, int outOf) {

    public boolean known() {
        return outOf > 0;
    }

    /** Between 0 and 1. Only for a known share. */
    public double value() {
        if (!known()) {
            throw new IllegalStateException("A share of nothing has no value");
        }
        return (double) count / outOf;
    }
}
