package dev.forja.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataFormatException;
import dev.forja.core.ingest.DataReaders;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random files, large enough to be parsed in parallel chunks, written with every quoting case and
 * read back: the values must come back exactly, wherever the chunk boundaries fall.
 */
class CsvRoundTripTest {
    private static final int ROWS = 60_000;
    private static final String[] WORDS = {"alpha", "beta", "ga,mma", "del\"ta", "eps\nilon", "ζήτα", "  eta ", "th\r\neta"};

    @TempDir
    Path dir;

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @Test
    void randomValuesWithQuotesAndNewlinesSurviveAParallelRead() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        double[] x = new double[ROWS];
        String[] label = new String[ROWS];
        String[] note = new String[ROWS];
        Path file = dir.resolve("random.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("x,label,note\n");
            for (int i = 0; i < ROWS; i++) {
                x[i] = random.nextInt(20) == 0 ? Double.NaN : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-5, 6));
                label[i] = random.nextInt(30) == 0 ? null : "L" + random.nextInt(40);
                StringBuilder sb = new StringBuilder();
                int words = random.nextInt(3, 12);
                for (int k = 0; k < words; k++) {
                    sb.append(k == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                note[i] = sb.toString();
                w.write(Double.isNaN(x[i]) ? "" : Double.toString(x[i]));
                w.write(',');
                w.write(label[i] == null ? "NA" : random.nextBoolean() ? quote(label[i]) : label[i]);
                w.write(',');
                w.write(quote(note[i]));
                w.write(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
        }
        assertThat(Files.size(file)).as("large enough for several chunks").isGreaterThan(4L << 20);

        Frame f = DataReaders.read(file.toString()).frame();

        assertThat(f.rowCount()).isEqualTo(ROWS);
        assertThat(f.numeric("x").toArray()).containsExactly(x);
        for (int i = 0; i < ROWS; i++) {
            assertThat(f.categorical("label").get(i)).as("label row %d", i).isEqualTo(label[i]);
            assertThat(f.text("note").get(i)).as("note row %d", i).isEqualTo(note[i]);
        }
    }

    @Test
    void anErrorDeepInTheFileNamesItsAbsoluteLine() throws IOException {
        Path file = dir.resolve("deep.csv");
        int badRow = 150_000;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("a,b,c\n");
            for (int i = 0; i < 200_000; i++) {
                // every tenth row spans two lines, so lines and rows differ
                w.write(i == badRow ? "1,2\n" : i % 10 == 0 ? i + ",\"two\nlines\",3\n" : i + ",x,3\n");
            }
        }
        long expectedLine = 1 + badRow + badRow / 10 + 1;
        assertThatThrownBy(() -> DataReaders.read(file.toString()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("deep.csv:" + expectedLine + ": this row has 2 fields");
    }
}
