package org.dealreg.program;

/**
 * A node's in-memory copy of data that is read on almost every request or under a lock — the settings, the regions,
 * the exchange rates, the specialisation catalogue, the names of the engaged accounts — so that reading it costs no
 * query. Every node brings its copies up to date when a change of their {@link #topic()} is announced
 * ({@link ProgrammeChange}), and reloads them all when it may have missed announcements (at start, after its
 * listening connection was cut); see docs/settings.md. A module keeps its own data in a bean implementing this.
 */
public interface ProgrammeSnapshot {

    /** The topic whose announcements concern this copy; the programme's reference data unless said otherwise. */
    default String topic() {
        return ProgrammeChange.PROGRAMME;
    }

    /** Reads the data again and replaces the copy at once; loads of one snapshot run one at a time. */
    void reload();

    /**
     * Brings the copy up to date after an announcement on its topic: a whole reload, unless the copy can read only
     * what changed since it was loaded.
     */
    default void catchUp() {
        reload();
    }
}
