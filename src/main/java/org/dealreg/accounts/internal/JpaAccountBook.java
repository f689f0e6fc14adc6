package org.dealreg.accounts.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import org.dealreg.accounts.AccountBook;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaAccountBook implements AccountBook {

    private final DirectAccountRepository accounts;
    private final EngagementRepository engagements;
    private final Clock clock;
    private final ProgramSettings settings;

    JpaAccountBook(DirectAccountRepository accounts, EngagementRepository engagements, Clock clock,
            ProgramSettings settings) {
        this.settings = settings;
        this.accounts = accounts;
        this.engagements = engagements;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID upsert(String crmId, String name, String country, Set<String> domains, UUID ownerId) {
        DirectAccountEntity account = accounts.findByCrmId(crmId)
                .orElseGet(() -> new DirectAccountEntity(crmId, clock.instant()));
        account.update(name, country, domains, ownerId, clock.instant());
        return accounts.save(account).id();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String crmId) {
        return accounts.findByCrmId(crmId).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> idOf(String crmId) {
        return accounts.findByCrmId(crmId).map(DirectAccountEntity::id);
    }

    @Override
    @Transactional
    public void endEngagements(UUID accountId, LocalDate on) {
        for (EngagementEntity open : engagements.findByAccountIdAndEndedOnIsNull(accountId)) {
            open.end(on);
        }
    }

    @Override
    @Transactional
    public void engage(UUID accountId, UUID repId, LocalDate since) {
        int lapse = settings.integer(Setting.ENGAGEMENT_LAPSE_DAYS);
        boolean active = false;
        for (EngagementEntity open : engagements.findByAccountIdAndEndedOnIsNull(accountId)) {
            if (open.activeOn(since, lapse)) {
                open.recordActivity(since);
                active = true;
            } else {
                // a lapsed engagement ends where it lapsed; a new contact starts a new one
                open.end(open.lastActivityOn().plusDays(lapse));
            }
        }
        if (!active) {
            engagements.save(new EngagementEntity(accountId, repId, since, clock.instant()));
        }
    }
}
