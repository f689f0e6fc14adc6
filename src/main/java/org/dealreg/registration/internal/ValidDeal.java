package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A registration's content once every rule has passed: trimmed text, parsed money, the rate in force. */
record ValidDeal(String customerName, String customerWebsite, String customerCountry, String customerCity,
        String contactName, String contactEmail, String contactPhone, String title, String description,
        String competitors, String specializationCode, BigDecimal amount, String currency, BigDecimal usdPerUnit,
        BigDecimal amountUsd, LocalDate expectedCloseDate) {

    @Override
    public String toString() {
        return "ValidDeal[" + specializationCode + ", " + amount + " " + currency + "]";
    }
}
