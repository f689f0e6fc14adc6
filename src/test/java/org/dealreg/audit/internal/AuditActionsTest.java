package org.dealreg.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every action the trail records is listed once and has its words in English and in French. */
class AuditActionsTest {

    @Test
    void everyKnownActionHasItsWordsInBothLanguages() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_fr.properties"}) {
            Properties messages = load(bundle);
            for (String action : AuditActions.KNOWN) {
                assertThat(messages.getProperty("audit.action." + action)).as(bundle + ": " + action).isNotBlank();
            }
        }
        assertThat(new TreeSet<>(AuditActions.KNOWN)).as("listed once").hasSameSizeAs(AuditActions.KNOWN);
    }

    /** The literal actions the listeners append (prefixes joined to a value are listed by hand and checked above). */
    @Test
    void everyLiteralActionOfTheListenersIsKnown() throws IOException {
        Pattern literal = Pattern.compile("\"([A-Z][A-Z_]+[A-Z])\"");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/dealreg/audit/internal"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith("Listeners.java")).toList()) {
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        found.removeIf(action -> !action.contains("_"));
        assertThat(found).isNotEmpty();
        assertThat(AuditActions.KNOWN).containsAll(found);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditActionsTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
