package org.dealreg.program.internal;

import java.time.Clock;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaProgramSettings implements ProgramSettings {

    private final ProgramSettingRepository repository;
    private final Clock clock;

    JpaProgramSettings(ProgramSettingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
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
        repository.findById(setting.key()).orElseThrow().change(value, clock.instant());
    }
}
