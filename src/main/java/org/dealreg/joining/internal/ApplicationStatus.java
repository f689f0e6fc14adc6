package org.dealreg.joining.internal;

/** PENDING until a channel manager accepts or declines it; a declined application stays for the record. */
public enum ApplicationStatus {
    PENDING, ACCEPTED, DECLINED
}
