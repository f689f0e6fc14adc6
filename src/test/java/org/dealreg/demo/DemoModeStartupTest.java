package org.dealreg.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.dealreg.DealregApplication;
import org.dealreg.PortalClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts the portal the way {@code ./mvnw spring-boot:run} does on a fresh machine — no database
 * settings at all — only pointed at a folder of its own under target/ and a free port.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeStartupTest {

    @Test
    void theRunCommandStartsAnEmbeddedDemoThatSignsInAndKeepsItsDataAcrossRestarts(CapturedOutput output) {
        Path home = Path.of(System.getProperty("project.build.directory", "target"), "demo-run-" + UUID.randomUUID());
        String title = "Kept across restarts " + UUID.randomUUID();

        try (ConfigurableApplicationContext first = start(home, true)) {
            assertThat(output).contains("Generated a local demo encryption key")
                    .contains("dealreg is running at http://localhost:" + port(first))
                    .contains("bob@northwind.example").contains("demo-password");
            assertThat(Files.exists(home.resolve("demo-keys.properties"))).isTrue();
            assertThat(Files.isDirectory(home.resolve("postgres"))).isTrue();

            PortalClient maria = new PortalClient(port(first));
            maria.signIn("maria@dealreg.example", "demo-password");
            assertThat(lineOf(maria.get("/reports/trust").body(), "US")).as("the demo's last month in the trust figures")
                    .contains("8 h 0 min").contains("26 h 24 min").contains("88% 23 of 26").contains("100% 25 of 25")
                    .contains("12% 3 of 25");

            PortalClient bob = new PortalClient(port(first));
            assertThat(bob.signIn("bob@northwind.example", "demo-password")).endsWith("/");
            assertThat(bob.get("/deals").body()).contains("My company’s registrations");
            bob.get("/deals/new");
            Map<String, String> deal = new java.util.HashMap<>(Map.of("customerName", "Initech", "customerCountry", "US",
                    "contactName", "Peter Gibbons", "contactEmail", "peter@initech.example", "title", title,
                    "description", "Printers", "specialization", "INFRASTRUCTURE", "amount", "90000",
                    "currency", "USD", "expectedCloseDate", java.time.LocalDate.now().plusMonths(2).toString()));
            assertThat(bob.post("/deals", deal).headers().firstValue("Location")).hasValueSatisfying(
                    l -> assertThat(l).contains("/deals/"));
        }

        try (ConfigurableApplicationContext second = start(home, false)) {
            PortalClient bob = new PortalClient(port(second));
            bob.signIn("bob@northwind.example", "demo-password");
            assertThat(bob.get("/deals").body()).contains(title);
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from partner where legal_name = 'Northwind Systems'",
                    Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from registration r join app_user u on u.id = r.submitted_by "
                    + "where u.email = 'dana@northwind.example'", Long.class)).as("the history, loaded once").isEqualTo(28);
        }
    }

    /** A region's line of the trust figures as it reads: tags dropped, spaces collapsed. */
    private static String lineOf(String page, String region) {
        int start = page.indexOf("data-region=\"" + region + "\"");
        return page.substring(start, page.indexOf("</tr>", start)).replaceAll("<[^>]+>", " ")
                .replaceAll("[\\s\\u00a0]+", " ");
    }

    private static ConfigurableApplicationContext start(Path home, boolean clean) {
        return SpringApplication.run(DealregApplication.class,
                "--spring.datasource.url=", "--server.port=0", "--dealreg.embedded.home=" + home,
                "--dealreg.embedded.clean=" + clean, "--dealreg.crypto.key-file=");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
