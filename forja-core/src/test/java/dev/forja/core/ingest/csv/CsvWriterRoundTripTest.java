package dev.forja.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forja.core.export.CsvWriter;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataReaders;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void whatTheWriterWritesTheReaderReadsBackExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        String[] pieces = {"a", "b,c", " padded ", "quote\"d", "multi\nline", "ünï", "x"};
        int n = 2_000;
        double[] x = new double[n];
        String[] s = new String[n];
        Path file = dir.resolve("out.csv");
        try (OutputStream os = Files.newOutputStream(file); CsvWriter w = new CsvWriter(os)) {
            w.text("x").text("s").endRow();
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextBoolean() ? random.nextInt(-50, 50) : random.nextGaussian() * 1e6;
                s[i] = random.nextInt(10) == 0 ? null : pieces[random.nextInt(pieces.length)] + random.nextInt(3);
                w.number(x[i]).text(s[i]).endRow();
            }
        }
        Frame f = DataReaders.read(file.toString()).frame();
        assertThat(f.numeric("x").toArray()).containsExactly(x);
        for (int i = 0; i < n; i++) {
            assertThat(f.column("s").format(i)).as("row %d", i).isEqualTo(s[i]);
        }
    }
}
