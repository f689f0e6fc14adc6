package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/** Where a list of registrations by change stopped: the last one's change time and id (the next page starts after). */
public record ChangeMark(Instant changedAt, UUID id) {
}
