package dev.forja.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineEndsTest {
    @Test
    void countsEveryNewlineAtEveryAlignmentAndNothingElse() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] b = new byte[4099];
        for (int i = 0; i < b.length; i++) {
            // newlines, their neighbours in value (0x09, 0x0B, 0x8A) and arbitrary bytes
            int pick = random.nextInt(6);
            b[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x09 : pick == 2 ? 0x0B : pick == 3 ? 0x8A : random.nextInt(256));
        }
        for (int from = 0; from < 9; from++) {
            for (int to = b.length - 9; to <= b.length; to++) {
                long naive = 0;
                for (int i = from; i < to; i++) {
                    naive += b[i] == '\n' ? 1 : 0;
                }
                assertThat(LineEnds.count(b, from, to)).isEqualTo(naive);
            }
        }
    }
}
