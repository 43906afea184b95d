package dev.forja.core.profile;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import java.time.Instant;

/** Short ways to build columns in tests. */
final class Columns {
    static final double NA = Double.NaN;

    private Columns() {
    }

    static NumericColumn num(String name, double... values) {
        return NumericColumn.of(name, values);
    }

    /** Levels in order of first appearance; {@code null} is missing. */
    static CategoricalColumn cat(String name, String... values) {
        CategoricalColumn.Builder b = new CategoricalColumn.Builder();
        for (String v : values) {
            b.add(v);
        }
        return b.build(name);
    }

    static TextColumn text(String name, String... values) {
        return TextColumn.of(name, values.clone());
    }

    /** ISO-8601 instants; {@code null} is missing. */
    static DatetimeColumn time(String name, String... instants) {
        DatetimeColumn.Builder b = new DatetimeColumn.Builder();
        for (String s : instants) {
            if (s == null) {
                b.addMissing();
            } else {
                b.add(Instant.parse(s).toEpochMilli());
            }
        }
        return b.build(name);
    }

    /** {@code n} copies of a value. */
    static String[] repeat(String value, int n) {
        String[] out = new String[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    static String[] concat(String[]... parts) {
        int n = 0;
        for (String[] p : parts) {
            n += p.length;
        }
        String[] out = new String[n];
        int k = 0;
        for (String[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    static double[] range(int from, int to) {
        double[] out = new double[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
