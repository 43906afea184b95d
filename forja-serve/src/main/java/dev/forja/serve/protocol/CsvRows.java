package dev.forja.serve.protocol;

import dev.forja.core.frame.ColumnKind;
import dev.forja.core.schema.NumberSyntax;
import dev.forja.serve.model.Scores;
import dev.forja.serve.model.ServedModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code text/csv} bodies for {@code /invocations}: a header row, then one row per line (RFC 4180
 * quoting). An empty field is a missing value; numeric columns must hold numbers.
 */
public final class CsvRows {
    private CsvRows() {
    }

    public static Scores parse(byte[] body, ServedModel model) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<List<String>> rows = split(text);
        if (rows.isEmpty()) {
            throw new BadInput("the CSV body is empty; send a header row and one row per prediction", null);
        }
        List<String> header = rows.get(0);
        int[] positions = new int[header.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = model.column(header.get(i).trim());
        }
        Scores scores = new Scores(model, rows.size() - 1);
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (row.size() != header.size()) {
                throw new BadInput("CSV line " + (r + 1) + " has " + row.size() + " fields; the header has " + header.size(), null);
            }
            ServedModel.Scratch s = scores.begin();
            for (int i = 0; i < positions.length; i++) {
                int c = positions[i];
                if (c < 0) {
                    continue;
                }
                String v = row.get(i);
                if (v.isEmpty()) {
                    model.setNull(s, c);
                } else if (model.kind(c) == ColumnKind.NUMERIC) {
                    double d = NumberSyntax.parseOrNaN(v.trim());
                    if (Double.isNaN(d)) {
                        throw new BadInput("CSV line " + (r + 1) + ": column '" + header.get(i) + "' is numeric; got \"" + v + "\"", header.get(i));
                    }
                    model.setNumber(s, c, d);
                } else {
                    model.setText(s, c, v);
                }
            }
            scores.end(s);
        }
        return scores;
    }

    private static List<List<String>> split(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new BadInput("the CSV body ends inside a quoted field", null);
        }
        if (any) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
