package dev.forja.core.ingest;

import dev.forja.core.schema.MissingMarkers;
import java.util.ArrayList;
import java.util.List;

/**
 * The missing-value markers a user added beyond {@link MissingMarkers#DEFAULTS}. Typed formats (ARFF,
 * SQL) have their own missing value ({@code ?}, {@code NULL}), so the defaults — conventions of CSV —
 * do not apply there: an ARFF string {@code 'NA'} or a SQL text {@code 'null'} is data. Markers the
 * user added on purpose ({@code --na unknown}) do apply.
 */
public final class UserMarkers {
    private UserMarkers() {
    }

    /** The extra markers (possibly none). */
    public static MissingMarkers of(MissingMarkers options) {
        List<String> extra = new ArrayList<>();
        for (String m : options.markers()) {
            if (!MissingMarkers.DEFAULTS.contains(m)) {
                extra.add(m);
            }
        }
        return MissingMarkers.of(extra);
    }
}
