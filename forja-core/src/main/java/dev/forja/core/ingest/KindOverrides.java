package dev.forja.core.ingest;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.ColumnKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Checks {@link ReadOptions#kinds()} against the columns a source really has. */
public final class KindOverrides {
    private KindOverrides() {
    }

    /**
     * @throws ForjaException naming the unknown column(s) and listing the columns there are, so a typo
     *                        in {@code --column} is not silently ignored
     */
    public static void check(ReadOptions options, Collection<String> columns, String source) {
        List<String> unknown = new ArrayList<>();
        for (String name : options.kinds().keySet()) {
            if (!columns.contains(name) && !options.hints().contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String which = unknown.size() == 1 ? "column '" + unknown.get(0) + "'" : "columns " + quoted(unknown);
            throw new ForjaException(source + " has no " + which + " to set the kind of; its columns are " + quoted(columns),
                    "spell the column as the source names it (names are case-sensitive)");
        }
    }

    private static String quoted(Collection<String> names) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String s : names) {
            if (n > 0) {
                sb.append(", ");
            }
            if (n == 50) {
                sb.append("... (").append(names.size()).append(" in all)");
                break;
            }
            sb.append('\'').append(s).append('\'');
            n++;
        }
        return sb.toString();
    }
}
