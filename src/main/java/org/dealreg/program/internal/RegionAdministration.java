package org.dealreg.program.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.dealreg.program.ExchangeRateRecorded;
import org.dealreg.program.RegionHolidayChanged;
import org.dealreg.program.RegionLaunchDateChanged;
import org.dealreg.program.RegionView;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.dealreg.shared.SupportedCurrency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regions page's application service: launch dates, holiday calendars and exchange rates. Each change is
 * published for the audit trail in its transaction. A region's due times and a registration's rate are stored at
 * submission, so nothing here changes an existing registration.
 */
@Service
class RegionAdministration {

    private final RegionRepository regions;
    private final ProgrammeChanges changes;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    RegionAdministration(RegionRepository regions, JdbcTemplate jdbc, ApplicationEventPublisher events,
            ProgrammeChanges changes) {
        this.regions = regions;
        this.changes = changes;
        this.jdbc = jdbc;
        this.events = events;
    }

    record Holiday(LocalDate day, String name) {
    }

    record Rate(String currency, BigDecimal usdPerUnit, LocalDate validFrom) {
    }

    @Transactional(readOnly = true)
    public RegionView region(String code) {
        return regions.findById(code).map(RegionEntity::view).orElseThrow(() -> new NotFound("region"));
    }

    @Transactional(readOnly = true)
    public List<Holiday> holidays(String code) {
        return jdbc.query("select day, name from region_holiday where region_code = ? order by day",
                (rs, n) -> new Holiday(rs.getObject("day", LocalDate.class), rs.getString("name")), code);
    }

    /** Every recorded rate, newest first within each currency. */
    @Transactional(readOnly = true)
    public List<Rate> rates() {
        return jdbc.query("select currency, usd_per_unit, valid_from from exchange_rate order by currency, valid_from desc",
                (rs, n) -> new Rate(rs.getString("currency"), rs.getBigDecimal("usd_per_unit").stripTrailingZeros(),
                        rs.getObject("valid_from", LocalDate.class)));
    }

    @Transactional
    public void moveLaunchDate(String code, LocalDate day) {
        RegionEntity region = regions.findById(code).orElseThrow(() -> new NotFound("region"));
        LocalDate before = region.moveLaunchDate(day);
        if (!before.equals(day)) {
            changes.announce();
            events.publishEvent(new RegionLaunchDateChanged(code, before, day));
        }
    }

    @Transactional
    public void addHoliday(String code, HolidayForm form) {
        region(code);
        String name = form.name().trim();
        int added = jdbc.update("insert into region_holiday (region_code, day, name) values (?, ?, ?) on conflict do nothing",
                code, form.day(), name);
        if (added == 0) {
            throw RulesBroken.on("day", "admin.holidays.duplicate");
        }
        changes.announce();
        events.publishEvent(new RegionHolidayChanged(code, form.day(), name, true));
    }

    /** @return whether there was such a holiday */
    @Transactional
    public boolean removeHoliday(String code, LocalDate day) {
        List<String> removed = jdbc.queryForList(
                "delete from region_holiday where region_code = ? and day = ? returning name", String.class, code, day);
        if (!removed.isEmpty()) {
            changes.announce();
        }
        removed.forEach(name -> events.publishEvent(new RegionHolidayChanged(code, day, name, false)));
        return !removed.isEmpty();
    }

    /** Records a rate; one per currency and day, so a second one for the same day is refused, not overwritten. */
    @Transactional
    public void recordRate(RateForm form) {
        SupportedCurrency currency = SupportedCurrency.parse(form.currency())
                .filter(c -> c != SupportedCurrency.USD)
                .orElseThrow(() -> RulesBroken.on("currency", "admin.rates.currencyInvalid"));
        BigDecimal rate = RateRules.parse(form.usdPerUnit());
        int added = jdbc.update("insert into exchange_rate (currency, usd_per_unit, valid_from) values (?, ?, ?) "
                + "on conflict (currency, valid_from) do nothing", currency.name(), rate, form.validFrom());
        if (added == 0) {
            throw RulesBroken.on("validFrom", "admin.rates.duplicate");
        }
        changes.announce();
        events.publishEvent(new ExchangeRateRecorded(currency.name(), rate, form.validFrom()));
    }
}
