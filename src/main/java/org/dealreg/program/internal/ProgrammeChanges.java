package org.dealreg.program.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * or of other data a node copies (the engaged accounts' names) reaches every node's snapshots
 * ({@link ProgrammeSnapshot}, whichever module keeps them): the changing transaction runs {@code NOTIFY} with the
 * topic as payload, which PostgreSQL delivers to every listening node only if it commits ({@link SettingsListener}),
 * and this node catches up right after its own commit without waiting for it. Each snapshot hears its own topic only.
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

    /** Called inside the transaction that changes the data; once or many times, each topic catches up once. */
    @Override
    public void announce(String topic) {
        // PostgreSQL folds identical notifications of one transaction into one
        jdbc.queryForList("select programme_change_announce(?)", topic);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            catchUp(List.of(topic));
            return;
        }
        // synchronizations belong to the transaction (an inner REQUIRES_NEW one has its own), so look there
        CatchUpAfterCommit registered = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(CatchUpAfterCommit.class::isInstance).map(CatchUpAfterCommit.class::cast).findFirst()
                .orElse(null);
        if (registered == null) {
            registered = new CatchUpAfterCommit();
            TransactionSynchronizationManager.registerSynchronization(registered);
        }
        registered.topics.add(topic);
    }

    private final class CatchUpAfterCommit implements TransactionSynchronization {

        private final Set<String> topics = new LinkedHashSet<>();

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                // the committed transaction's connection must not run more statements: read in one of its own
                freshTransaction.executeWithoutResult(ignored -> catchUp(topics));
            }
        }
    }

    /** Every snapshot, after this node may have missed announcements. */
    void reloadAll() {
        List<ProgrammeSnapshot> all = snapshots.orderedStream().toList();
        all.forEach(ProgrammeSnapshot::reload);
    }

    /** The snapshots of these topics, after their announcements. */
    void catchUp(Collection<String> topics) {
        List<ProgrammeSnapshot> concerned = snapshots.orderedStream().filter(s -> topics.contains(s.topic())).toList();
        concerned.forEach(ProgrammeSnapshot::catchUp);
    }
}
