package dev.forja.app.cli;

import dev.forja.core.ForjaException;
import java.time.Duration;
import java.util.Locale;

/** Sizes ({@code 64MB}) and durations ({@code 10s}) as options take them. */
public final class Quantities {
    private Quantities() {
    }

    public static long bytes(String size, String option) {
        String s = size.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        for (String[] u : new String[][] {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}}) {
            if (s.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                s = s.substring(0, s.length() - u[0].length()).trim();
                break;
            }
        }
        try {
            long n = Long.parseLong(s);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new ForjaException(option + " '" + size + "' is not a size", "write it like 64MB, 512KB or 2GB");
        }
    }

    public static Duration duration(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("0")) {
                return Duration.ZERO;
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new ForjaException(option + " '" + text + "' is not a duration", "write it like 500ms, 10s, 5m or 1h");
        }
    }
}
