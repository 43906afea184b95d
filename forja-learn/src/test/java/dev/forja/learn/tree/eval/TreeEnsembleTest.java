package dev.forja.learn.tree.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeEnsembleTest {
    private static final double NAN = Double.NaN;

    @TempDir
    Path tmp;

    /**
     * Node 0: x0 < 1.5 (missing goes right) → node 1, leaf 10 | node 2: x1 < 0 (missing goes left) →
     * node 3, leaf 20 | node 4, leaf 30. Base 0.5.
     */
    private static TreeEnsemble handTree() {
        int[] left = {1, -1, 3, -1, -1};
        int[] right = {2, -1, 4, -1, -1};
        int[] feature = {0, 0, 1, 0, 0};
        double[] threshold = {1.5, 0, 0.0, 0, 0};
        boolean[] defaultLeft = {false, false, true, false, false};
        double[] leaf = {0, 10, 0, 20, 30};
        return new TreeEnsembleBuilder(2, 1, 1, OutputTransform.IDENTITY, new double[] {0.5}, 1.0, false)
                .addTree(0, left, right, feature, threshold, defaultLeft, leaf, null).build();
    }

    private static double score(TreeEnsemble e, double... x) {
        double[] out = new double[e.outputs()];
        e.predict(x, out);
        return out[0];
    }

    @Test
    void rowsGoLeftBelowTheThresholdRightAtOrAboveItAndMissingToTheDefault() {
        TreeEnsemble e = handTree();
        assertThat(score(e, 1.0, 5)).isEqualTo(10.5);
        assertThat(score(e, 1.5, -1)).isEqualTo(20.5); // equal to the threshold: right
        assertThat(score(e, 2.0, 0.0)).isEqualTo(30.5);
        assertThat(score(e, 2.0, -0.0)).isEqualTo(30.5); // -0.0 is not below 0.0
        assertThat(score(e, NAN, 5)).isEqualTo(30.5); // root sends missing right, then x1 = 5 right
        assertThat(score(e, NAN, NAN)).isEqualTo(20.5); // ... and the x1 split sends missing left
        assertThat(score(e, 1.0, NAN)).isEqualTo(10.5);
        assertThat(score(e, Double.NEGATIVE_INFINITY, 1)).isEqualTo(10.5);
        assertThat(score(e, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isEqualTo(30.5);
        assertThat(e.depth(0)).isEqualTo(2);
        assertThat(e.nodes()).isEqualTo(5);
    }

    @Test
    void groupsSumPerMarginAndSoftmaxTurnsThemIntoProbabilities() {
        // Two stumps into margin 0 and one into margin 1, base (0.1, -0.2).
        TreeEnsembleBuilder b = new TreeEnsembleBuilder(1, 2, 1, OutputTransform.SOFTMAX, new double[] {0.1, -0.2}, 1.0, false);
        int[] l = {1, -1, -1};
        int[] r = {2, -1, -1};
        int[] f = {0, 0, 0};
        double[] t = {0.0, 0, 0};
        boolean[] d = {true, false, false};
        b.addTree(0, l, r, f, t, d, new double[] {0, 1.0, -1.0}, null);
        b.addTree(1, l, r, f, t, d, new double[] {0, 0.5, 2.0}, null);
        b.addTree(0, l, r, f, t, d, new double[] {0, 0.25, 0.25}, null);
        TreeEnsemble e = b.build();
        double[] out = new double[2];
        e.predict(new double[] {-1}, out);
        double m0 = 0.1 + 1.0 + 0.25;
        double m1 = -0.2 + 0.5;
        assertThat(out[0]).isCloseTo(Math.exp(m0) / (Math.exp(m0) + Math.exp(m1)), within(1e-15));
        assertThat(out[0] + out[1]).isCloseTo(1.0, within(1e-15));
        double[] margins = new double[2];
        e.margins(new double[] {1}, margins);
        assertThat(margins).containsExactly(0.1 - 1.0 + 0.25, -0.2 + 2.0);
    }

    @Test
    void averagedLeavesWithComplementGiveBothClassProbabilities() {
        TreeEnsembleBuilder b = new TreeEnsembleBuilder(1, 1, 1, OutputTransform.COMPLEMENT, new double[] {0}, 0.5, false);
        int[] l = {1, -1, -1};
        int[] r = {2, -1, -1};
        b.addTree(0, l, r, new int[3], new double[] {0.0, 0, 0}, new boolean[3], new double[] {0, 0.2, 0.9}, null);
        b.addTree(0, l, r, new int[3], new double[] {5.0, 0, 0}, new boolean[3], new double[] {0, 0.4, 1.0}, null);
        double[] out = new double[2];
        b.build().predict(new double[] {1}, out);
        assertThat(out[1]).isCloseTo((0.9 + 0.4) / 2, within(1e-15));
        assertThat(out[0]).isCloseTo(1 - (0.9 + 0.4) / 2, within(1e-15));
    }

    /** A random ensemble: trees of random shapes and depths, on 7 features. */
    static TreeEnsemble random(long seed, int margins, int leafWidth, OutputTransform transform, boolean float32) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] base = new double[margins];
        for (int k = 0; k < margins; k++) {
            base[k] = float32 ? (float) r.nextGaussian() : r.nextGaussian();
        }
        TreeEnsembleBuilder b = new TreeEnsembleBuilder(7, margins, leafWidth, transform, base, float32 ? 1.0 : 0.05, float32);
        for (int t = 0; t < 37; t++) {
            int n = 1 + 2 * r.nextInt(40);
            int[] left = new int[n];
            int[] right = new int[n];
            int[] feature = new int[n];
            double[] threshold = new double[n];
            boolean[] def = new boolean[n];
            double[] leaf = new double[n * leafWidth];
            java.util.Arrays.fill(left, -1);
            java.util.Arrays.fill(right, -1);
            // Grow by splitting random leaves until n nodes exist.
            int count = 1;
            while (count < n) {
                int leafNode;
                do {
                    leafNode = r.nextInt(count);
                } while (left[leafNode] >= 0);
                left[leafNode] = count;
                right[leafNode] = count + 1;
                feature[leafNode] = r.nextInt(7);
                threshold[leafNode] = Math.round(r.nextGaussian() * 4) / 4.0;
                def[leafNode] = r.nextBoolean();
                count += 2;
            }
            for (int i = 0; i < leaf.length; i++) {
                leaf[i] = float32 ? (float) r.nextGaussian() : r.nextGaussian();
            }
            b.addTree(r.nextInt(margins - leafWidth + 1), left, right, feature, threshold, def, leaf, null);
        }
        return b.build();
    }

    static double[] rows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * 7];
        for (int i = 0; i < x.length; i++) {
            double u = r.nextDouble();
            x[i] = u < 0.05 ? NAN : u < 0.06 ? Double.POSITIVE_INFINITY : u < 0.07 ? Double.NEGATIVE_INFINITY
                    : u < 0.2 ? Math.round(r.nextGaussian() * 4) / 4.0 : r.nextGaussian() * 2;
        }
        return x;
    }

    @Test
    void batchAndParallelScoringGiveExactlyTheOneRowNumbers() {
        TreeEnsemble[] ensembles = {
            random(1, 1, 1, OutputTransform.SIGMOID, true),
            random(2, 4, 1, OutputTransform.SOFTMAX, true),
            random(3, 3, 3, OutputTransform.IDENTITY, false),
            random(4, 1, 1, OutputTransform.IDENTITY, false),
            random(5, 1, 1, OutputTransform.EXP, true),
        };
        int n = 5000;
        double[] x = rows(n, 9);
        for (TreeEnsemble e : ensembles) {
            int k = e.outputs();
            double[] one = new double[n * k];
            double[] row = new double[7];
            double[] out = new double[k];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, i * 7, row, 0, 7);
                e.predict(row, out);
                System.arraycopy(out, 0, one, i * k, k);
            }
            double[] batch = new double[n * k];
            e.predict(x, n, batch);
            assertThat(batch).isEqualTo(one);
            double[] parallel = new double[n * k];
            e.predictParallel(x, n, parallel);
            assertThat(parallel).isEqualTo(one);
        }
    }

    @Test
    void singleRowScoringAllocatesNothing() {
        TreeEnsemble e = random(6, 4, 1, OutputTransform.SOFTMAX, true);
        double[] x = rows(1000, 3);
        double[] row = new double[7];
        double[] out = new double[4];
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 20; warm++) {
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(x, i * 7, row, 0, 7);
                e.predict(row, out);
            }
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(x, i * 7, row, 0, 7);
            e.predict(row, out);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(1024); // the bean call itself may allocate a little
    }

    @Test
    void savedFilesLoadBackToTheSameBytesAndPredictions() throws IOException {
        TreeEnsemble e = random(7, 3, 3, OutputTransform.IDENTITY, false);
        ObjectNode header = TreeEnsembleFile.save(e, tmp.resolve("a.bin"));
        TreeEnsemble back = TreeEnsembleFile.load(header, tmp.resolve("a.bin"));
        ObjectNode again = TreeEnsembleFile.save(back, tmp.resolve("b.bin"));
        assertThat(Files.readAllBytes(tmp.resolve("b.bin"))).isEqualTo(Files.readAllBytes(tmp.resolve("a.bin")));
        assertThat(again.get("sha256")).isEqualTo(header.get("sha256"));
        double[] x = rows(500, 1);
        double[] p = new double[500 * 3];
        double[] q = new double[500 * 3];
        e.predict(x, 500, p);
        back.predict(x, 500, q);
        assertThat(q).isEqualTo(p);
        assertThat(header.get("transform").asText()).isEqualTo("identity");
        assertThat(header.get("trees").asInt()).isEqualTo(37);
    }

    @Test
    void damagedOrMismatchedFilesAreRefused() throws IOException {
        TreeEnsemble e = random(8, 1, 1, OutputTransform.SIGMOID, true);
        Path file = tmp.resolve("t.bin");
        ObjectNode header = TreeEnsembleFile.save(e, file);
        byte[] bytes = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        assertThatThrownBy(() -> TreeEnsembleFile.load(header, file)).isInstanceOf(IOException.class);

        byte[] flipped = bytes.clone();
        flipped[bytes.length - 3] ^= 0x40; // a leaf value: the structure still checks, the hash does not
        Files.write(file, flipped);
        assertThatThrownBy(() -> TreeEnsembleFile.load(header, file)).isInstanceOf(IOException.class).hasMessageContaining("hash");

        byte[] badChild = bytes.clone();
        int leftStart = 4 + 4 + 5 * 4 + 3 * 4 * e.trees() + 4 * e.nodes() + 8 * e.nodes();
        badChild[leftStart] = 0x7f; // root's left child far out of range
        Files.write(file, badChild);
        assertThatThrownBy(() -> TreeEnsembleFile.load(header, file)).isInstanceOf(IOException.class);

        Files.write(file, bytes);
        ObjectNode wrongShape = header.deepCopy().put("nodes", e.nodes() + 2);
        assertThatThrownBy(() -> TreeEnsembleFile.load(wrongShape, file)).isInstanceOf(IOException.class).hasMessageContaining("header");
        assertThat(TreeEnsembleFile.load(header, file).nodes()).isEqualTo(e.nodes());
    }

    @Test
    void theBuilderRefusesArraysThatAreNotATree() {
        TreeEnsembleBuilder b = new TreeEnsembleBuilder(2, 1, 1, OutputTransform.IDENTITY, new double[1], 1.0, false);
        double[] t = new double[3];
        boolean[] d = new boolean[3];
        double[] v = new double[3];
        assertThatThrownBy(() -> b.addTree(0, new int[] {1, -1, -1}, new int[] {1, -1, -1}, new int[3], t, d, v, null))
                .hasMessageContaining("bad children");
        assertThatThrownBy(() -> b.addTree(0, new int[] {-1, -1, -1}, new int[] {-1, -1, -1}, new int[3], t, d, v, null))
                .hasMessageContaining("unreachable");
        assertThatThrownBy(() -> b.addTree(0, new int[] {1, -1, -1}, new int[] {2, -1, -1}, new int[] {5, 0, 0}, t, d, v, null))
                .hasMessageContaining("feature 5");
        assertThatThrownBy(() -> b.addTree(0, new int[] {1, 0, -1}, new int[] {2, 2, -1}, new int[3], t, d, v, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
