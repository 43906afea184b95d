package dev.forja.core.schema;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * What counts as a number in text data, and its fast parse. The grammar is the plain decimal one that
 * spreadsheets and pandas accept: optional blanks, optional sign, digits with at most one decimal
 * point (a trailing or leading point is fine: {@code 3504.}, {@code .5}), an optional exponent, and
 * {@code inf}/{@code infinity} in any case. Java-only spellings such as {@code 1f}, {@code 2d} or hex
 * floats are <em>not</em> numbers here, so a column of codes like {@code 1f} stays categorical.
 *
 * <p>Parsing uses FastDoubleParser (correctly rounded, no allocation) after this grammar check.
 */
public final class NumberSyntax {
    private NumberSyntax() {
    }

    /** True if the bytes form a number under this grammar (blanks around it are allowed). */
    public static boolean isNumber(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        while (end > i && (b[end - 1] == ' ' || b[end - 1] == '\t' || b[end - 1] == '\r')) {
            end--;
        }
        if (i == end) {
            return false;
        }
        if (b[i] == '+' || b[i] == '-') {
            i++;
        }
        if (i < end && (b[i] == 'i' || b[i] == 'I')) {
            return isInfinity(b, i, end);
        }
        int digits = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
            digits++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int exp = 0;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == end;
    }

    private static boolean isInfinity(byte[] b, int i, int end) {
        int n = end - i;
        if (n != 3 && n != 8) {
            return false;
        }
        String word = n == 3 ? "inf" : "infinity";
        for (int k = 0; k < n; k++) {
            if ((b[i + k] | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True if the text is a number under this grammar. */
    public static boolean isNumber(CharSequence s) {
        int n = s.length();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0x7f) {
                return false;
            }
            b[i] = (byte) c;
        }
        return isNumber(b, 0, n);
    }

    /**
     * Parses bytes already known to satisfy {@link #isNumber(byte[], int, int)}.
     */
    public static double parse(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        while (end > i && (b[end - 1] == ' ' || b[end - 1] == '\t' || b[end - 1] == '\r')) {
            end--;
        }
        int s = b[i] == '+' || b[i] == '-' ? i + 1 : i;
        if (s < end && (b[s] == 'i' || b[s] == 'I')) {
            return b[i] == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return JavaDoubleParser.parseDouble(b, i, end - i);
    }

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = p;
            p *= 10;
        }
    }

    /**
     * The value of a plain decimal ({@code -123.456}: optional sign, digits, optional point and digits,
     * nothing else) in one pass, or {@code NaN} when the bytes are anything else and need
     * {@link #isNumber}/{@link #parse}. This is the common case in data files and the reader's hot path.
     *
     * <p>Exact by Clinger's fast path: when the digits form an integer m below 2<sup>53</sup> and there
     * are at most 22 decimals, m and 10<sup>k</sup> are both exact doubles, so the single IEEE division
     * m / 10<sup>k</sup> is the correctly rounded value, the same double {@link Double#parseDouble} gives.
     */
    public static double parsePlainDecimal(byte[] b, int off, int end) {
        int i = off;
        if (i == end) {
            return Double.NaN;
        }
        boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            i++;
        }
        long m = 0;
        int digits = 0;
        while (i < end) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            m = m * 10 + d;
            digits++;
            i++;
        }
        int decimals = 0;
        if (i < end && b[i] == '.') {
            i++;
            while (i < end) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                m = m * 10 + d;
                decimals++;
                i++;
            }
        }
        int total = digits + decimals;
        if (i != end || total == 0 || total > 18 || decimals > 22 || m >= (1L << 53)) {
            return Double.NaN;
        }
        double v = decimals == 0 ? (double) m : (double) m / POWERS_OF_TEN[decimals];
        return negative ? -v : v;
    }

    /** Parses text known to satisfy {@link #isNumber(CharSequence)}. */
    public static double parse(CharSequence s) {
        String t = s.toString().strip();
        String body = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        if (!body.isEmpty() && (body.charAt(0) == 'i' || body.charAt(0) == 'I')) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return JavaDoubleParser.parseDouble(t);
    }

    /** Parses text, or returns {@code NaN} when it is not a number under this grammar. */
    public static double parseOrNaN(CharSequence s) {
        return isNumber(s) ? parse(s) : Double.NaN;
    }
}
