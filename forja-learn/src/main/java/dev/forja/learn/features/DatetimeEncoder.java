package dev.forja.learn.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A datetime column expanded into calendar features (UTC): year, month (1–12), day of month, day of
 * week (1 = Monday … 7 = Sunday, ISO) and hour. Each goes through its own fitted
 * {@link NumericTransform} (imputation of missing times, scaling). Computed with plain arithmetic on
 * epoch days, so the one-row path allocates nothing.
 */
final class DatetimeEncoder implements ColumnEncoder {
    static final String[] PARTS = {"year", "month", "day", "day_of_week", "hour"};

    private final String column;
    private final NumericTransform[] transforms;
    private final List<String> names = new ArrayList<>();

    DatetimeEncoder(String column, NumericTransform[] transforms) {
        this.column = column;
        this.transforms = transforms;
        for (String p : PARTS) {
            names.add(column + "__" + p);
        }
    }

    static DatetimeEncoder fit(String column, double[] millis, boolean[] missing, PipelineSpec spec) {
        double[][] parts = new double[PARTS.length][millis.length];
        double[] one = new double[PARTS.length];
        for (int r = 0; r < millis.length; r++) {
            parts(missing[r], (long) millis[r], one, 0);
            for (int p = 0; p < PARTS.length; p++) {
                parts[p][r] = one[p];
            }
        }
        NumericTransform[] t = new NumericTransform[PARTS.length];
        for (int p = 0; p < PARTS.length; p++) {
            t[p] = NumericTransform.fit(parts[p], spec);
        }
        return new DatetimeEncoder(column, t);
    }

    /** Calendar parts of an instant (NaN when missing). */
    static void parts(boolean missing, long millis, double[] out, int offset) {
        if (missing) {
            for (int p = 0; p < PARTS.length; p++) {
                out[offset + p] = Double.NaN;
            }
            return;
        }
        long days = Math.floorDiv(millis, 86_400_000L);
        long msOfDay = Math.floorMod(millis, 86_400_000L);
        // civil-from-days (Howard Hinnant's algorithm), valid for the whole proleptic Gregorian range
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        out[offset] = y;
        out[offset + 1] = m;
        out[offset + 2] = d;
        out[offset + 3] = Math.floorMod(days + 3, 7) + 1; // 1970-01-01 was a Thursday (ISO 4)
        out[offset + 4] = msOfDay / 3_600_000L;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean encode(InputRow row, int input, double[] out, int offset) {
        parts(row.missing[input], (long) row.numbers[input], out, offset);
        for (int p = 0; p < PARTS.length; p++) {
            out[offset + p] = transforms[p].apply(out[offset + p]);
        }
        return false;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "datetime");
        n.put("column", column);
        var t = n.putArray("transforms");
        for (NumericTransform tr : transforms) {
            t.add(tr.toJson());
        }
        return n;
    }

    static DatetimeEncoder fromJson(JsonNode n) {
        List<NumericTransform> ts = new ArrayList<>();
        n.path("transforms").forEach(t -> ts.add(NumericTransform.fromJson(t)));
        return new DatetimeEncoder(n.path("column").asText(), ts.toArray(new NumericTransform[0]));
    }
}
