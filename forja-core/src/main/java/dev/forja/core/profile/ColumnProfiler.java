package dev.forja.core.profile;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import dev.forja.core.schema.NumberSyntax;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Profiles one column. Numbers (and datetimes, and text lengths) are sorted once: the sorted array
 * gives min, max, quantiles, distinct values, the most frequent values and the histogram, and is kept
 * for the association with the target.
 */
final class ColumnProfiler {
    private ColumnProfiler() {
    }

    /**
     * A column's profile and, for the association step, the column as it is measured against the target:
     * numbers in row order and sorted (datetimes as epoch milliseconds, texts by length), or level codes.
     */
    record Profiled(ColumnProfile profile, double[] values, double[] sorted, int present, int[] codes, int levels) {
    }

    static Profiled profile(Column column) {
        if (column instanceof NumericColumn c) {
            return numeric(c);
        } else if (column instanceof CategoricalColumn c) {
            return categorical(c);
        } else if (column instanceof TextColumn c) {
            return text(c);
        } else {
            return datetime((DatetimeColumn) column);
        }
    }

    static Profiled numeric(NumericColumn column) {
        double[] values = column.toArray();
        double[] sorted = values.clone();
        NumberSort.sort(sorted); // NaN sorts last
        int n = sorted.length;
        while (n > 0 && Double.isNaN(sorted[n - 1])) {
            n--;
        }
        long distinct = 0;
        long zeros = 0;
        long infinite = 0;
        TopCounts<Double> top = new TopCounts<>(Profiler.TOP);
        int i = 0;
        while (i < n) {
            double v = sorted[i];
            int j = i + 1;
            while (j < n && sorted[j] == v) { // == also joins -0.0 and 0.0
                j++;
            }
            distinct++;
            if (v == 0) {
                zeros += j - i;
            } else if (Double.isInfinite(v)) {
                infinite += j - i;
            }
            if (top.accepts(j - i)) {
                top.offer(v, j - i);
            }
            i = j;
        }
        List<NumberCount> topValues = new java.util.ArrayList<>(top.size());
        for (int k = 0; k < top.size(); k++) {
            topValues.add(new NumberCount(top.value(k), top.count(k)));
        }
        NumericProfile profile = new NumericProfile(column.name(), values.length, values.length - n, distinct,
                Summary.ofSorted(sorted, n), topValues, zeros, infinite, Sentinel.find(sorted, n, distinct));
        return new Profiled(profile, values, sorted, n, null, 0);
    }

    static Profiled categorical(CategoricalColumn column) {
        int rows = column.size();
        int levels = column.levelCount();
        int[] codes = new int[rows];
        long[] counts = new long[levels];
        long missing = 0;
        for (int r = 0; r < rows; r++) {
            int c = column.code(r);
            codes[r] = c;
            if (c < 0) {
                missing++;
            } else {
                counts[c]++;
            }
        }
        long distinct = 0;
        long numericLevels = 0;
        long otherLevels = 0;
        long numericRows = 0;
        String numericExample = null;
        String otherExample = null;
        TopCounts<String> top = new TopCounts<>(Profiler.TOP);
        for (int k = 0; k < levels; k++) {
            if (counts[k] == 0) {
                continue; // a declared level the data never uses
            }
            distinct++;
            String level = column.level(k);
            top.offer(level, counts[k]);
            if (NumberSyntax.isNumber(level)) {
                numericLevels++;
                numericRows += counts[k];
                if (numericExample == null) {
                    numericExample = level;
                }
            } else {
                otherLevels++;
                if (otherExample == null) {
                    otherExample = level;
                }
            }
        }
        CategoricalProfile profile = new CategoricalProfile(column.name(), rows, missing, distinct,
                top.toValueCounts(s -> s),
                new CategoricalProfile.LevelTypes(numericLevels, otherLevels, numericRows, numericExample, otherExample));
        return new Profiled(profile, null, null, 0, codes, levels);
    }

