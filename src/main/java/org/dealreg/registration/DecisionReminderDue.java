package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/** Three quarters of a registration's decision window have passed without a decision. */
public record DecisionReminderDue(UUID registrationId, UUID partnerId, String receiptNumber, Instant decisionDueAt) {
}
