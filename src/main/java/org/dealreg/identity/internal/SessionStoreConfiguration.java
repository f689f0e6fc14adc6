package org.dealreg.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

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

    /**
     * The session a request saved is the one it reads again right after: Spring Session's filter, once it has saved
     * the session at the end of a request, asks the repository for the requested session again only to learn whether
     * its id is still valid (spring-session#1731), one more query on every request. The repository answers that
     * question from the session it has just saved, on the same thread and within the same request only
     * ({@link #forgetSavedSessionAfterEachRequest}).
     */
    @Bean
    static BeanPostProcessor sessionSavedIsSessionRead() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JdbcIndexedSessionRepository repository)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(repository);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) call -> {
                    Object[] arguments = call.getArguments();
                    String method = call.getMethod().getName();
                    if (method.equals("findById") && arguments.length == 1) {
                        Session saved = JustSaved.take();
                        if (saved != null && saved.getId().equals(arguments[0])) {
                            return saved;
                        }
                    }
                    Object result = call.proceed();
                    if (method.equals("save") && arguments.length == 1 && arguments[0] instanceof Session session) {
                        JustSaved.remember(session);
                    }
                    return result;
                });
                return proxy.getProxy(repository.getClass().getClassLoader());
            }
        };
    }

    /** Outside Spring Session's filter: what a request saved is never answered to a later request of the thread. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> forgetSavedSessionAfterEachRequest(
            @Value("${spring.session.servlet.filter-order:" + SessionRepositoryFilter.DEFAULT_ORDER + "}")
            int sessionFilterOrder) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            JustSaved.take();
                        }
                    }
                });
        registration.setOrder(sessionFilterOrder - 1);
        registration.setName("forgetSavedSession");
        return registration;
    }

    /** The session the current request has just saved, until it is read once. */
    static final class JustSaved {

        private static final ThreadLocal<Session> SAVED = new ThreadLocal<>();

        private JustSaved() {
        }

        static void remember(Session session) {
            SAVED.set(session);
        }

        static Session take() {
            Session saved = SAVED.get();
            SAVED.remove();
            return saved;
        }
    }
}
