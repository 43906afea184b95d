package dev.forja.core.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as a report shows them: short, with thousands separators, and a dash for "none". */
public final class Numbers {
    /** Shown where a number does not exist (NaN). */
    public static final String NONE = "–";

    private Numbers() {
    }

    /** A count with thousands separators: {@code 48,842}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * A number to four significant digits without trailing zeros ({@code 32.2}, {@code 0.3838},
     * {@code 14.45}); whole numbers in full with separators ({@code 3,504}); very large or very small
     * magnitudes in scientific notation ({@code 1.235e-05}); {@code ±∞}; {@link #NONE} for NaN.
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return count((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e9 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.4g", v).replace("e+", "e");
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String plain = d.toPlainString();
        if (a >= 1000) {
            int dot = plain.indexOf('.');
            String whole = dot < 0 ? plain : plain.substring(0, dot);
            String grouped = String.format(Locale.ROOT, "%,d", Long.parseLong(whole));
            return dot < 0 ? grouped : grouped + plain.substring(dot);
        }
        return plain;
    }

    /** A share as a percentage with one decimal: {@code 38.4 %}; below 0.1 % but not zero, {@code <0.1 %}. */
    public static String percent(double share) {
        if (Double.isNaN(share)) {
            return NONE;
        }
        if (share > 0 && share < 0.001) {
            return "<0.1 %";
        }
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** A coefficient in 0..1 or −1..1 to three decimals: {@code 0.543}. */
    public static String coefficient(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.equals("-0.000") ? "0.000" : s; // a tiny negative skewness is not worth a sign
    }
}
