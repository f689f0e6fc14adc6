package org.dealreg.credits;

/** How a credited deal was won: closed by the rep, or by a partner on a registration tied to the rep's account. */
public enum CreditSource {
    DIRECT, PARTNER
}
