package dev.forja.bench.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The benchmark files, generated once with a fixed seed into {@code bench-data/} (or
 * {@code -Dforja.bench.data=DIR}) so every run and every machine reads the same bytes.
 * <ul>
 *   <li>{@code numeric-1m.csv}: 1,000,000 rows × 20 numeric columns, numbers written as a data export
 *       would (2 to 6 decimals, some integers, a few negative), no missing values.</li>
 *   <li>{@code mixed-1m.csv}: 1,000,000 rows: 8 numeric (2 % missing), 6 categorical (cardinalities 2 to
 *       5,000), 2 text columns of short quoted sentences (some with commas).</li>
 * </ul>
 */
public final class BenchData {
    public static final int ROWS = 1_000_000;
    private static final String[] WORDS = ("the a service was great slow friendly food price would come back again never "
            + "order delivery late cold hot fresh staff rude kind clean dirty table wait minutes hour value").split(" ");

    private BenchData() {
    }

    /** Generates both files (if absent) and prints their paths. */
    public static void main(String[] args) {
        System.out.println(numeric());
        System.out.println(mixed());
    }

    public static Path dir() {
        return Path.of(System.getProperty("forja.bench.data", "bench-data"));
    }

    public static Path numeric() {
        Path p = dir().resolve("numeric-1m.csv");
        if (!Files.exists(p)) {
            write(p, BenchData::writeNumeric);
        }
        return p;
    }

    public static Path mixed() {
        Path p = dir().resolve("mixed-1m.csv");
        if (!Files.exists(p)) {
            write(p, BenchData::writeMixed);
        }
        return p;
    }

    interface Writer {
        void write(BufferedWriter w) throws IOException;
    }

    private static void write(Path p, Writer body) {
        try {
            Files.createDirectories(p.getParent());
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            Files.move(tmp, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNumeric(BufferedWriter w) throws IOException {
        SplittableRandom r = new SplittableRandom(20261125L);
        StringBuilder sb = new StringBuilder(256);
        for (int c = 0; c < 20; c++) {
            sb.append(c == 0 ? "" : ",").append("x").append(c);
        }
        w.write(sb.append('\n').toString());
        for (int i = 0; i < ROWS; i++) {
            sb.setLength(0);
            for (int c = 0; c < 20; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                number(sb, r, c);
            }
            w.write(sb.append('\n').toString());
        }
    }

    private static void number(StringBuilder sb, SplittableRandom r, int c) {
        switch (c % 4) {
            case 0:
                sb.append(r.nextInt(100_000));
                break;
            case 1:
                fixed(sb, (r.nextDouble() - 0.3) * 1000, 3);
                break;
            case 2:
                fixed(sb, r.nextDouble(), 6);
                break;
            default:
                fixed(sb, r.nextGaussian() * 50 + 200, 2);
        }
    }

    /** Fixed-point text without String.format, so generation is quick. */
    private static void fixed(StringBuilder sb, double v, int decimals) {
        long scale = (long) Math.pow(10, decimals);
        long n = Math.round(v * scale);
        if (n < 0) {
            sb.append('-');
            n = -n;
        }
        sb.append(n / scale).append('.');
        String frac = Long.toString(n % scale);
        for (int k = frac.length(); k < decimals; k++) {
            sb.append('0');
        }
        sb.append(frac);
    }

    private static void writeMixed(BufferedWriter w) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        int[] cardinality = {2, 5, 12, 50, 400, 5000};
        w.write("n1,n2,n3,n4,n5,n6,n7,n8,c1,c2,c3,c4,c5,c6,review,summary\n");
        StringBuilder sb = new StringBuilder(512);
        for (int i = 0; i < ROWS; i++) {
            sb.setLength(0);
            for (int c = 0; c < 8; c++) {
                if (r.nextInt(50) != 0) {
                    number(sb, r, c);
                }
                sb.append(',');
            }
            for (int c = 0; c < 6; c++) {
                sb.append("level_").append(r.nextInt(cardinality[c])).append(',');
            }
            sentence(sb, r, 8, 20);
            sb.append(',');
            sentence(sb, r, 3, 6);
            w.write(sb.append('\n').toString());
        }
    }

    private static void sentence(StringBuilder sb, SplittableRandom r, int min, int max) {
        sb.append('"');
        int n = r.nextInt(min, max);
        for (int k = 0; k < n; k++) {
            sb.append(k == 0 ? "" : r.nextInt(8) == 0 ? ", " : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        sb.append('"');
    }
}
