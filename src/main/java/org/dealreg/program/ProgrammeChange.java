package org.dealreg.program;

/**
 * Announces that data a {@link ProgrammeSnapshot} holds is changing: called inside the changing transaction, it
 * makes every node bring the snapshots of that topic up to date once that transaction commits (and never when it
 * rolls back). A database trigger may announce too, through the SQL function {@code programme_change_announce(topic)}:
 * then any writer's change is announced, even one that bypasses the application.
 */
public interface ProgrammeChange {

    /** The topic of the programme's reference data: settings, regions, exchange rates, specialisations. */
    String PROGRAMME = "programme";

    /** Once or many times in a transaction: every node reloads its programme snapshots once. */
    default void announce() {
        announce(PROGRAMME);
    }

    /** Once or many times in a transaction: every node brings its snapshots of {@code topic} up to date once. */
    void announce(String topic);
}
