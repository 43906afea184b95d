package dev.forja.core.split;

import java.util.SplittableRandom;

/** Seeded Fisher–Yates shuffles, so every split is a pure function of its inputs and seed. */
final class Shuffle {
    private Shuffle() {
    }

    static int[] copy(int[] rows, long seed) {
        int[] out = rows.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
