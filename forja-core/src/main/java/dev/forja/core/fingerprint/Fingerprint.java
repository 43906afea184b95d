package dev.forja.core.fingerprint;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A stable content hash of a dataset: SHA-256 over a canonical encoding of the column names, kinds
 * and values, in row order. It depends on the data, not on the file: the same table read from CSV,
 * Parquet or JSON lines has the same fingerprint, while a changed value, a renamed column, a changed
 * kind or a reordered row changes it. Categorical values are hashed by their text, so level order
 * does not matter. Columns are hashed in parallel.
 *
 * <p>Format: {@code sha256:} followed by 64 hex digits. Version 1 of the encoding; a change to the
 * encoding must change the prefix.
 */
public final class Fingerprint {
    private static final int CHUNK = 1 << 16;

    private Fingerprint() {
    }

    public static String of(Frame frame) {
        List<Column> columns = frame.columns();
        byte[][] digests = new byte[columns.size()][];
        IntStream.range(0, columns.size()).parallel().forEach(i -> digests[i] = digest(columns.get(i)));
        MessageDigest all = sha256();
        all.update("forja-fingerprint-v1".getBytes(StandardCharsets.UTF_8));
        all.update(longBytes(frame.rowCount()));
        for (byte[] d : digests) {
            all.update(d);
        }
        return "sha256:" + HexFormat.of().formatHex(all.digest());
    }

    private static byte[] digest(Column c) {
        MessageDigest md = sha256();
        byte[] name = c.name().getBytes(StandardCharsets.UTF_8);
        md.update(intBytes(name.length));
        md.update(name);
        md.update(c.kind().id().getBytes(StandardCharsets.UTF_8));
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int n = c.size();
        if (c instanceof NumericColumn num) {
            for (int r = 0; r < n; r++) {
                double v = num.get(r);
                buf.putLong(Double.isNaN(v) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(v == 0.0 ? 0.0 : v));
                if (!buf.hasRemaining()) {
                    flush(md, buf);
                }
            }
        } else if (c instanceof DatetimeColumn dt) {
            for (int r = 0; r < n; r++) {
                buf.putLong(dt.millis(r));
                if (!buf.hasRemaining()) {
                    flush(md, buf);
                }
            }
        } else if (c instanceof CategoricalColumn cat) {
            byte[][] levels = new byte[cat.levelCount()][];
            for (int k = 0; k < levels.length; k++) {
                levels[k] = cat.level(k).getBytes(StandardCharsets.UTF_8);
            }
            for (int r = 0; r < n; r++) {
                int code = cat.code(r);
                putBytes(md, buf, code < 0 ? null : levels[code]);
            }
        } else if (c instanceof TextColumn text) {
            for (int r = 0; r < n; r++) {
                String s = text.get(r);
                putBytes(md, buf, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
            }
        }
        flush(md, buf);
        return md.digest();
    }

    /** Length-prefixed bytes ({@code -1} for missing), so no two different columns encode alike. */
    private static void putBytes(MessageDigest md, ByteBuffer buf, byte[] bytes) {
        if (buf.remaining() < 4) {
            flush(md, buf);
        }
        buf.putInt(bytes == null ? -1 : bytes.length);
        if (bytes == null) {
            return;
        }
        if (bytes.length > buf.remaining()) {
            flush(md, buf);
            if (bytes.length > buf.remaining()) {
                md.update(bytes);
                return;
            }
        }
        buf.put(bytes);
    }

    private static void flush(MessageDigest md, ByteBuffer buf) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
    }

    private static byte[] intBytes(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
