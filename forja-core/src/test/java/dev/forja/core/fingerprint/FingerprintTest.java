package dev.forja.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static Frame frame(double[] x, String... colours) {
        CategoricalColumn.Builder c = new CategoricalColumn.Builder();
        for (String s : colours) {
            c.add(s);
        }
        return Frame.of(NumericColumn.of("x", x), c.build("colour"));
    }

    @Test
    void isSha256HexWithAPrefix() {
        assertThat(Fingerprint.of(frame(new double[] {1, 2}, "red", "blue"))).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void sameContentGivesTheSameFingerprint() {
        assertThat(Fingerprint.of(frame(new double[] {1, 2}, "red", "blue")))
                .isEqualTo(Fingerprint.of(frame(new double[] {1, 2}, "red", "blue")));
    }

    @Test
    void categoricalLevelOrderDoesNotMatterOnlyTheValues() {
        CategoricalColumn.Builder declaredFirst = new CategoricalColumn.Builder();
        declaredFirst.declare("blue");
        declaredFirst.declare("green");
        declaredFirst.add("red");
        declaredFirst.add("blue");
        Frame other = Frame.of(NumericColumn.of("x", new double[] {1, 2}), declaredFirst.build("colour"));
        assertThat(Fingerprint.of(other)).isEqualTo(Fingerprint.of(frame(new double[] {1, 2}, "red", "blue")));
    }

    @Test
    void aViewHashesLikeTheSameRowsMaterialised() {
        Frame view = frame(new double[] {9, 1, 2}, "x", "red", "blue").select(new int[] {1, 2});
        assertThat(Fingerprint.of(view)).isEqualTo(Fingerprint.of(frame(new double[] {1, 2}, "red", "blue")));
    }

    @Test
    void aChangedValueChangesIt() {
        assertThat(Fingerprint.of(frame(new double[] {1, 2}, "red", "blue")))
                .isNotEqualTo(Fingerprint.of(frame(new double[] {1, 2.0000001}, "red", "blue")));
    }

    @Test
    void swappedRowsChangeIt() {
        assertThat(Fingerprint.of(frame(new double[] {1, 2}, "red", "blue")))
                .isNotEqualTo(Fingerprint.of(frame(new double[] {2, 1}, "blue", "red")));
    }

    @Test
    void aRenamedColumnChangesIt() {
        Frame f = frame(new double[] {1, 2}, "red", "blue");
        assertThat(Fingerprint.of(f)).isNotEqualTo(Fingerprint.of(f.drop("x").with(f.column("x").rename("y"))));
    }

    @Test
    void missingDiffersFromEveryValue() {
        assertThat(Fingerprint.of(frame(new double[] {Double.NaN}, (String) null)))
                .isNotEqualTo(Fingerprint.of(frame(new double[] {0}, "")));
    }

    @Test
    void textAndCategoricalWithEqualValuesDiffer() {
        dev.forja.core.frame.TextColumn.Builder t = new dev.forja.core.frame.TextColumn.Builder();
        t.add("red");
        CategoricalColumn.Builder c = new CategoricalColumn.Builder();
        c.add("red");
        assertThat(Fingerprint.of(Frame.of(t.build("v")))).isNotEqualTo(Fingerprint.of(Frame.of(c.build("v"))));
    }
}
