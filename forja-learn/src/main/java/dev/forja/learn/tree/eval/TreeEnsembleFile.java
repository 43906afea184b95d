package dev.forja.learn.tree.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Saves a {@link TreeEnsemble} as a compact binary file of its arrays plus a small JSON header (the
 * scalars: shape, transform, base score, scale, precision, and the file's SHA-256). No Java
 * serialization: loading reads numbers and checks them, it never runs code from the file.
 *
 * <p>Binary layout, little-endian (numpy: {@code <i4}, {@code <f8}), version 1:
 * <pre>
 *   "FJTE" int32 version
 *   int32 features, margins, leafWidth, trees, nodes
 *   int32[trees] root, int32[trees] group, int32[trees] depth
 *   int32[nodes] feature, float64[nodes] threshold, int32[nodes] left, uint8[nodes] defaultLeft,
 *   float64[nodes] cover
 *   float64[leafWidth] per leaf (nodes with left[n] == n), in node order
 * </pre>
 * Same ensemble ⇒ same bytes.
 */
public final class TreeEnsembleFile {
    public static final String FORMAT = "forja-tree-ensemble";
    public static final int VERSION = 1;
    private static final byte[] MAGIC = {'F', 'J', 'T', 'E'};

    private TreeEnsembleFile() {
    }

    /** Writes the arrays to {@code file} and returns the header to keep next to it. */
    public static ObjectNode save(TreeEnsemble e, Path file) throws IOException {
        MessageDigest sha = sha256();
        long bytes;
        try (LittleEndianOut out = new LittleEndianOut(new DigestOutputStream(Files.newOutputStream(file), sha))) {
            out.bytes(MAGIC);
            out.int32(VERSION);
            out.int32(e.features());
            out.int32(e.margins());
            out.int32(e.leafWidth());
            out.int32(e.trees());
            out.int32(e.nodes());
            out.int32s(e.treeRoots());
            out.int32s(e.treeGroups());
            out.int32s(e.treeDepths());
            out.int32s(e.featureArray());
            out.float64s(e.thresholdArray());
            out.int32s(e.leftArray());
            for (boolean b : e.defaultLeftArray()) {
                out.int8(b ? 1 : 0);
            }
            out.float64s(e.coverArray());
            int[] left = e.leftArray();
            double[] leaves = e.leafValueArray();
            int w = e.leafWidth();
            for (int n = 0; n < left.length; n++) {
                if (left[n] == n) {
                    for (int k = 0; k < w; k++) {
                        out.float64(leaves[n * w + k]);
                    }
                }
            }
            out.flush();
            bytes = out.written();
        }
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.put("format", FORMAT);
        h.put("version", VERSION);
        h.put("file", file.getFileName().toString());
        h.put("features", e.features());
        h.put("margins", e.margins());
        h.put("outputs", e.outputs());
        h.put("leaf_width", e.leafWidth());
        h.put("trees", e.trees());
        h.put("nodes", e.nodes());
        h.put("transform", e.transform().id());
        ArrayNode base = h.putArray("base");
        for (double b : e.base()) {
            base.add(b);
        }
        h.put("scale", e.scale());
        h.put("float32", e.float32());
        h.put("bytes", bytes);
        h.put("sha256", HexFormat.of().formatHex(sha.digest()));
        return h;
    }

    /**
     * Reads an ensemble saved by {@link #save}: {@code file} is the binary file the header names.
     *
     * @throws IOException if the file is missing, truncated, altered, or disagrees with the header
     */
    public static TreeEnsemble load(JsonNode header, Path file) throws IOException {
        if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != VERSION) {
            throw new IOException(file + ": not a " + FORMAT + " version " + VERSION + " header");
        }
        MessageDigest sha = sha256();
        TreeEnsemble e;
        try (LittleEndianIn in = new LittleEndianIn(new DigestInputStream(Files.newInputStream(file), sha), file)) {
            byte[] magic = in.bytes(4);
            if (!java.util.Arrays.equals(magic, MAGIC) || in.int32() != VERSION) {
                throw new IOException(file + ": not a Forja tree ensemble file");
            }
            int features = in.int32();
            int margins = in.int32();
            int leafWidth = in.int32();
            int trees = in.int32();
            int nodes = in.int32();
            if (features != header.path("features").asInt() || margins != header.path("margins").asInt()
                    || leafWidth != header.path("leaf_width").asInt() || trees != header.path("trees").asInt()
                    || nodes != header.path("nodes").asInt() || features < 0 || margins < 1 || leafWidth < 1
                    || trees < 0 || nodes < 0 || (long) nodes * leafWidth > Integer.MAX_VALUE) {
                throw new IOException(file + ": shape disagrees with its header");
            }
            // 25 bytes per node and 12 per tree at least: a damaged count must not allocate gigabytes.
            if (25L * nodes + 12L * trees > Files.size(file)) {
                throw new IOException(file + ": truncated (" + nodes + " nodes do not fit in " + Files.size(file) + " bytes)");
            }
            int[] root = in.int32s(trees);
            int[] group = in.int32s(trees);
            int[] depth = in.int32s(trees);
            int[] feature = in.int32s(nodes);
            double[] threshold = in.float64s(nodes);
            int[] left = in.int32s(nodes);
            boolean[] defaultLeft = new boolean[nodes];
            for (int n = 0; n < nodes; n++) {
                defaultLeft[n] = in.int8() != 0;
            }
            double[] cover = in.float64s(nodes);
            double[] leaves = new double[nodes * leafWidth];
            for (int n = 0; n < nodes; n++) {
                if (left[n] == n) {
                    for (int k = 0; k < leafWidth; k++) {
                        leaves[n * leafWidth + k] = in.float64();
                    }
                }
            }
            if (in.read() != -1) {
                throw new IOException(file + ": trailing bytes after the ensemble");
            }
            JsonNode b = header.path("base");
            if (!b.isArray() || b.size() != margins) {
                throw new IOException(file + ": header has " + b.size() + " base values for " + margins + " margins");
            }
            double[] base = new double[margins];
            for (int k = 0; k < margins; k++) {
                base[k] = b.get(k).asDouble();
            }
            try {
                e = new TreeEnsemble(features, margins, leafWidth, OutputTransform.parse(header.path("transform").asText()), base,
                        header.path("scale").asDouble(Double.NaN), header.path("float32").asBoolean(), root, group, depth, feature,
                        threshold, left, defaultLeft, leaves, cover);
            } catch (IllegalArgumentException bad) {
                throw new IOException(file + ": " + bad.getMessage(), bad);
            }
        }
        String want = header.path("sha256").asText();
        String got = HexFormat.of().formatHex(sha.digest());
        if (!want.equals(got)) {
            throw new IOException(file + ": content hash " + got + " differs from the header's " + want);
        }
        return e;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Little-endian primitive writer through one reusable buffer. */
    private static final class LittleEndianOut implements AutoCloseable {
        private final OutputStream out;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private long written;

        LittleEndianOut(OutputStream out) {
            this.out = new BufferedOutputStream(out, 1 << 16);
        }

        private void room(int n) throws IOException {
            if (buf.remaining() < n) {
                flush();
            }
        }

        void bytes(byte[] b) throws IOException {
            room(b.length);
            buf.put(b);
        }

        void int8(int v) throws IOException {
            room(1);
            buf.put((byte) v);
        }

        void int32(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void float64(double v) throws IOException {
            room(8);
            buf.putDouble(v);
        }

        void int32s(int[] a) throws IOException {
            for (int v : a) {
                int32(v);
            }
        }

        void float64s(double[] a) throws IOException {
            for (double v : a) {
                float64(v);
            }
        }

        void flush() throws IOException {
            written += buf.position();
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }

        long written() {
            return written;
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }

    /** Little-endian primitive reader through one reusable buffer; a short file is an {@link EOFException}. */
    private static final class LittleEndianIn implements AutoCloseable {
        private final InputStream in;
        private final Path file;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        LittleEndianIn(InputStream in, Path file) {
            this.in = in;
            this.file = file;
            buf.limit(0);
        }

        /** Makes {@code n} bytes available in the buffer, or fewer only at the end of the file. */
        private boolean fill(int n) throws IOException {
            if (buf.remaining() >= n) {
                return true;
            }
            buf.compact();
            while (buf.position() < n) {
                int got = in.read(buf.array(), buf.position(), buf.capacity() - buf.position());
                if (got < 0) {
                    break;
                }
                buf.position(buf.position() + got);
            }
            buf.flip();
            return buf.remaining() >= n;
        }

        private void need(int n) throws IOException {
            if (!fill(n)) {
                throw new EOFException(file + ": truncated");
            }
        }

        byte[] bytes(int n) throws IOException {
            need(n);
            byte[] b = new byte[n];
            buf.get(b);
            return b;
        }

        int read() throws IOException {
            return fill(1) ? buf.get() & 0xff : -1;
        }

        int int8() throws IOException {
            need(1);
            return buf.get() & 0xff;
        }

        int int32() throws IOException {
            need(4);
            return buf.getInt();
        }

        double float64() throws IOException {
            need(8);
            return buf.getDouble();
        }

        int[] int32s(int n) throws IOException {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = int32();
            }
            return a;
        }

        double[] float64s(int n) throws IOException {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = float64();
            }
            return a;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
