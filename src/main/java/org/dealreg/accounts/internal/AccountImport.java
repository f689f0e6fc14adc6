package org.dealreg.accounts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dealreg.accounts.AccountBook;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.identity.UserAccounts.UserSummary;
import org.dealreg.shared.CustomerNormaliser;
import org.dealreg.shared.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports direct-sales accounts from CSV with the columns crm_id, name, country, domains (separated by
 * ";") and owner_email. Every row is checked first; the good ones are upserted by CRM id (so importing
 * the same file twice changes nothing), and each bad one is reported with its line and reason without
 * stopping the others. Every cell is read like a form field ({@link TypedText}): a control character (NUL …) or a
 * line break in a cell refuses its row. A file that is not such a CSV is refused whole.
 */
@Service
class AccountImport {

    static final List<String> COLUMNS = List.of("crm_id", "name", "country", "domains", "owner_email");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    record Rejected(long line, String crmId, String reason, List<Object> args) {
    }

    record Report(int created, int updated, List<Rejected> rejected, String refusal) {

        static Report refused(String reason) {
            return new Report(0, 0, List.of(), reason);
        }

        public int accepted() {
            return created + updated;
        }
    }

    private record GoodRow(String crmId, String name, String country, Set<String> domains, UserSummary owner) {
    }

    private final AccountBook book;
    private final UserAccounts users;

    AccountImport(AccountBook book, UserAccounts users) {
        this.book = book;
        this.users = users;
    }

    @Transactional
    public Report importCsv(InputStream input) {
        List<GoodRow> good = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        Map<String, Optional<UserSummary>> owners = new HashMap<>();
        try (Reader reader = withoutByteOrderMark(new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            if (!header.containsAll(COLUMNS)) {
                return Report.refused("import.notCsv");
            }
            Map<String, Integer> column = new HashMap<>();
            for (int i = 0; i < parser.getHeaderNames().size(); i++) {
                column.put(header.get(i), i);
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber() - lineBreaksIn(record);
                check(record, line, column, seen, owners).ifPresentOrElse(rejected::add, () -> {
                    seen.put(value(record, column, "crm_id"), line);
                    good.add(row(record, column, owners));
                });
            }
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return Report.refused(e.getCause() instanceof CharacterCodingException ? "import.notText" : "import.notCsv");
        } catch (IOException e) {
            return Report.refused(e instanceof CharacterCodingException ? "import.notText" : "import.notCsv");
        }
        int created = 0;
        for (GoodRow row : good) {
            if (!book.exists(row.crmId())) {
                created++;
            }
            book.upsert(row.crmId(), row.name(), row.country(), row.domains(), row.owner().id());
        }
        return new Report(created, good.size() - created, rejected, null);
    }

    /** Why a row cannot be imported; a CRM id counts as seen only once a row with it was accepted. */
    private Optional<Rejected> check(CSVRecord record, long line, Map<String, Integer> column, Map<String, Long> seen,
            Map<String, Optional<UserSummary>> owners) {
        for (String name : COLUMNS) {
            if (TypedText.problem(raw(record, column, name), false) != null) {
                String crmId = TypedText.problem(raw(record, column, "crm_id"), false) == null
                        ? value(record, column, "crm_id") : "";
                return Optional.of(new Rejected(line, crmId, "import.typed", List.of(name)));
            }
        }
        String crmId = value(record, column, "crm_id");
        if (crmId.isEmpty() || crmId.length() > 64) {
            return Optional.of(new Rejected(line, crmId, "import.badCrmId", List.of()));
        }
        Long first = seen.get(crmId);
        if (first != null) {
            return Optional.of(new Rejected(line, crmId, "import.duplicateId", List.of(first)));
        }
        String name = value(record, column, "name");
        if (name.isEmpty() || name.length() > 200) {
            return Optional.of(new Rejected(line, crmId, "import.badName", List.of()));
        }
        String country = value(record, column, "country").toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            return Optional.of(new Rejected(line, crmId, "import.badCountry", List.of(country)));
        }
        for (String domain : domainsOf(value(record, column, "domains"))) {
            if (CustomerNormaliser.domainOfWebsite(domain).isEmpty()) {
                return Optional.of(new Rejected(line, crmId, "import.badDomain", List.of(domain)));
            }
        }
        String owner = value(record, column, "owner_email");
        Optional<UserSummary> rep = owner(owner, owners);
        if (rep.isEmpty() || rep.get().role() != Role.SALES_REP) {
            return Optional.of(new Rejected(line, crmId, "import.unknownOwner", List.of(owner)));
        }
        return Optional.empty();
    }

    /** Each owner e-mail of a file is looked up once. */
    private Optional<UserSummary> owner(String email, Map<String, Optional<UserSummary>> owners) {
        return email.isEmpty() ? Optional.empty() : owners.computeIfAbsent(email.toLowerCase(Locale.ROOT), users::findByEmail);
    }

    private GoodRow row(CSVRecord record, Map<String, Integer> column, Map<String, Optional<UserSummary>> owners) {
        Set<String> domains = new LinkedHashSet<>();
        for (String domain : domainsOf(value(record, column, "domains"))) {
            domains.add(CustomerNormaliser.domainOfWebsite(domain).orElseThrow());
        }
        return new GoodRow(value(record, column, "crm_id"), value(record, column, "name"),
                value(record, column, "country").toUpperCase(Locale.ROOT), domains,
                owner(value(record, column, "owner_email"), owners).orElseThrow());
    }

    /** A quoted cell may hold line breaks; the row is named by the line it starts on. */
    private static long lineBreaksIn(CSVRecord record) {
        return record.stream().mapToLong(cell -> cell.chars().filter(c -> c == '\n').count()).sum();
    }

    /** Spreadsheets often start a UTF-8 CSV with a byte-order mark; it is not part of the first column's name. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static List<String> domainsOf(String cell) {
        return cell.isBlank() ? List.of() : List.of(cell.split("\\s*;\\s*"));
    }

    /** A cell as the edge keeps it ({@link TypedText}): trimmed, NFC; empty when nothing visible. */
    private static String value(CSVRecord record, Map<String, Integer> column, String name) {
        String kept = TypedText.clean(raw(record, column, name), false);
        return kept == null ? "" : kept;
    }

    private static String raw(CSVRecord record, Map<String, Integer> column, String name) {
        int index = column.get(name);
        return index < record.size() ? record.get(index) : "";
    }
}
