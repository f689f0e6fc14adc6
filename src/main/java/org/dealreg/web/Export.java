package org.dealreg.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dealreg.identity.SignedIn;
import org.dealreg.shared.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The one way to export a list (docs/exports.md): its columns, each a header's message key and a typed value
 * (text, number, day, moment), written as CSV or as an Excel workbook to the response as the rows arrive. Rows come
 * from a callback that a module feeds from a JDBC query read with a fetch size ({@link #stream}), so no export holds
 * its rows in memory, whatever their number.
 * <ul>
 * <li>CSV: UTF-8 with a byte order mark (Excel then reads accents right), a header row, moments in the reader's time
 * zone as {@code yyyy-MM-dd HH:mm}, days as {@code yyyy-MM-dd}, numbers with a point. A text cell that starts with
 * {@code = + - @} (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet never runs it as a
 * formula.</li>
 * <li>XLSX: Apache POI's streaming {@link SXSSFWorkbook}, {@value #WINDOW} rows in memory, the rest in a compressed
 * temporary file removed after the download; days and moments are date cells with a date format, numbers numeric
 * cells. Text cells are strings, never formulas.</li>
 * </ul>
 */
@Component
public class Export {

    /** Rows an Excel export keeps in memory; older ones are flushed to its temporary file. */
    static final int WINDOW = 100;

    /** Rows a JDBC read brings over the network at a time, in a transaction (PostgreSQL needs one for a cursor). */
    public static final int FETCH_SIZE = 1000;

    private static final DateTimeFormatter CSV_MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    public Export(MessageSource messages) {
        this.messages = messages;
    }

    /** The formats a list exports to, named in the export link's {@code format} parameter. */
    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        /** The format a link names ({@code csv}, {@code xlsx}); any other is a 404, like an unknown page. */
        public static Format named(String name) {
            for (Format format : values()) {
                if (format.extension.equals(name)) {
                    return format;
                }
            }
            throw new NotFound("Export format");
        }

        public String extension() {
            return extension;
        }
    }

    /** What a cell holds, and so how each format writes it. */
    enum Kind {
        TEXT, NUMBER, DAY, MOMENT
    }

    record Column<T>(String headerKey, Kind kind, Function<T, ?> value) {
    }

    /** The columns of an export, in order: a header's message key and how a row gives the value. */
    public static final class Columns<T> {

        private final List<Column<T>> columns = new ArrayList<>();

        public Columns<T> text(String headerKey, Function<T, String> value) {
            return add(headerKey, Kind.TEXT, value);
        }

        /** A number: an amount ({@link BigDecimal}) or a count; a numeric cell in Excel. */
        public Columns<T> number(String headerKey, Function<T, ? extends Number> value) {
            return add(headerKey, Kind.NUMBER, value);
        }

        /** A calendar day; a date cell in Excel. */
        public Columns<T> day(String headerKey, Function<T, LocalDate> value) {
            return add(headerKey, Kind.DAY, value);
        }

        /** A moment, shown in the reader's time zone; a date-and-time cell in Excel. */
        public Columns<T> moment(String headerKey, Function<T, Instant> value) {
            return add(headerKey, Kind.MOMENT, value);
        }

        private Columns<T> add(String headerKey, Kind kind, Function<T, ?> value) {
            columns.add(new Column<>(headerKey, kind, value));
            return this;
        }

        List<Column<T>> list() {
            return columns;
        }
    }

    /** Hands each row of an export, in the list's order, to the sink. */
    @FunctionalInterface
    public interface Rows<T> {
        void each(Consumer<T> sink);
    }

    /**
     * Reads a query's rows a {@link #FETCH_SIZE} at a time and hands each one to the sink as it arrives. Call it in a
     * transaction (a read-only one): without, PostgreSQL's driver reads every row before the first is handed on.
     */
    public static <T> void stream(JdbcOperations jdbc, String sql, RowMapper<T> mapper, Consumer<T> sink,
            Object... args) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, rs -> {
            sink.accept(mapper.mapRow(rs, rs.getRow()));
        });
    }

    /**
     * Hands the rows on in lists of {@link #FETCH_SIZE}, in order: for an export whose rows need names from another
     * module, asked a list at a time rather than a row at a time (or all at once).
     */
    public static <T> void inBatches(Rows<T> rows, Consumer<List<T>> each) {
        List<T> batch = new ArrayList<>(FETCH_SIZE);
        rows.each(row -> {
            batch.add(row);
            if (batch.size() == FETCH_SIZE) {
                each.accept(batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            each.accept(batch);
        }
    }

    /**
     * Sends the export as a download named {@code name} and today's date, in the reader's language and time zone;
     * answers how many rows it wrote. The headers are sent before the first row is read, so the browser shows the
     * download at once, even while an Excel sheet is still being assembled; a failure after that cuts the download
     * short (the browser says it failed) rather than showing an error page.
     */
    public <T> long send(HttpServletResponse response, String name, Format format, Columns<T> columns, Rows<T> rows)
            throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        ZoneId zone = SignedIn.zone();
        response.setContentType(format.contentType);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(name + "-" + LocalDate.now(zone) + "." + format.extension).build().toString());
        response.setHeader("Cache-Control", "no-store");
        List<String> headers = columns.list().stream()
                .map(column -> messages.getMessage(column.headerKey(), null, locale)).toList();
        response.flushBuffer();
        return write(response.getOutputStream(), format, headers, columns, rows, zone);
    }

    /** Writes the export to {@code out}; answers how many rows it wrote. */
    static <T> long write(OutputStream out, Format format, List<String> headers, Columns<T> columns, Rows<T> rows,
            ZoneId zone) throws IOException {
        return switch (format) {
            case CSV -> csv(out, headers, columns.list(), rows, zone);
            case XLSX -> xlsx(out, headers, columns.list(), rows, zone);
        };
    }

    private static <T> long csv(OutputStream out, List<String> headers, List<Column<T>> columns, Rows<T> rows,
            ZoneId zone) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        csv.printRecord(headers.stream().map(Export::inert).toList());
        long[] count = {0};
        List<String> cells = new ArrayList<>(columns.size());
        try {
            rows.each(row -> {
                cells.clear();
                for (Column<T> column : columns) {
                    cells.add(csvCell(column.kind(), column.value().apply(row), zone));
                }
                try {
                    csv.printRecord(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
        return count[0];
    }

    private static String csvCell(Kind kind, Object value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case TEXT -> inert((String) value);
            case NUMBER -> value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
            case DAY -> value.toString();
            case MOMENT -> CSV_MOMENT.format(((Instant) value).atZone(zone));
        };
    }

    /**
     * Text a spreadsheet will not take for a formula (OWASP's advice on CSV injection): one that starts with
     * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which Excel and LibreOffice hide.
     */
    static String inert(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static <T> long xlsx(OutputStream out, List<String> headers, List<Column<T>> columns, Rows<T> rows,
            ZoneId zone) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet("Export");
            CellStyle headerStyle = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            short dayFormat = workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd");
            short momentFormat = workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm");
            short numberFormat = workbook.getCreationHelper().createDataFormat().getFormat("#,##0.##");
            CellStyle[] styles = new CellStyle[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Kind kind = columns.get(c).kind();
                if (kind != Kind.TEXT) {
                    styles[c] = workbook.createCellStyle();
                    styles[c].setDataFormat(switch (kind) {
                        case DAY -> dayFormat;
                        case MOMENT -> momentFormat;
                        default -> numberFormat;
                    });
                }
                sheet.setColumnWidth(c, (kind == Kind.TEXT ? 28 : kind == Kind.MOMENT ? 17 : 13) * 256);
            }
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(headerStyle);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            rows.each(row -> {
                Row line = sheet.createRow(next[0]++);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).value().apply(row);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = line.createCell(c);
                    switch (columns.get(c).kind()) {
                        case TEXT -> cell.setCellValue((String) value);
                        case NUMBER -> cell.setCellValue(((Number) value).doubleValue());
                        case DAY -> cell.setCellValue((LocalDate) value);
                        case MOMENT -> cell.setCellValue(((Instant) value).atZone(zone).toLocalDateTime());
                    }
                    if (styles[c] != null) {
                        cell.setCellStyle(styles[c]);
                    }
                }
            });
            workbook.write(out);
            out.flush();
            return next[0] - 1L;
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
