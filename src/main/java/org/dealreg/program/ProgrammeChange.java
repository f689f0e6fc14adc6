package org.dealreg.program;

/**
 * Announces that data a {@link ProgrammeSnapshot} holds is changing: called inside the changing transaction, it
 * makes every node reload its snapshots once that transaction commits (and never when it rolls back).
 */
public interface ProgrammeChange {

    /** Once or many times in a transaction: every node reloads once. */
    void announce();
}
