package org.dealreg.registration;

import java.util.List;
import java.util.UUID;

/**
 * A programme admin looked for what the portal holds about a contact (GDPR articles 15 and 17): who, the e-mail's
 * blind index (never the address), what they did ({@code FOUND}, or {@code EXPORTED} with the file's format) and
 * which registrations that step touched. Published in the step's transaction; the audit trail records it.
 */
public record PersonalDataRequested(UUID requestedBy, String contactIndex, Step step, String format,
        List<UUID> registrationIds) {

    public enum Step {
        FOUND, EXPORTED
    }
}
