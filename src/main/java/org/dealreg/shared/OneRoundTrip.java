package org.dealreg.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * Queries of several modules sent to PostgreSQL together and answered together: one network round trip, where a
 * query each would cost one each. They run one after the other on the caller's connection and in its transaction;
 * under READ COMMITTED each takes its own snapshot when it starts, so a later one sees what was committed while an
 * earlier one waited (for a lock, say). Each module writes its own query, naming only its own tables; the caller puts
 * them in order. PgJDBC sends a query string of several statements as one batch of messages closed by a single Sync.
 */
public final class OneRoundTrip {

    private OneRoundTrip() {
    }

    /** What a query's rows become. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** One query: its SQL with {@code ?} parameters, their values in order, and what its rows become. */
    public static final class Query<T> {

        private final String sql;
        private final List<Object> parameters;
        private final Rows<T> rows;
        private T result;
        private boolean answered;

        public Query(String sql, List<Object> parameters, Rows<T> rows) {
            if (sql.contains(";")) {
                throw new IllegalArgumentException("One statement per query: " + sql);
            }
            this.sql = sql;
            this.parameters = parameters;
            this.rows = rows;
        }

        /** What the rows became, once the round trip has run. */
        public T result() {
            if (!answered) {
                throw new IllegalStateException("The round trip has not run: " + sql);
            }
            return result;
        }
    }

    /**
     * Sends the queries in one round trip and reads each one's rows, in order. Values are bound as
     * {@code NamedParameterJdbcTemplate} binds them (a {@link SqlTypeValue} makes its own, an array for instance); a
     * null is sent without a type, which PostgreSQL infers from where it is used (asking the driver for the type
     * would cost a round trip of its own).
     */
    public static void run(JdbcTemplate jdbc, Query<?>... queries) {
        String sql = Arrays.stream(queries).map(q -> q.sql).collect(Collectors.joining(";\n"));
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Query<?> query : queries) {
                    for (Object value : query.parameters) {
                        if (value == null) {
                            statement.setNull(index++, Types.NULL);
                        } else {
                            StatementCreatorUtils.setParameterValue(statement, index++, SqlTypeValue.TYPE_UNKNOWN, value);
                        }
                    }
                }
                boolean rows = statement.execute();
                for (int i = 0; i < queries.length; i++) {
                    if (i > 0) {
                        rows = statement.getMoreResults();
                    }
                    if (!rows) {
                        throw new IllegalStateException("A query of the round trip returned no rows: " + queries[i].sql);
                    }
                    try (ResultSet resultSet = statement.getResultSet()) {
                        read(queries[i], resultSet);
                    }
                }
                for (Query<?> query : queries) {
                    StatementCreatorUtils.cleanupParameters(query.parameters);
                }
                return null;
            }
        });
    }

    private static <T> void read(Query<T> query, ResultSet resultSet) throws SQLException {
        query.result = query.rows.read(resultSet);
        query.answered = true;
    }
}
