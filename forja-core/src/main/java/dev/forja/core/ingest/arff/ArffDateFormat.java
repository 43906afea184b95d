package dev.forja.core.ingest.arff;

import dev.forja.core.schema.DatetimeSyntax;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * The format of an ARFF {@code date} attribute. ARFF writes it as a {@link java.text.SimpleDateFormat}
 * pattern (Weka's default is {@value #WEKA_DEFAULT}); this translates the pattern into a
 * {@link DateTimeFormatter}, which is thread-safe and strict, and parses values to epoch milliseconds.
 *
 * <p>Supported pattern letters: {@code G} era, {@code y} year, {@code M}/{@code L} month (number, or
 * English name from {@code MMM}: short and full names are both accepted), {@code d} day of month,
 * {@code D} day of year, {@code E} English day name, {@code u} day number of week (1 = Monday),
 * {@code a} AM/PM, {@code H} hour 0-23, {@code k} hour 1-24, {@code K} hour 0-11, {@code h} hour 1-12,
 * {@code m} minute, {@code s} second, {@code S} millisecond, {@code z} time-zone name or id,
 * {@code Z} offset {@code -0800}, {@code X}/{@code XX}/{@code XXX} ISO offsets ({@code -08},
 * {@code -0800}, {@code -08:00}, or {@code Z}); text in single quotes is literal. The week-based
 * letters {@code Y w W F} are rejected with a clear message.
 *
 * <p>Differences from SimpleDateFormat, on purpose: the whole value must match (SimpleDateFormat
 * ignores trailing text); impossible dates such as 2011-02-30 are errors (not rolled over); names are
 * read in English, in any letter case; a two-digit year {@code yy} means 1950-2049 (SimpleDateFormat
 * uses a window around today, which would make the same file read differently in later years); fields
 * the pattern lacks default to 1970-01-01 00:00:00.000. A value with no zone or offset is read as UTC
 * (Weka uses the JVM's time zone, which would make results depend on the machine).
 */
public final class ArffDateFormat {
    /** The format Weka assumes for {@code @attribute x date} without a pattern (ISO-8601 date and time). */
    public static final String WEKA_DEFAULT = "yyyy-MM-dd'T'HH:mm:ss";

    static final String SUPPORTED_LETTERS = "G y M L d D E u a H k K h m s S z Z X";
    private static final int TWO_DIGIT_YEAR_BASE = 1950;

    private final String pattern;
    private final DateTimeFormatter formatter;

    private ArffDateFormat(String pattern, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.formatter = formatter;
    }

    public String pattern() {
        return pattern;
    }

    /**
     * @throws IllegalArgumentException saying what in the pattern is not supported
     */
    public static ArffDateFormat of(String pattern) {
        return new ArffDateFormat(pattern, translate(pattern));
    }

    /** Epoch milliseconds (UTC) of a value, or {@link DatetimeSyntax#NOT_A_DATETIME} if it does not match. */
    public long parse(String value) {
        try {
            TemporalAccessor t = formatter.parse(value);
            LocalDate date = t.query(TemporalQueries.localDate());
            LocalTime time = t.query(TemporalQueries.localTime());
            if (date == null || time == null) {
                return DatetimeSyntax.NOT_A_DATETIME;
            }
            ZoneId zone = t.query(TemporalQueries.zone());
            return date.atTime(time).atZone(zone == null ? ZoneOffset.UTC : zone).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return DatetimeSyntax.NOT_A_DATETIME;
        }
    }

    private static DateTimeFormatter translate(String pattern) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        boolean hasEra = pattern.indexOf('G') >= 0 && !inQuotesOnly(pattern, 'G');
        String seen = "";
        int n = pattern.length();
        int i = 0;
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                i = literal(pattern, i, b);
                continue;
            }
            if (!isLetter(c)) {
                b.appendLiteral(c);
                i++;
                continue;
            }
            int start = i;
            while (i < n && pattern.charAt(i) == c) {
                i++;
            }
            int count = i - start;
            boolean adjacentNumber = i < n && isNumericLetter(pattern, i);
            appendField(b, c, count, adjacentNumber, hasEra, pattern);
            seen += c;
        }
        addDefaults(b, seen, hasEra);
        return b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    private static boolean inQuotesOnly(String pattern, char letter) {
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == letter && !quoted) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether the field starting at {@code i} is written as digits (so the one before must be fixed-width). */
    private static boolean isNumericLetter(String pattern, int i) {
        char c = pattern.charAt(i);
        int count = 0;
        while (i + count < pattern.length() && pattern.charAt(i + count) == c) {
            count++;
        }
        switch (c) {
            case 'y': case 'd': case 'D': case 'H': case 'k': case 'K': case 'h': case 'm': case 's': case 'S': case 'u':
                return true;
            case 'M': case 'L':
                return count < 3;
            default:
                return false;
        }
    }

    private static int literal(String pattern, int open, DateTimeFormatterBuilder b) {
        int n = pattern.length();
        if (open + 1 < n && pattern.charAt(open + 1) == '\'') {
            b.appendLiteral('\'');
            return open + 2;
        }
        StringBuilder text = new StringBuilder();
        int i = open + 1;
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < n && pattern.charAt(i + 1) == '\'') {
                    text.append('\'');
                    i += 2;
                    continue;
                }
                b.appendLiteral(text.toString());
                return i + 1;
            }
            text.append(c);
            i++;
        }
        throw new IllegalArgumentException("the quoted text starting at position " + (open + 1) + " of the date format is not closed");
    }

    private static void appendField(DateTimeFormatterBuilder b, char c, int count, boolean adjacentNumber, boolean hasEra,
                                    String pattern) {
        switch (c) {
            case 'G':
                b.appendText(ChronoField.ERA, TextStyle.SHORT);
                break;
            case 'y':
                if (count == 2) {
                    b.appendValueReduced(ChronoField.YEAR, 2, 2, TWO_DIGIT_YEAR_BASE);
                } else {
                    number(b, hasEra ? ChronoField.YEAR_OF_ERA : ChronoField.YEAR, count, adjacentNumber);
                }
                break;
            case 'M':
            case 'L':
                if (count >= 3) {
                    names(b, ChronoField.MONTH_OF_YEAR);
                } else {
                    number(b, ChronoField.MONTH_OF_YEAR, count, adjacentNumber);
                }
                break;
            case 'd':
                number(b, ChronoField.DAY_OF_MONTH, count, adjacentNumber);
                break;
            case 'D':
                number(b, ChronoField.DAY_OF_YEAR, count, adjacentNumber);
                break;
            case 'E':
                names(b, ChronoField.DAY_OF_WEEK);
                break;
            case 'u':
                number(b, ChronoField.DAY_OF_WEEK, count, adjacentNumber);
                break;
            case 'a':
                b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
                break;
            case 'H':
                number(b, ChronoField.HOUR_OF_DAY, count, adjacentNumber);
                break;
            case 'k':
                number(b, ChronoField.CLOCK_HOUR_OF_DAY, count, adjacentNumber);
                break;
            case 'K':
                number(b, ChronoField.HOUR_OF_AMPM, count, adjacentNumber);
                break;
            case 'h':
                number(b, ChronoField.CLOCK_HOUR_OF_AMPM, count, adjacentNumber);
                break;
            case 'm':
                number(b, ChronoField.MINUTE_OF_HOUR, count, adjacentNumber);
                break;
            case 's':
                number(b, ChronoField.SECOND_OF_MINUTE, count, adjacentNumber);
                break;
            case 'S':
                number(b, ChronoField.MILLI_OF_SECOND, count, adjacentNumber);
                break;
            case 'z':
                b.appendZoneText(TextStyle.SHORT);
                break;
            case 'Z':
                b.appendOffset("+HHMM", "+0000");
                break;
            case 'X':
                if (count > 3) {
                    throw new IllegalArgumentException("'" + "X".repeat(count) + "' in the date format '" + pattern
                            + "' is not an offset pattern (use X, XX or XXX)");
                }
                b.appendOffset(count == 1 ? "+HHmm" : count == 2 ? "+HHMM" : "+HH:MM", "Z");
                break;
            default:
                throw new IllegalArgumentException("the date format '" + pattern + "' uses the letter '" + c
                        + "', which is not supported (supported: " + SUPPORTED_LETTERS + "; quote literal text with ')");
        }
    }

    /** Digits: a fixed width when another number follows directly ({@code yyyyMMdd}), else any width. */
    private static void number(DateTimeFormatterBuilder b, ChronoField field, int count, boolean adjacentNumber) {
        if (adjacentNumber) {
            b.appendValue(field, count);
        } else {
            b.appendValue(field, 1, Math.max(count, 10), field == ChronoField.YEAR ? SignStyle.NORMAL : SignStyle.NOT_NEGATIVE);
        }
    }

    /** A full or a short English name, as SimpleDateFormat accepts either whatever the letter count. */
    private static void names(DateTimeFormatterBuilder b, ChronoField field) {
        b.optionalStart().appendText(field, TextStyle.FULL).optionalEnd();
        b.optionalStart().appendText(field, TextStyle.SHORT).optionalEnd();
    }

    private static void addDefaults(DateTimeFormatterBuilder b, String seen, boolean hasEra) {
        if (seen.indexOf('y') < 0) {
            b.parseDefaulting(hasEra ? ChronoField.YEAR_OF_ERA : ChronoField.YEAR, 1970);
        }
        boolean dayOfYear = seen.indexOf('D') >= 0;
        if (!dayOfYear && seen.indexOf('M') < 0 && seen.indexOf('L') < 0) {
            b.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
        }
        if (!dayOfYear && seen.indexOf('d') < 0) {
            b.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
        }
        boolean h24 = seen.indexOf('H') >= 0 || seen.indexOf('k') >= 0;
        boolean h12 = seen.indexOf('K') >= 0 || seen.indexOf('h') >= 0;
        if (!h24 && !h12) {
            b.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
        } else if (h12 && seen.indexOf('a') < 0) {
            b.parseDefaulting(ChronoField.AMPM_OF_DAY, 0);
        }
        if (seen.indexOf('m') < 0) {
            b.parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0);
        }
        if (seen.indexOf('s') < 0) {
            b.parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0);
        }
        if (seen.indexOf('S') < 0) {
            b.parseDefaulting(ChronoField.MILLI_OF_SECOND, 0);
        }
    }
}
