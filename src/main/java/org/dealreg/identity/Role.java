package org.dealreg.identity;

/** The five roles of the portal (DESIGN.md §1). */
public enum Role {
    PARTNER_USER, PARTNER_ADMIN, CHANNEL_MANAGER, SALES_REP, PROGRAM_ADMIN;

    public boolean isPartner() {
        return this == PARTNER_USER || this == PARTNER_ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
