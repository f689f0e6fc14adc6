package org.dealreg.identity;

import java.util.UUID;

/**
 * The programme admin changed a staff account: {@code change} is CREATED, DEACTIVATED, REACTIVATED or ROLE_CHANGED;
 * {@code role} is the account's role afterwards and {@code previousRole} the one before (the same unless re-roled).
 */
public record StaffAccountChanged(UUID userId, String change, Role previousRole, Role role) {
}
