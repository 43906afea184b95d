package dev.forja.core.ingest.csv;

import dev.forja.core.ingest.DataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Validates UTF-8 before parsing, so a Latin-1 or Windows-1252 file fails with its line and position
 * instead of turning into replacement characters. ASCII, the common case, is checked eight bytes at a
 * time; only bytes with the high bit set go through the full decoder rules (no overlongs, no surrogates,
 * nothing above U+10FFFF).
 */
final class Utf8Check {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Check() {
    }

    /** Offset of the first byte of an invalid sequence in {@code [from, to)}, or -1. */
    static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + need >= to) {
                return i;
            }
            int cp = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += need + 1;
        }
        return -1;
    }

    /** Throws a located error for an invalid byte at {@code at}. */
    static DataFormatException error(String source, byte[] b, int dataStart, int at) {
        long line = 1;
        int lineStart = 0;
        for (int k = 0; k < at; k++) {
            if (b[k] == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        int chars = 0;
        for (int k = Math.max(lineStart, dataStart); k < at; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                chars++;
            }
        }
        return new DataFormatException(source, line, null, chars + 1,
                String.format("byte 0x%02X is not valid UTF-8", b[at] & 0xff),
                "the file is probably in another encoding (Latin-1 or Windows-1252); convert it, e.g. iconv -f latin1 -t utf-8 in.csv > out.csv");
    }
}
