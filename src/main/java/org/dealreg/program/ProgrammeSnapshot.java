package org.dealreg.program;

/**
 * A node's in-memory copy of reference data that changes a few times a year and is read on almost every request —
 * the settings, the regions, the exchange rates, the specialisation catalogue — so that reading it costs no query.
 * It is loaded as a whole and replaced as a whole, and every node reloads every snapshot when a change is announced
 * ({@link ProgrammeChange}); see docs/settings.md. A module keeps its own data in a bean implementing this.
 */
public interface ProgrammeSnapshot {

    /** Reads the data again and replaces the copy at once; loads of one snapshot run one at a time. */
    void reload();
}
