package org.dealreg;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL (the one SPRING_DATASOURCE_URL names, else an embedded
 * one), with the demo data, on a random port. Every test class with this annotation shares one context.
 * The scheduled jobs are off: a test runs a job itself, at the time it chooses. The portal trusts
 * X-Forwarded-For from the loopback, as behind a proxy, so each {@link PortalClient} has an address of its own.
 * Webhooks may be delivered to the loopback over plain http, where the tests' own receivers listen.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DealregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dealreg.jobs.enabled=false", "server.forward-headers-strategy=native",
                "dealreg.webhooks.allow-private-addresses=true"})
@AutoConfigureMockMvc
@ActiveProfiles("demo")
public @interface IntegrationTest {
}
