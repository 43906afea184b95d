package dev.forja.core.ingest.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A dictionary from byte strings to level codes, so that a categorical cell costs a hash and a compare
 * rather than a {@code String} allocation: a column of a million cells with a dozen levels allocates a
 * dozen strings. Open addressing with linear probing; levels keep first-appearance order.
 */
final class ByteLevels {
    private byte[] bytes = new byte[1024];
    private int used;
    private int[] offsets = new int[17];
    private int[] hashes = new int[16];
    private int size;
    private int[] table = new int[32];

    ByteLevels() {
        Arrays.fill(table, -1);
    }

    int size() {
        return size;
    }

    /** The code of the level with these bytes, adding it if new. */
    int code(byte[] b, int s, int e) {
        int h = hash(b, s, e);
        int mask = table.length - 1;
        int slot = h & mask;
        while (true) {
            int c = table[slot];
            if (c < 0) {
                return add(b, s, e, h, slot);
            }
            if (hashes[c] == h && equal(c, b, s, e)) {
                return c;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean equal(int c, byte[] b, int s, int e) {
        int o = offsets[c];
        int n = offsets[c + 1] - o;
        if (n != e - s) {
            return false;
        }
        return Arrays.equals(bytes, o, o + n, b, s, e);
    }

    private int add(byte[] b, int s, int e, int h, int slot) {
        int n = e - s;
        if (used + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + n));
        }
        System.arraycopy(b, s, bytes, used, n);
        used += n;
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2 + 1);
        }
        int c = size++;
        hashes[c] = h;
        offsets[c + 1] = used;
        table[slot] = c;
        if (size * 2 > table.length) {
            rehash();
        }
        return c;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        Arrays.fill(t, -1);
        int mask = t.length - 1;
        for (int c = 0; c < size; c++) {
            int slot = hashes[c] & mask;
            while (t[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            t[slot] = c;
        }
        table = t;
    }

    String level(int code) {
        return new String(bytes, offsets[code], offsets[code + 1] - offsets[code], StandardCharsets.UTF_8);
    }

    private static int hash(byte[] b, int s, int e) {
        int h = 0x9E3779B9;
        for (int i = s; i < e; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
