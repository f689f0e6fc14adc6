package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The export writer on its own: typed Excel cells read back with POI, and CSV cells a spreadsheet will not run. */
class ExportWriterTest {

    record Line(String name, BigDecimal amount, long count, LocalDate day, Instant at) {
    }

    private static final Export.Columns<Line> COLUMNS = new Export.Columns<Line>()
            .text("name", Line::name)
            .number("amount", Line::amount)
            .number("count", Line::count)
            .day("day", Line::day)
            .moment("at", Line::at);

    private static final List<String> HEADERS = List.of("Name", "Amount", "Count", "Day", "At");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void textThatLooksLikeAFormulaGetsAnApostropheAndNumbersDoNot() throws Exception {
        String csv = csv(List.of(
                new Line("=1+2", new BigDecimal("-12.50"), -3, null, null),
                new Line("+33 1 23", BigDecimal.ONE, 1, null, null),
                new Line("-2", BigDecimal.ONE, 1, null, null),
                new Line("@SUM(A1)", BigDecimal.ONE, 1, null, null),
                new Line("\tx", BigDecimal.ONE, 1, null, null),
                new Line("Crème brûlée, 2 = 2", new BigDecimal("1234567.89"), 1,
                        LocalDate.of(2027, 2, 1), Instant.parse("2026-12-07T23:30:00Z"))));
        assertThat(csv).startsWith("\uFEFFName,Amount,Count,Day,At\r\n");
        assertThat(csv.substring(1).lines().toList()).containsExactly("Name,Amount,Count,Day,At",
                "'=1+2,-12.50,-3,,", "'+33 1 23,1,1,,", "'-2,1,1,,", "'@SUM(A1),1,1,,", "'\tx,1,1,,",
                "\"Crème brûlée, 2 = 2\",1234567.89,1,2027-02-01,2026-12-08 00:30");
    }

    @Test
    void excelCellsAreTypedAndEveryRowIsThere() throws Exception {
        List<Line> lines = IntStream.range(0, 1_000).mapToObj(i -> new Line("=row " + i,
                new BigDecimal(i).add(new BigDecimal("0.25")), i, LocalDate.of(2027, 1, 1).plusDays(i),
                Instant.parse("2026-12-07T23:30:00Z").plusSeconds(60L * i))).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = Export.write(out, Export.Format.XLSX, HEADERS, COLUMNS, sink -> lines.forEach(sink), PARIS);
        assertThat(written).isEqualTo(1_000);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1_000);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Day");
            var last = sheet.getRow(1_000);
            assertThat(last.getCell(0).getCellType()).as("text, never a formula").isEqualTo(CellType.STRING);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("=row 999");
            assertThat(last.getCell(1).getNumericCellValue()).isEqualTo(999.25);
            assertThat(last.getCell(2).getNumericCellValue()).isEqualTo(999);
            assertThat(DateUtil.isCellDateFormatted(last.getCell(3))).isTrue();
            assertThat(last.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2029, 9, 26));
            assertThat(DateUtil.isCellDateFormatted(last.getCell(4))).isTrue();
            assertThat(last.getCell(4).getLocalDateTimeCellValue()).as("in the reader's zone")
                    .isEqualTo(LocalDateTime.of(2026, 12, 8, 17, 9));
        }
    }

    @Test
    void rowsNeedingNamesArriveInListsOfAFetchInOrder() {
        List<List<Integer>> batches = new ArrayList<>();
        Export.<Integer>inBatches(sink -> IntStream.range(0, 2_500).forEach(sink::accept),
                batch -> batches.add(List.copyOf(batch)));
        assertThat(batches).extracting(List::size).containsExactly(1_000, 1_000, 500);
        assertThat(batches.get(2).get(499)).isEqualTo(2_499);
        Export.<Integer>inBatches(sink -> { }, batch -> batches.add(batch));
        assertThat(batches).as("no rows, no empty list").hasSize(3);
    }

    private static String csv(List<Line> lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Export.write(out, Export.Format.CSV, HEADERS, COLUMNS, sink -> lines.forEach(sink), PARIS);
        return out.toString(StandardCharsets.UTF_8);
    }
}
