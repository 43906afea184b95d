package dev.forja.core.ingest.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Counts {@code \n} bytes eight at a time (SWAR), to size column arrays before parsing. */
final class LineEnds {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    private LineEnds() {
    }

    static long count(byte[] b, int from, int to) {
        long n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            // Exact zero-byte test: the high bit of each byte of t is set iff that byte of x is zero.
            long t = ~(((x & LOW7) + LOW7) | x | LOW7);
            n += Long.bitCount(t);
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
