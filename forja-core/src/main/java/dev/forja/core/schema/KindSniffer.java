package dev.forja.core.schema;

import dev.forja.core.frame.ColumnKind;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides a column's kind from sample values (schema inference). Rules, in order:
 * <ol>
 *   <li>every non-missing value is a number ({@link NumberSyntax}) → numeric (also when all are missing);</li>
 *   <li>every non-missing value is a datetime ({@link DatetimeSyntax}) → datetime;</li>
 *   <li>values read like prose (3 or more words on average, or long and mostly distinct) → text;</li>
 *   <li>otherwise → categorical (booleans included).</li>
 * </ol>
 * It also remembers the first value that broke the numeric rule, for error messages and
 * mixed-type warnings.
 */
public final class KindSniffer {
    private static final int DISTINCT_CAP = 100_000;

    private final MissingMarkers markers;
    private long seen;
    private long missing;
    private long numbers;
    private long datetimes;
    private long totalChars;
    private long totalWords;
    private final Set<String> distinct = new HashSet<>();
    private String firstNonNumber;

    public KindSniffer(MissingMarkers markers) {
        this.markers = markers;
    }

    public void accept(String value) {
        seen++;
        if (markers.isMissing(value)) {
            missing++;
            return;
        }
        if (NumberSyntax.isNumber(value)) {
            numbers++;
        } else {
            if (firstNonNumber == null) {
                firstNonNumber = value;
            }
            if (DatetimeSyntax.parse(value) != DatetimeSyntax.NOT_A_DATETIME) {
                datetimes++;
            }
        }
        totalChars += value.length();
        totalWords += words(value);
        if (distinct.size() < DISTINCT_CAP) {
            distinct.add(value);
        }
    }

    private static int words(String s) {
        int w = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean blank = Character.isWhitespace(s.charAt(i));
            if (!blank && !in) {
                w++;
            }
            in = !blank;
        }
        return w;
    }

    public ColumnKind decide() {
        long present = seen - missing;
        if (present == 0 || numbers == present) {
            return ColumnKind.NUMERIC;
        }
        if (datetimes == present) {
            return ColumnKind.DATETIME;
        }
        return readsLikeProse() ? ColumnKind.TEXT : ColumnKind.CATEGORICAL;
    }

    /**
     * Rule 3 on its own: the non-missing values read like prose. Sources whose columns are already typed
     * as strings (SQL {@code VARCHAR}) use it to choose between text and categorical without re-typing
     * strings as numbers or dates.
     */
    public boolean readsLikeProse() {
        long present = seen - missing;
        if (present == 0) {
            return false;
        }
        double avgWords = (double) totalWords / present;
        double avgChars = (double) totalChars / present;
        double distinctRatio = (double) distinct.size() / present;
        return avgWords >= 3.0 || (avgChars >= 25 && distinctRatio >= 0.5);
    }

    /** Non-missing values seen. */
    public long present() {
        return seen - missing;
    }

    /** Non-missing values that were numbers. */
    public long numbers() {
        return numbers;
    }

    /** The first non-missing value that was not a number, or {@code null}. */
    public String firstNonNumber() {
        return firstNonNumber;
    }
}
