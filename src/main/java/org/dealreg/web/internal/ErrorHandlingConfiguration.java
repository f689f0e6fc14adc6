package org.dealreg.web.internal;

import java.util.Arrays;

import jakarta.servlet.DispatcherType;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Every error a browser can reach ends on the portal's own page, and a database that is away is not waited for.
 * The filters, outermost first: {@link FailureFilter} (before Spring Session's, so that it also sees a session that
 * could not be saved), {@link UnencodedCharacterFilter}, {@link StaticFilesWithoutSession}, then Spring Session's
 * and, just inside it, {@link SessionSaveGuard}. Tomcat's own error report is replaced by
 * {@link PortalErrorReportValve}.
 */
@Configuration(proxyBeanMethods = false)
class ErrorHandlingConfiguration {

    @Bean
    FilterRegistrationBean<FailureFilter> failureFilter(FallbackPage fallback,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        FilterRegistrationBean<FailureFilter> registration =
                new FilterRegistrationBean<>(new FailureFilter(sessionCookie, fallback));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<StaticFilesWithoutSession> staticFilesWithoutSession(
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        FilterRegistrationBean<StaticFilesWithoutSession> registration =
                new FilterRegistrationBean<>(new StaticFilesWithoutSession(sessionCookie));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SessionSaveGuard> sessionSaveGuard(@Value("${spring.session.servlet.filter-order:"
            + SessionRepositoryFilter.DEFAULT_ORDER + "}") int sessionFilterOrder) {
        FilterRegistrationBean<SessionSaveGuard> registration = new FilterRegistrationBean<>(new SessionSaveGuard());
        registration.setOrder(sessionFilterOrder + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UnencodedCharacterFilter> unencodedCharacterFilter() {
        FilterRegistrationBean<UnencodedCharacterFilter> registration =
                new FilterRegistrationBean<>(new UnencodedCharacterFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Not ordered, so it runs after Boot's own customizer, which adds Tomcat's error report to the host: this one
     * replaces it, and lets the characters a browser always encodes reach {@link UnencodedCharacterFilter}.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> portalErrorReport(FallbackPage fallback) {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("relaxedPathChars", UnencodedCharacterFilter.REFUSED);
                connector.setProperty("relaxedQueryChars", UnencodedCharacterFilter.REFUSED);
            });
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                Arrays.stream(host.getPipeline().getValves()).filter(ErrorReportValve.class::isInstance)
                        .forEach(host.getPipeline()::removeValve);
                host.getPipeline().addValve(new PortalErrorReportValve(fallback));
                host.setErrorReportValveClass(PortalErrorReportValve.class.getName());
            });
        };
    }
}
