package org.dealreg.registration;

/** Why a manager rejected a registration; shown to the partner with the manager's comment. */
public enum RejectionReason {
    DIRECT_SALES_ENGAGED, ALREADY_REGISTERED, BELOW_MINIMUM, INCOMPLETE, OTHER
}
