package org.dealreg.accounts.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.dealreg.accounts.AccountBook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaAccountBook implements AccountBook {

    private final DirectAccountRepository accounts;
    private final EngagementRepository engagements;
    private final Clock clock;

    JpaAccountBook(DirectAccountRepository accounts, EngagementRepository engagements, Clock clock) {
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
    @Transactional
    public void engage(UUID accountId, UUID repId, LocalDate since) {
        var open = engagements.findByAccountIdAndEndedOnIsNull(accountId);
        if (open.isEmpty()) {
            engagements.save(new EngagementEntity(accountId, repId, since, clock.instant()));
        } else {
            open.forEach(engagement -> engagement.recordActivity(since));
        }
    }
}
