package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dealreg.identity.Role;
import org.dealreg.registration.RegistrationStatus;
import org.junit.jupiter.api.Test;

/** Every text exists in English and French, and no template can run partner text as markup or script. */
class BundlesAndTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void englishAndFrenchBundlesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        assertThat(new TreeSet<>(fr.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (Properties bundle : new Properties[] {en, fr}) {
            bundle.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
        }
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
        Map<Path, String> templates = templates();
        Set<String> missing = new TreeSet<>();
        templates.values().forEach(html -> {
            Matcher m = literal.matcher(html);
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(m.group(1));
                }
            }
        });
        for (RegistrationStatus s : RegistrationStatus.values()) {
            if (!keys.contains("status." + s)) {
                missing.add("status." + s);
            }
        }
        for (Role r : Role.values()) {
            if (!keys.contains("home.role." + r)) {
                missing.add("home.role." + r);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMessageCodeTheJavaCodeRaisesExistsInBothLanguages() throws IOException {
        Set<String> en = load("messages.properties").stringPropertyNames();
        Set<String> fr = load("messages_fr.properties").stringPropertyNames();
        Pattern code = Pattern.compile("\"((?:deal|login|form|status|account|import|precheck|verdict)\\.[A-Za-z.]+)\"");
        Set<String> raised = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(file));
                while (m.find()) {
                    raised.add(m.group(1));
                }
            }
        }
        assertThat(raised).contains("deal.amount.belowMinimum", "deal.region.notLaunched", "deal.submitted");
        assertThat(en).containsAll(raised);
        assertThat(fr).containsAll(raised);
    }

    @Test
    void templatesNeverPrintUnescapedTextNorInlineScriptOrStyle() throws IOException {
        templates().forEach((path, html) -> {
            assertThat(html).as(path.toString()).doesNotContain("th:utext").doesNotContain("[(");
            assertThat(html).as(path + ": inline script").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
            assertThat(html).as(path + ": event handler attribute").doesNotContainPattern("\\son[a-z]+=");
            assertThat(html).as(path + ": inline style").doesNotContainPattern("\\sstyle=");
        });
    }

    private static Map<Path, String> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).collect(Collectors.toMap(p -> p, p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesAndTemplatesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
