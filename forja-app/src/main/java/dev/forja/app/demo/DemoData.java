package dev.forja.app.demo;

import dev.forja.core.ForjaException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The Bank Marketing rows (UCI; in time order, May 2008 to November 2010) cut into the periods of the
 * drift demo. {@code duration} is dropped: it is only known once the call is over, so a model must not
 * use it.
 */
final class DemoData {
    static final String TARGET = "y";
    private static final String LEAK = "duration";
    final List<String> header;
    final List<String> rows;

    private DemoData(List<String> header, List<String> rows) {
        this.header = header;
        this.rows = rows;
    }

    static DemoData read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ForjaException("the demo data " + file + " is not here", "run the demo from the repository's root, or give --data");
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = List.of(r.readLine().split(",", -1));
            int leak = header.indexOf(LEAK);
            if (header.indexOf(TARGET) < 0) {
                throw new ForjaException(file + " has no column '" + TARGET + "'", "give the Bank Marketing data (examples/data/bank_marketing.csv.gz)");
            }
            List<String> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(leak < 0 ? line : without(line, leak));
                }
            }
            List<String> kept = new ArrayList<>(header);
            if (leak >= 0) {
                kept.remove(leak);
            }
            return new DemoData(List.copyOf(kept), rows);
        } catch (IOException e) {
            throw new ForjaException("cannot read " + file + ": " + e.getMessage(), "give a readable CSV");
        }
    }

    private static String without(String line, int column) {
        String[] f = line.split(",", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.length; i++) {
            if (i != column) {
                sb.append(sb.length() > 0 ? "," : "").append(f[i]);
            }
        }
        return sb.toString();
    }

    void write(Path file, List<String> lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(String.join(",", header));
        all.addAll(lines);
        Files.write(file, all, StandardCharsets.UTF_8);
    }

    /** One row as a JSON object of its inputs (numbers as numbers), and its label. */
    String inputsJson(String line) {
        String[] f = line.split(",", -1);
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(TARGET)) {
                continue;
            }
            sb.append(sb.length() > 1 ? ", " : "").append('"').append(header.get(i)).append("\": ");
            String v = f[i];
            if (v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                sb.append(v);
            } else {
                sb.append('"').append(v.replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append('}').toString();
    }

    String label(String line) {
        return line.split(",", -1)[header.indexOf(TARGET)];
    }
}
