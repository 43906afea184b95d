package dev.forja.serve.monitor;

import dev.forja.core.ForjaException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line or in YAML: {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("^\\s*([0-9]+)\\s*(ms|s|m|h|d)\\s*$");

    private Durations() {
    }

    public static Duration parse(String text, String what) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new ForjaException(what + " '" + text + "' is not a duration", "write e.g. 30s, 15m, 1h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero()) {
            throw new ForjaException(what + " '" + text + "' is zero", "give a positive duration");
        }
        return d;
    }
}
