package dev.forja.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopCountsTest {

    @Test
    void keepsTheLargestCountsLargestFirst() {
        TopCounts<String> top = new TopCounts<>(2);
        top.offer("a", 1);
        top.offer("b", 5);
        top.offer("c", 3);
        assertThat(top.toValueCounts(s -> s)).containsExactly(new ValueCount("b", 5), new ValueCount("c", 3));
    }

    @Test
    void tiesKeepTheOrderOfOffering() {
        TopCounts<String> top = new TopCounts<>(3);
        top.offer("first", 2);
        top.offer("second", 2);
        top.offer("big", 9);
        top.offer("third", 2);
        assertThat(top.toValueCounts(s -> s)).extracting(ValueCount::value).containsExactly("big", "first", "second");
    }
}
