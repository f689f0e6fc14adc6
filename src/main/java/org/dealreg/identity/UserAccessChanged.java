package org.dealreg.identity;

import java.util.UUID;

/** A partner admin deactivated or reactivated a user of their company. */
public record UserAccessChanged(UUID userId, UUID partnerId, boolean active, UUID changedBy) {
}
