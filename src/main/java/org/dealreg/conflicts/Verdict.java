package org.dealreg.conflicts;

/** The conflict check's answer (DESIGN.md §6). */
public enum Verdict {
    /** Nothing overlaps: the 24-hour answer applies. */
    CLEAR,
    /** A possible overlap a manager must look at: a weak match with an engaged account, or an owned account not engaged. */
    REVIEW,
    /** Direct sales is engaged with this customer, or another partner registered it first. */
    CONFLICT
}
