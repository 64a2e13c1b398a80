package org.seq4j.data;

import org.seq4j.fixtures.SharedPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedReaderTest {
    @TempDir
    Path tmp;

    @Test
    void imdbTrainStreamsEveryReviewIncludingThoseWithU0085() throws IOException {
        Path file = SharedPaths.data("sentiment/imdb_train.tsv.gz");
        try (DelimitedReader r = DelimitedReader.open(file, DelimitedOptions.tsv().withColumns("label", "id", "text"))) {
            assertEquals(List.of("label", "rating", "id", "movie", "text"), r.header());
            Row first = r.next();
            assertEquals(List.of("0", "train/neg/0_3"), first.fields().subList(0, 2));
            assertTrue(first.get(2).startsWith("Story of a man who has unnatural feelings for a pig."));
            assertEquals(2, first.line());
            long rows = 1;
            long withNel = first.get(2).contains("\u0085") ? 1 : 0;
            while (r.hasNext()) {
                Row row = r.next();
                rows++;
                withNel += row.get(2).indexOf('\u0085') >= 0 ? 1 : 0;
            }
            assertEquals(22_477, rows);
            assertEquals(312, withNel);
        }
    }

    @Test
    void rtPolarityTsv() throws IOException {
        try (DelimitedReader r = DelimitedReader.open(SharedPaths.data("sentiment/rt_polarity.tsv"),
                DelimitedOptions.tsv())) {
            assertEquals(10_662, r.stream().count());
        }
    }

    @Test
    void csvWithCrLfAndNoFinalNewline() throws IOException {
        try (DelimitedReader r = DelimitedReader.open(SharedPaths.data("timeseries/airline-passengers.csv"),
                DelimitedOptions.csv().withColumns("Passengers", "Month"))) {
            List<Row> rows = r.stream().toList();
            assertEquals(144, rows.size());
            assertEquals(List.of("112", "1949-01"), rows.get(0).fields());
            assertEquals(List.of("432", "1960-12"), rows.get(143).fields());
        }
    }

    @Test
    void beijingPm25CsvWithNaValues() throws IOException {
        try (DelimitedReader r = DelimitedReader.open(SharedPaths.data("timeseries/beijing-pm25-hourly.csv"),
                DelimitedOptions.csv().withColumns("pm2.5", "cbwd"))) {
            List<Row> rows = r.stream().toList();
            assertEquals(43_824, rows.size());
            assertEquals(List.of("NA", "NW"), rows.get(0).fields());
            assertEquals(2_067, rows.stream().filter(row -> row.get(0).equals("NA")).count());
        }
    }

    @Test
    void rfc4180QuotesEscapesAndLineBreaks() throws IOException {
        Path f = Files.writeString(tmp.resolve("q.csv"), "id,text,n\r\n1,\"a, b\",2\r\n2,\"say \"\"hi\"\"\",3\r\n"
                + "3,\"two\r\nlines\",4\r\n4,,5\r\n");
        try (DelimitedReader r = DelimitedReader.open(f, DelimitedOptions.csv().withColumns("text"))) {
            List<String> texts = r.stream().map(row -> row.get(0)).toList();
            assertEquals(List.of("a, b", "say \"hi\"", "two\nlines", ""), texts);
        }
    }

    @Test
    void shortRowFailsWithFileAndLineOrIsSkippedAndCounted() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.tsv"), "a\tb\tc\n1\t2\t3\n4\t5\n6\t7\t8\n");
        try (DelimitedReader r = DelimitedReader.open(f, DelimitedOptions.tsv())) {
            var e = assertThrows(IllegalArgumentException.class, () -> r.stream().toList());
            assertTrue(e.getMessage().contains("bad.tsv:3") && e.getMessage().contains("2 fields"), e.getMessage());
        }
        try (DelimitedReader r = DelimitedReader.open(f, DelimitedOptions.tsv().skippingBadRows())) {
            assertEquals(2, r.stream().count());
            assertEquals(1, r.skippedRows());
        }
    }

    @Test
    void unknownColumnAndUnclosedQuoteAreErrors() throws IOException {
        Path f = Files.writeString(tmp.resolve("x.csv"), "a,b\n1,\"open\n");
        assertThrows(IllegalArgumentException.class,
                () -> DelimitedReader.open(f, DelimitedOptions.csv().withColumns("zz")));
        try (DelimitedReader r = DelimitedReader.open(f, DelimitedOptions.csv())) {
            var e = assertThrows(IllegalArgumentException.class, r::next);
            assertTrue(e.getMessage().contains("not closed"), e.getMessage());
        }
    }
}
