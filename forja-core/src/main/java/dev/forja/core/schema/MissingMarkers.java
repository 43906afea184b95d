package dev.forja.core.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spellings that mean "missing". Defaults are those of DESIGN.md §3: the empty string, {@code ?},
 * {@code NA}, {@code N/A}, {@code null} and {@code NaN} (plus the upper/lower-case variants
 * {@code NULL}, {@code nan}, {@code n/a}). A value is compared after trimming ASCII blanks, so a field
 * of spaces is missing too. Users add their own markers (e.g. {@code unknown}) with {@code --na}.
 */
public final class MissingMarkers {
    public static final List<String> DEFAULTS = List.of("", "?", "NA", "N/A", "n/a", "null", "NULL", "NaN", "nan");

    private final Set<String> markers;
    private final byte[][] markerBytes;

    private MissingMarkers(Set<String> markers) {
        this.markers = Set.copyOf(markers);
        List<byte[]> bytes = new ArrayList<>();
        for (String m : markers) {
            bytes.add(m.getBytes(StandardCharsets.UTF_8));
        }
        this.markerBytes = bytes.toArray(new byte[0][]);
    }

    public static MissingMarkers defaults() {
        return new MissingMarkers(new LinkedHashSet<>(DEFAULTS));
    }

    /** The defaults plus the given extra markers. */
    public static MissingMarkers withExtra(List<String> extra) {
        Set<String> all = new LinkedHashSet<>(DEFAULTS);
        for (String e : extra) {
            all.add(e.strip());
        }
        return new MissingMarkers(all);
    }

    /** Exactly the given markers (use {@code of(List.of(""))} to treat only empty fields as missing). */
    public static MissingMarkers of(List<String> markers) {
        Set<String> all = new LinkedHashSet<>();
        for (String m : markers) {
            all.add(m.strip());
        }
        return new MissingMarkers(all);
    }

    public Set<String> markers() {
        return markers;
    }

    public boolean isMissing(String value) {
        return value == null || markers.contains(strip(value));
    }

    /** Byte-level check for readers that work on raw UTF-8 ({@code len} bytes from {@code off}). */
    public boolean isMissing(byte[] buf, int off, int len) {
        int start = off;
        int end = off + len;
        while (start < end && (buf[start] == ' ' || buf[start] == '\t')) {
            start++;
        }
        while (end > start && (buf[end - 1] == ' ' || buf[end - 1] == '\t' || buf[end - 1] == '\r')) {
            end--;
        }
        int n = end - start;
        if (n == 0) {
            return markers.contains("");
        }
        return matches(buf, start, n);
    }

    private boolean matches(byte[] buf, int start, int n) {
        outer:
        for (byte[] m : markerBytes) {
            if (m.length != n) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (m[i] != buf[start + i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t' || s.charAt(b - 1) == '\r')) {
            b--;
        }
        return a == 0 && b == s.length() ? s : s.substring(a, b);
    }
}
