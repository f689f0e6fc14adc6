package org.dealreg.registration.internal;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import org.dealreg.shared.DatabaseClock;
import org.dealreg.registration.AlreadyDecided;
import org.dealreg.registration.RegistrationStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every change of a registration's status goes through here, inside the caller's transaction. The aggregate
 * refuses a change to a registration that is no longer pending or that moved past the version the person saw;
 * when two people act at the same moment both pass that check, and the version column decides: the second
 * update finds no row, and the second person is told what the first one did.
 */
@Component
class Transitions {

    private final RegistrationRepository registrations;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final DatabaseClock databaseClock;

    Transitions(RegistrationRepository registrations, EntityManager entityManager, JdbcTemplate jdbc, DatabaseClock databaseClock) {
        this.databaseClock = databaseClock;
        this.registrations = registrations;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    /** The database's clock, so that the order of events never depends on one node's clock. */
    Instant now() {
        return databaseClock.now();
    }

    /**
     * The row is written (and locked) before {@code save} publishes the aggregate's events, so a stale version is
     * refused before any listener has written anything.
     */
    void apply(Registration registration, Consumer<Registration> change) {
        change.accept(registration);
        try {
            entityManager.flush();
        } catch (OptimisticLockException lost) {
            throw whatItIsNow(registration.id());
        }
        registrations.save(registration);
    }

    /**
     * As {@link #apply(Registration, Consumer)}, for a change whose race has its own words: the person who lost it
     * is told {@code lostRace}. A lost race is a version that moved on, or a row a unique index refuses (two
     * extension requests at once); after the latter the transaction can run no more statements, so nothing is read.
     */
    void apply(Registration registration, Consumer<Registration> change, Supplier<RuntimeException> lostRace) {
        change.accept(registration);
        try {
            entityManager.flush();
        } catch (OptimisticLockException lost) {
            throw lostRace.get();
        } catch (PersistenceException refused) {
            if (refused instanceof ConstraintViolationException || refused.getCause() instanceof ConstraintViolationException) {
                throw lostRace.get();
            }
            throw refused;
        }
        registrations.save(registration);
    }

    /** Read past the stale entity: what the winner committed. */
    private AlreadyDecided whatItIsNow(UUID id) {
        return jdbc.queryForObject("select status, decided_by from registration where id = ?", (rs, n) ->
                new AlreadyDecided(RegistrationStatus.valueOf(rs.getString("status")),
                        rs.getObject("decided_by", UUID.class)), id);
    }
}
