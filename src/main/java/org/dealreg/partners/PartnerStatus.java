package org.dealreg.partners;

public enum PartnerStatus {
    APPLIED, ACTIVE, SUSPENDED
}