    static Profiled text(TextColumn column) {
        int rows = column.size();
        double[] lengths = new double[rows];
        double[] words = new double[rows];
        Map<String, long[]> texts = new LinkedHashMap<>();
        Map<String, long[]> tokens = new LinkedHashMap<>();
        StringBuilder token = new StringBuilder();
        int present = 0;
        for (int r = 0; r < rows; r++) {
            String s = column.get(r);
            if (s == null) {
                lengths[r] = Double.NaN;
                words[r] = Double.NaN;
                continue;
            }
            present++;
            lengths[r] = s.codePointCount(0, s.length());
            words[r] = countWords(s);
            texts.computeIfAbsent(s, x -> new long[1])[0]++;
            tokenize(s, token, tokens);
        }
        TopCounts<String> topTexts = new TopCounts<>(Profiler.TOP);
        texts.forEach((s, count) -> topTexts.offer(s, count[0]));
        TopCounts<String> topTokens = new TopCounts<>(Profiler.TOP);
        tokens.forEach((s, count) -> topTokens.offer(s, count[0]));
        double[] sortedLengths = lengths.clone();
        NumberSort.sort(sortedLengths);
        double[] sortedWords = words.clone();
        NumberSort.sort(sortedWords);
        TextProfile profile = new TextProfile(column.name(), rows, rows - present, texts.size(),
                Summary.ofSorted(sortedLengths, present), Summary.ofSorted(sortedWords, present),
                topTexts.toValueCounts(s -> s), topTokens.toValueCounts(s -> s));
        return new Profiled(profile, lengths, sortedLengths, present, null, 0);
    }

    /** Runs of non-blank characters. */
    static int countWords(String s) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean blank = Character.isWhitespace(s.charAt(i));
            if (!blank && !in) {
                words++;
            }
            in = !blank;
        }
        return words;
    }

    /** Counts the tokens of a text: maximal runs of letters and digits, lower-cased. */
    static void tokenize(String s, StringBuilder token, Map<String, long[]> counts) {
        token.setLength(0);
        for (int i = 0; i <= s.length(); ) {
            int cp = i < s.length() ? s.codePointAt(i) : ' ';
            if (i < s.length() && Character.isLetterOrDigit(cp)) {
                token.appendCodePoint(cp);
            } else if (token.length() > 0) {
                counts.computeIfAbsent(token.toString().toLowerCase(Locale.ROOT), x -> new long[1])[0]++;
                token.setLength(0);
            }
            i += i < s.length() ? Character.charCount(cp) : 1;
        }
    }

    static Profiled datetime(DatetimeColumn column) {
        int rows = column.size();
        long[] millis = new long[rows];
        double[] values = new double[rows];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            long m = column.millis(r);
            if (m == DatetimeColumn.MISSING) {
                values[r] = Double.NaN;
            } else {
                millis[n++] = m;
                values[r] = m;
            }
        }
        NumberSort.sort(millis, 0, n);
        double[] sorted = new double[rows];
        Arrays.fill(sorted, n, rows, Double.NaN);
        long distinct = 0;
        TopCounts<Long> top = new TopCounts<>(Profiler.TOP);
        int i = 0;
        while (i < n) {
            long v = millis[i];
            int j = i + 1;
            while (j < n && millis[j] == v) {
                j++;
            }
            distinct++;
            if (top.accepts(j - i)) {
                top.offer(v, j - i);
            }
            i = j;
        }
        for (int k = 0; k < n; k++) {
            sorted[k] = millis[k];
        }
        DatetimeProfile profile = new DatetimeProfile(column.name(), rows, rows - n, distinct,
                n == 0 ? null : millis[0], n == 0 ? null : millis[n - 1], Quantiles.ofSorted(sorted, n),
                Histogram.ofSorted(sorted, n, false), top.toValueCounts(m -> Instant.ofEpochMilli(m).toString()));
        return new Profiled(profile, values, sorted, n, null, 0);
    }
}
