package org.dealreg.program.internal;

import java.util.List;

import org.dealreg.program.ProgrammeChange;
import org.dealreg.program.ProgrammeSnapshot;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a change of the programme (a setting, a region's launch date or holidays, an exchange rate, a specialisation)
 * reaches every node's snapshots ({@link ProgrammeSnapshot}, whichever module keeps them): the changing transaction
 * runs {@code NOTIFY}, which PostgreSQL delivers to every listening node only if it commits ({@link SettingsListener}),
 * and this node reloads right after its own commit without waiting for it.
 */
@Component
class ProgrammeChanges implements ProgrammeChange {

    /** The PostgreSQL channel a change is announced on. */
    static final String CHANNEL = "dealreg_settings";

    private final ObjectProvider<ProgrammeSnapshot> snapshots;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate freshTransaction;

    ProgrammeChanges(ObjectProvider<ProgrammeSnapshot> snapshots, JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        this.snapshots = snapshots;
        this.jdbc = jdbc;
        this.freshTransaction = new TransactionTemplate(transactions);
        freshTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        freshTransaction.setReadOnly(true);
    }

    /** Called inside the transaction that changes the programme; once or many times, it reloads once. */
    @Override
    public void announce() {
        // PostgreSQL folds identical notifications of one transaction into one
        jdbc.execute("notify " + CHANNEL);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            reloadAll();
            return;
        }
        // synchronizations belong to the transaction (an inner REQUIRES_NEW one has its own), so look there
        boolean registered = TransactionSynchronizationManager.getSynchronizations().stream()
                .anyMatch(ReloadAfterCommit.class::isInstance);
        if (!registered) {
            TransactionSynchronizationManager.registerSynchronization(new ReloadAfterCommit());
        }
    }

    private final class ReloadAfterCommit implements TransactionSynchronization {

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                // the committed transaction's connection must not run more statements: read in one of its own
                freshTransaction.executeWithoutResult(ignored -> reloadAll());
            }
        }
    }

    void reloadAll() {
        List<ProgrammeSnapshot> all = snapshots.orderedStream().toList();
        all.forEach(ProgrammeSnapshot::reload);
    }
}
