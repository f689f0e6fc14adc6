package org.dealreg.program.internal;

import java.time.Clock;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.program.SettingChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The settings in force, read from this node's {@link SettingsSnapshot} (no query per rule). A change is written to
 * {@code program_setting} and announced to every node by {@code NOTIFY} in the same transaction, so nodes hear of it
 * only once it is committed; this node reloads right after its own commit without waiting for the announcement.
 */
@Service
class CachedProgramSettings implements ProgramSettings {

    private final ProgramSettingRepository repository;
    private final SettingsSnapshot snapshot;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate freshTransaction;

    CachedProgramSettings(ProgramSettingRepository repository, SettingsSnapshot snapshot, JdbcTemplate jdbc,
            Clock clock, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.snapshot = snapshot;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.freshTransaction = new TransactionTemplate(transactions);
        freshTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        freshTransaction.setReadOnly(true);
    }

    @Override
    public String value(Setting setting) {
        return snapshot.value(setting);
    }

    @Override
    @Transactional
    public void change(Setting setting, String value) {
        ProgramSettingEntity entity = repository.findById(setting.key()).orElseThrow();
        String old = entity.value();
        entity.change(value, clock.instant());
        // Delivered by PostgreSQL on commit only, once per transaction however many settings it changes.
        jdbc.execute("notify " + SettingsSnapshot.CHANNEL);
        reloadAfterCommit();
        events.publishEvent(new SettingChanged(setting.key(), old, value));
    }

    /** Once per transaction, even when it changes several settings. */
    private void reloadAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            snapshot.reload();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(snapshot)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(snapshot, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(snapshot);
                if (status == STATUS_COMMITTED) {
                    // the committed transaction's connection must not run more statements: read in one of its own
                    freshTransaction.executeWithoutResult(ignored -> snapshot.reload());
                }
            }
        });
    }
}
