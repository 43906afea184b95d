package dev.forja.core.schema;

/**
 * Recognises and parses the datetime spellings Forja infers without being told: ISO-8601 dates and
 * date-times ({@code 2011-01-01}, {@code 2011-01-01 13:45}, {@code 2011-01-01T13:45:07.250Z},
 * {@code 2011-01-01T13:45:07+02:00}) and the same with {@code /} between date parts. A date-time
 * without an offset is read as UTC. Other layouts (such as {@code 01/02/2011}, ambiguous between
 * day-first and month-first) are not guessed: declare them or keep them as text.
 *
 * <p>Hand-written rather than {@code java.time.format.DateTimeFormatter} because readers call it once
 * per cell: this parses without allocating and rejects non-dates after a byte or two.
 */
public final class DatetimeSyntax {
    /** Returned when the text is not a datetime. */
    public static final long NOT_A_DATETIME = Long.MIN_VALUE;

    private DatetimeSyntax() {
    }

    public static long parse(CharSequence s) {
        int n = s.length();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0x7f) {
                return NOT_A_DATETIME;
            }
            b[i] = (byte) c;
        }
        return parse(b, 0, n);
    }

    /** Epoch milliseconds (UTC), or {@link #NOT_A_DATETIME}. Blanks around the value are allowed. */
    public static long parse(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        while (end > i && (b[end - 1] == ' ' || b[end - 1] == '\t' || b[end - 1] == '\r')) {
            end--;
        }
        if (end - i < 10) {
            return NOT_A_DATETIME;
        }
        int year = digits(b, i, 4);
        byte sep = b[i + 4];
        if (year < 0 || (sep != '-' && sep != '/') || b[i + 7] != sep) {
            return NOT_A_DATETIME;
        }
        int month = digits(b, i + 5, 2);
        int day = digits(b, i + 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return NOT_A_DATETIME;
        }
        long millis = daysFromCivil(year, month, day) * 86_400_000L;
        i += 10;
        if (i == end) {
            return millis;
        }
        if ((b[i] != 'T' && b[i] != ' ') || end - i < 6) {
            return NOT_A_DATETIME;
        }
        int hour = digits(b, i + 1, 2);
        int minute = digits(b, i + 4, 2);
        if (hour < 0 || hour > 23 || b[i + 3] != ':' || minute < 0 || minute > 59) {
            return NOT_A_DATETIME;
        }
        millis += hour * 3_600_000L + minute * 60_000L;
        i += 6;
        if (i < end && b[i] == ':') {
            if (end - i < 3) {
                return NOT_A_DATETIME;
            }
            int second = digits(b, i + 1, 2);
            if (second < 0 || second > 60) {
                return NOT_A_DATETIME;
            }
            millis += second * 1000L;
            i += 3;
            if (i < end && (b[i] == '.' || b[i] == ',')) {
                i++;
                int start = i;
                int frac = 0;
                while (i < end && b[i] >= '0' && b[i] <= '9') {
                    if (i - start < 3) {
                        frac = frac * 10 + (b[i] - '0');
                    }
                    i++;
                }
                int nd = i - start;
                if (nd == 0 || nd > 9) {
                    return NOT_A_DATETIME;
                }
                for (int k = nd; k < 3; k++) {
                    frac *= 10;
                }
                millis += frac;
            }
        }
        if (i == end) {
            return millis;
        }
        if (b[i] == 'Z' && i + 1 == end) {
            return millis;
        }
        if (b[i] == '+' || b[i] == '-') {
            int sign = b[i] == '+' ? 1 : -1;
            int oh;
            int om;
            if (end - i == 6 && b[i + 3] == ':') {
                oh = digits(b, i + 1, 2);
                om = digits(b, i + 4, 2);
            } else if (end - i == 5) {
                oh = digits(b, i + 1, 2);
                om = digits(b, i + 3, 2);
            } else if (end - i == 3) {
                oh = digits(b, i + 1, 2);
                om = 0;
            } else {
                return NOT_A_DATETIME;
            }
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return NOT_A_DATETIME;
            }
            return millis - sign * (oh * 3_600_000L + om * 60_000L);
        }
        return NOT_A_DATETIME;
    }

    private static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            int d = b[at + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
