package org.dealreg.program.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dealreg.program.RegionView;

@Entity
@Table(name = "region")
class RegionEntity {

    @Id
    private String code;

    @Column(nullable = false)
    private String currency;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "default_locale", nullable = false)
    private String defaultLocale;

    @Column(name = "launch_date", nullable = false)
    private LocalDate launchDate;

    protected RegionEntity() {
    }

    /** Opens the region on another day; answers the day it was. */
    LocalDate moveLaunchDate(LocalDate day) {
        LocalDate before = launchDate;
        launchDate = day;
        return before;
    }

    RegionView view() {
        return new RegionView(code, currency, ZoneId.of(timeZone), Locale.forLanguageTag(defaultLocale), launchDate);
    }
}
