package org.dealreg.registration;

/**
 * How many pending registrations a filter keeps, and how many of them are past their reminder point (less than a
 * quarter of the window left) or past their due time at the moment they were counted.
 */
public record PendingCounts(long total, long dueSoon, long overdue) {

    public long onTime() {
        return total - dueSoon - overdue;
    }
}
