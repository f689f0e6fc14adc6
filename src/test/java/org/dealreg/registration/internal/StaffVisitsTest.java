package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StaffVisitsTest {

    private static final UUID MARIA = UUID.randomUUID();
    private static final UUID ADA = UUID.randomUUID();
    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void opensOfOnePersonAFewMinutesApartAreOneVisitWithTheirCount() {
        List<StaffVisits.Visit> visits = StaffVisits.of(List.of(
                new StaffVisits.Open(MARIA, "CHANNEL_MANAGER", NOON),
                new StaffVisits.Open(MARIA, "CHANNEL_MANAGER", NOON.plusSeconds(40)),
                new StaffVisits.Open(MARIA, "CHANNEL_MANAGER", NOON.plusSeconds(20 * 60))));
        assertThat(visits).containsExactly(
                new StaffVisits.Visit(MARIA, "CHANNEL_MANAGER", NOON.plusSeconds(20 * 60), 3));
    }

    @Test
    void aLaterReturnIsAnotherVisitAndOtherPeopleHaveTheirOwnLinesNewestFirst() {
        List<StaffVisits.Visit> visits = StaffVisits.of(List.of(
                new StaffVisits.Open(MARIA, "CHANNEL_MANAGER", NOON),
                new StaffVisits.Open(ADA, "PROGRAM_ADMIN", NOON.plusSeconds(60)),
                new StaffVisits.Open(MARIA, "CHANNEL_MANAGER", NOON.plusSeconds(3 * 3600)),
                new StaffVisits.Open(MARIA, "CHANNEL_MANAGER", NOON.plusSeconds(3 * 3600 + 30))));
        assertThat(visits).containsExactly(
                new StaffVisits.Visit(MARIA, "CHANNEL_MANAGER", NOON.plusSeconds(3 * 3600 + 30), 2),
                new StaffVisits.Visit(ADA, "PROGRAM_ADMIN", NOON.plusSeconds(60), 1),
                new StaffVisits.Visit(MARIA, "CHANNEL_MANAGER", NOON, 1));
    }

    @Test
    void nobodyLookedNoLine() {
        assertThat(StaffVisits.of(List.of())).isEmpty();
    }
}
