package org.dealreg.integrations;

import java.util.UUID;

/**
 * A machine client was created, renamed, given a new secret or revoked: {@code change} is CREATED, RENAMED, ROTATED or
 * REVOKED; {@code partnerId} is the company a partner client acts for (null for a vendor client). Never the secret.
 */
public record ApiClientChanged(String clientId, String kind, UUID partnerId, String change) {
}
