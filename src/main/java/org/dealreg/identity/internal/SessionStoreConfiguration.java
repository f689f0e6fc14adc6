package org.dealreg.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC). Requests of one session run at once — two tabs, a double click,
 * an integration — and each saves the attributes it changed when it ends.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /**
     * Spring Session's own PostgreSQL statements: an attribute is written with an upsert. The stock plain INSERT makes
     * two requests that both add an attribute the session did not have (the flash message of two posts, the page to
     * return to after sign-in) collide on the primary key, and one of them answers 500; with the upsert the last
     * one's value stays, as with any other attribute both change.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionStatements() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
