package org.dealreg.program.internal;

import java.time.Clock;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.program.SettingChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaProgramSettings implements ProgramSettings {

    private final ProgramSettingRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JpaProgramSettings(ProgramSettingRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public String value(Setting setting) {
        return repository.findById(setting.key())
                .orElseThrow(() -> new IllegalStateException("Programme setting " + setting.key() + " is missing"))
                .value();
    }

    @Override
    @Transactional
    public void change(Setting setting, String value) {
        ProgramSettingEntity entity = repository.findById(setting.key()).orElseThrow();
        String old = entity.value();
        entity.change(value, clock.instant());
        events.publishEvent(new SettingChanged(setting.key(), old, value));
    }
}
