package org.dealreg.program.internal;

import java.time.Clock;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.program.SettingChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings in force, read from this node's {@link SettingsSnapshot} (no query per rule). A change is written to
 * {@code program_setting} and announced to every node in the same transaction ({@link ProgrammeChanges}).
 */
@Service
class CachedProgramSettings implements ProgramSettings {

    private final ProgramSettingRepository repository;
    private final SettingsSnapshot snapshot;
    private final ProgrammeChanges changes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CachedProgramSettings(ProgramSettingRepository repository, SettingsSnapshot snapshot, ProgrammeChanges changes,
            Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.snapshot = snapshot;
        this.changes = changes;
        this.clock = clock;
        this.events = events;
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
        changes.announce();
        events.publishEvent(new SettingChanged(setting.key(), old, value));
    }
}
