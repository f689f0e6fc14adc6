package org.dealreg.registration.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The partner's "who looked at it" list: one line per person per visit, not one per page load. Opens of the
 * registration by the same person less than {@link #GAP} apart are one visit, shown at its last open with the count.
 */
final class StaffVisits {

    static final Duration GAP = Duration.ofMinutes(30);

    /** One opening of the page. */
    record Open(UUID viewer, String role, Instant at) {
    }

    record Visit(UUID viewer, String role, Instant last, int times) {
    }

    private StaffVisits() {
    }

    /** The visits, newest first. */
    static List<Visit> of(List<Open> opens) {
        Map<UUID, List<Open>> byViewer = new LinkedHashMap<>();
        opens.stream().sorted(Comparator.comparing(Open::at).reversed())
                .forEach(open -> byViewer.computeIfAbsent(open.viewer(), v -> new ArrayList<>()).add(open));
        List<Visit> visits = new ArrayList<>();
        for (List<Open> own : byViewer.values()) {
            Open last = own.get(0);
            Instant earliest = last.at();
            int times = 0;
            for (Open open : own) {
                if (Duration.between(open.at(), earliest).compareTo(GAP) >= 0) {
                    visits.add(new Visit(last.viewer(), last.role(), last.at(), times));
                    last = open;
                    times = 0;
                }
                earliest = open.at();
                times++;
            }
            visits.add(new Visit(last.viewer(), last.role(), last.at(), times));
        }
        visits.sort(Comparator.comparing(Visit::last).reversed());
        return visits;
    }
}
