package org.dealreg.registration.internal;

import java.util.function.Consumer;

import org.dealreg.identity.CurrentUser;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.RegistrationsExported;
import org.dealreg.shared.DatabaseClock;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.SearchText;
import org.dealreg.web.Export;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner's registrations as an export: the company's rows only, the list's status filter, search and order, read a
 * batch at a time and decrypted one by one (the customer's name and the title, as the list). The export is then
 * recorded ({@link RegistrationsExported}) with the number of rows it held, even when the download broke off.
 */
@Service
class RegistrationExport {

    private final CompanyRegistrations list;
    private final ApplicationEventPublisher events;
    private final DatabaseClock clock;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    RegistrationExport(CompanyRegistrations list, ApplicationEventPublisher events, DatabaseClock clock,
            PlatformTransactionManager transactions) {
        this.list = list;
        this.events = events;
        this.clock = clock;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
    }

    /** Hands the company's registrations that the list's query keeps to the sink, in its order, then records the export. */
    void export(CurrentUser user, RegistrationStatus status, SearchText search, ListOrder order, Export.Format format,
            Consumer<DealSummary> sink) {
        if (user.partnerId() == null) {
            throw new NotFound("Partner");
        }
        long[] rows = {0};
        try {
            reading.executeWithoutResult(tx -> list.each(
                    new CompanyRegistrations.Query(user.partnerId(), status, search, order), summary -> {
                        sink.accept(summary);
                        rows[0]++;
                    }));
        } finally {
            writing.executeWithoutResult(tx -> events.publishEvent(new RegistrationsExported(user.partnerId(),
                    user.id(), user.role().name(), status, format.extension(), rows[0], clock.now())));
        }
    }
}
