package org.dealreg.program.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "program_setting")
class ProgramSettingEntity {

    @Id
    private String name;

    @Column(nullable = false)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProgramSettingEntity() {
    }

    String value() {
        return value;
    }

    void change(String newValue, Instant at) {
        this.value = newValue;
        this.updatedAt = at;
    }
}
