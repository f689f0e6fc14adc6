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
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.UUID;
import org.dealreg.accounts.AccountImports;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.identity.UserAccounts.UserSummary;
import org.dealreg.shared.CustomerNormaliser;
import org.dealreg.shared.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link AccountImports}: every line is checked like a form ({@link TypedText}: a control character or a line break
 * in a value refuses its line), then the good ones are written set-wise (docs/accounts.md): staged in a temporary
 * table with COPY, upserted into direct_account by CRM id with one statement, their domains replaced with two. A
 * hundred thousand lines take seconds, not the minutes one entity per line took.
 */
@Service
class AccountImport implements AccountImports {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private record GoodLine(long number, String crmId, String name, String country, Set<String> domains, UUID ownerId) {
    }

    private final UserAccounts users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccountImport(UserAccounts users, JdbcTemplate jdbc, Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Report importCsv(InputStream input) {
        List<Line> lines = new ArrayList<>();
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
                lines.add(new Line(parser.getCurrentLineNumber() - lineBreaksIn(record), raw(record, column, "crm_id"),
                        raw(record, column, "name"), raw(record, column, "country"),
                        domainsOf(raw(record, column, "domains")), raw(record, column, "owner_email")));
            }
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return Report.refused(e.getCause() instanceof CharacterCodingException ? "import.notText" : "import.notCsv");
        } catch (IOException e) {
            return Report.refused(e instanceof CharacterCodingException ? "import.notText" : "import.notCsv");
        }
        return importLines(lines);
    }

    @Override
    @Transactional
    public Report importLines(List<Line> lines) {
        Map<String, Long> seen = new HashMap<>();
        Map<String, Optional<UserSummary>> owners = new HashMap<>();
        List<GoodLine> good = new ArrayList<>();
        Map<Long, Outcome> rejected = new HashMap<>();
        for (Line line : lines) {
            Optional<Outcome> problem = check(line, seen, owners);
            if (problem.isPresent()) {
                rejected.put(line.number(), problem.get());
            } else {
                GoodLine row = good(line, owners);
                seen.put(row.crmId(), line.number());
                good.add(row);
            }
        }
        Set<String> created = upsert(good);
        List<Outcome> outcomes = new ArrayList<>(lines.size());
        int next = 0;
        for (Line line : lines) {
            Outcome refused = rejected.get(line.number());
            if (refused != null) {
                outcomes.add(refused);
            } else {
                GoodLine row = good.get(next++);
                outcomes.add(new Outcome(line.number(), row.crmId(),
                        created.contains(row.crmId()) ? Result.CREATED : Result.UPDATED, null, List.of()));
            }
        }
        return new Report(outcomes, null);
    }

    /**
     * Writes the good lines in four statements whatever their number; answers the CRM ids it created. A line that
     * changes nothing leaves its row as it was (no new update time, no trigger).
     */
    private Set<String> upsert(List<GoodLine> good) {
        if (good.isEmpty()) {
            return Set.of();
        }
        jdbc.execute("""
                create temporary table account_load (crm_id varchar(64), name varchar(200), normalised_name varchar(200),
                    country varchar(2), owner_id uuid, domains text) on commit drop""");
        StringBuilder copy = new StringBuilder(good.size() * 96);
        for (GoodLine row : good) {
            copy.append(copyField(row.crmId())).append('\t').append(copyField(row.name())).append('\t')
                    .append(copyField(CustomerNormaliser.name(row.name()))).append('\t').append(row.country())
                    .append('\t').append(row.ownerId()).append('\t')
                    .append(copyField(String.join(" ", row.domains()))).append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy account_load from stdin", new StringReader(copy.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Timestamp now = Timestamp.from(clock.instant());
        Set<String> created = new HashSet<>(jdbc.query("""
                insert into direct_account (id, crm_id, name, normalised_name, country, owner_id, created_at, updated_at)
                select gen_random_uuid(), crm_id, name, normalised_name, country, owner_id, ?, ? from account_load
                on conflict (crm_id) do update set name = excluded.name, normalised_name = excluded.normalised_name,
                    country = excluded.country, owner_id = excluded.owner_id, updated_at = excluded.updated_at
                where (direct_account.name, direct_account.country, direct_account.owner_id)
                      is distinct from (excluded.name, excluded.country, excluded.owner_id)
                returning crm_id, xmax = 0 as created""", (rs, n) -> rs.getBoolean(2) ? rs.getString(1) : null,
                now, now));
        created.remove(null);
        jdbc.update("""
                delete from direct_account_domain d using direct_account a, account_load l
                where d.account_id = a.id and a.crm_id = l.crm_id
                  and not d.domain = any(coalesce(string_to_array(nullif(l.domains, ''), ' '), '{}'))""");
        jdbc.update("""
                insert into direct_account_domain (domain, account_id)
                select unnest(string_to_array(nullif(l.domains, ''), ' ')), a.id
                from account_load l join direct_account a on a.crm_id = l.crm_id
                on conflict do nothing""");
        return created;
    }

    /** COPY's text format: a backslash, tab or line break in a value is escaped (checked values hold none but "\\"). */
    private static String copyField(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Why a line cannot be loaded; a CRM id counts as seen only once a line with it was accepted. */
    private Optional<Outcome> check(Line line, Map<String, Long> seen, Map<String, Optional<UserSummary>> owners) {
        long number = line.number();
        String crmIdTyped = line.crmId();
        List<String> values = new ArrayList<>(List.of(text(line.crmId()), text(line.name()), text(line.country()),
                text(line.ownerEmail())));
        List<String> names = List.of("crm_id", "name", "country", "owner_email");
        for (int i = 0; i < names.size(); i++) {
            if (TypedText.problem(values.get(i), false) != null) {
                String crmId = TypedText.problem(crmIdTyped, false) == null ? clean(crmIdTyped) : "";
                return Optional.of(rejected(number, crmId, "import.typed", names.get(i)));
            }
        }
        for (String domain : line.domains() == null ? List.<String>of() : line.domains()) {
            if (TypedText.problem(domain, false) != null) {
                return Optional.of(rejected(number, clean(crmIdTyped), "import.typed", "domains"));
            }
        }
        String crmId = clean(line.crmId());
        if (crmId.isEmpty() || crmId.length() > 64) {
            return Optional.of(rejected(number, crmId, "import.badCrmId"));
        }
        Long first = seen.get(crmId);
        if (first != null) {
            return Optional.of(rejected(number, crmId, "import.duplicateId", first));
        }
        String name = clean(line.name());
        if (name.isEmpty() || name.length() > 200) {
            return Optional.of(rejected(number, crmId, "import.badName"));
        }
        String country = clean(line.country()).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            return Optional.of(rejected(number, crmId, "import.badCountry", country));
        }
        for (String domain : domains(line)) {
            if (CustomerNormaliser.domainOfWebsite(domain).isEmpty()) {
                return Optional.of(rejected(number, crmId, "import.badDomain", domain));
            }
        }
        String owner = clean(line.ownerEmail());
        Optional<UserSummary> rep = owner(owner, owners);
        if (rep.isEmpty() || rep.get().role() != Role.SALES_REP) {
            return Optional.of(rejected(number, crmId, "import.unknownOwner", owner));
        }
        return Optional.empty();
    }

    private static Outcome rejected(long line, String crmId, String reason, Object... args) {
        return new Outcome(line, crmId, Result.REJECTED, reason, List.of(args));
    }

    /** Each owner e-mail of a load is looked up once. */
    private Optional<UserSummary> owner(String email, Map<String, Optional<UserSummary>> owners) {
        return email.isEmpty() ? Optional.empty() : owners.computeIfAbsent(email.toLowerCase(Locale.ROOT), users::findByEmail);
    }

    private GoodLine good(Line line, Map<String, Optional<UserSummary>> owners) {
        Set<String> domains = new LinkedHashSet<>();
        for (String domain : domains(line)) {
            domains.add(CustomerNormaliser.domainOfWebsite(domain).orElseThrow());
        }
        return new GoodLine(line.number(), clean(line.crmId()), clean(line.name()),
                clean(line.country()).toUpperCase(Locale.ROOT), domains, owner(clean(line.ownerEmail()), owners)
                        .orElseThrow().id());
    }

    private static List<String> domains(Line line) {
        return line.domains() == null ? List.of()
                : line.domains().stream().map(AccountImport::clean).filter(d -> !d.isEmpty()).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** A value as the edge keeps it ({@link TypedText}): trimmed, NFC; empty when nothing visible. */
    private static String clean(String value) {
        String kept = TypedText.clean(value == null ? "" : value, false);
        return kept == null ? "" : kept;
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

    private static String raw(CSVRecord record, Map<String, Integer> column, String name) {
        int index = column.get(name);
        return index < record.size() ? record.get(index) : "";
    }
}
