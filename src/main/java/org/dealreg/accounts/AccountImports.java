package org.dealreg.accounts;

import java.io.InputStream;
import java.util.List;

/**
 * Loads direct-sales accounts by CRM id, from the import page's CSV file or the vendor API's lines: every line is
 * checked first, the good ones are created or updated in one statement set (so loading the same lines twice changes
 * nothing), each bad one is reported with its line and reason without stopping the others. The conflict check sees
 * what is loaded as soon as it commits.
 */
public interface AccountImports {

    /** The columns of the CSV file, in the order the page names them. */
    List<String> COLUMNS = List.of("crm_id", "name", "country", "domains", "owner_email");

    /** A CSV file with {@link #COLUMNS} (domains separated by ";"). A file that is not such a CSV is refused whole. */
    Report importCsv(InputStream csv);

    /** Lines already read (numbered from 1 by the caller), each checked as a CSV row is. */
    Report importLines(List<Line> lines);

    /** One account as a line gives it: nothing is trusted until checked. */
    record Line(long number, String crmId, String name, String country, List<String> domains, String ownerEmail) {
    }

    enum Result { CREATED, UPDATED, REJECTED }

    /** What became of a line: created, updated, or rejected with a message code of the bundles and its arguments. */
    record Outcome(long line, String crmId, Result result, String reason, List<Object> args) {
    }

    /** Every line's outcome in line order, or the reason the whole input was refused (then no outcome). */
    record Report(List<Outcome> outcomes, String refusal) {

        public static Report refused(String reason) {
            return new Report(List.of(), reason);
        }

        public int created() {
            return count(Result.CREATED);
        }

        public int updated() {
            return count(Result.UPDATED);
        }

        public int accepted() {
            return created() + updated();
        }

        public List<Outcome> rejected() {
            return outcomes.stream().filter(o -> o.result() == Result.REJECTED).toList();
        }

        private int count(Result result) {
            return (int) outcomes.stream().filter(o -> o.result() == result).count();
        }
    }
}
