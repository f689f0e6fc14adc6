package org.dealreg.web.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool's wait ({@code spring.datasource.hikari.connection-timeout}, 2 s) is how soon a request learns that
 * PostgreSQL is away, so that it gets the 503 page within 3 s. A pool that is only busy — every connection lent to a
 * request that is working, and the database answering — is no outage: a burst (fifty posts of one session at once)
 * must wait its turn as it did before, not be told the portal is unavailable. So a request whose wait ran out while
 * every connection of a live pool was in use waits again, up to {@code dealreg.database.busy-wait} (30 s, the pool's
 * own default) in all; a wait that ran out because connections could not be made ends at once.
 */
@Configuration(proxyBeanMethods = false)
class PatientConnections {

    @Bean
    static BeanPostProcessor patientWhileBusy(Environment environment) {
        Duration busyWait = environment.getProperty("dealreg.database.busy-wait", Duration.class, Duration.ofSeconds(30));
        return new PatientWhileBusyPostProcessor(busyWait);
    }

    /** First of all post-processors, so it meets the pool itself before anything else wraps it. */
    static final class PatientWhileBusyPostProcessor implements BeanPostProcessor, PriorityOrdered {

        private final Duration busyWait;

        PatientWhileBusyPostProcessor(Duration busyWait) {
            this.busyWait = busyWait;
        }

        /** The pool itself, or a data source wrapping it (a test's statement counter). */
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource pool) {
                return new PatientWhileBusy(pool, pool, busyWait);
            }
            try {
                if (bean instanceof DataSource wrapper && !(bean instanceof PatientWhileBusy)
                        && wrapper.isWrapperFor(HikariDataSource.class)) {
                    return new PatientWhileBusy(wrapper, wrapper.unwrap(HikariDataSource.class), busyWait);
                }
            } catch (SQLException notAPool) {
                return bean;
            }
            return bean;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    static final class PatientWhileBusy extends DelegatingDataSource {

        private final HikariDataSource pool;
        private final Duration busyWait;

        PatientWhileBusy(DataSource connections, HikariDataSource pool, Duration busyWait) {
            super(connections);
            this.pool = pool;
            this.busyWait = busyWait;
        }

        @Override
        public Connection getConnection() throws SQLException {
            long giveUpAt = System.nanoTime() + busyWait.toNanos();
            while (true) {
                try {
                    return super.getConnection();
                } catch (SQLTransientConnectionException timedOut) {
                    if (!busyButAlive(timedOut) || System.nanoTime() >= giveUpAt) {
                        throw timedOut;
                    }
                }
            }
        }

        /**
         * Hikari names its last failure to make a connection as the cause (a stopped server refuses at once, a silent
         * network after the driver's 2 s); without one, and with connections in the pool, the wait was only for a
         * busy pool.
         */
        private boolean busyButAlive(SQLTransientConnectionException timedOut) {
            HikariPoolMXBean stats = pool.getHikariPoolMXBean();
            return timedOut.getCause() == null && stats != null && stats.getTotalConnections() > 0;
        }
    }
}
