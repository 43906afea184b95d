package dev.forja.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0.0", "-0.5|-0.5", "+7|7.0", "3504.|3504.0", ".25|0.25", "1e3|1000.0", "1E-2|0.01", "2.5e+2|250.0",
        " 42 |42.0", "inf|Infinity", "-Infinity|-Infinity", "INF|Infinity", "00012|12.0"})
    void acceptsDecimalSpellingsAndParsesThemExactly(String text, double expected) {
        assertThat(NumberSyntax.isNumber(text)).isTrue();
        assertThat(NumberSyntax.parse(text)).isEqualTo(expected);
        byte[] b = ("x" + text + "y").getBytes(StandardCharsets.UTF_8);
        assertThat(NumberSyntax.isNumber(b, 1, b.length - 2)).isTrue();
        assertThat(NumberSyntax.parse(b, 1, b.length - 2)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "-", "+", "e5", "1e", "1e+", "1f", "1d", "0x1F", "1,5", "1.2.3", "12a",
        "NaN", "infinit", "- 1", "1 2", "∞", "١٢"})
    void rejectsWhatIsNotADecimalNumber(String text) {
        assertThat(NumberSyntax.isNumber(text)).as(text).isFalse();
    }

    @Test
    void parsesEveryShortestRoundTripSpellingBackToTheSameDouble() {
        SplittableRandom random = new SplittableRandom(20261125L);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(v)) {
                continue;
            }
            String s = Double.toString(v);
            if (Double.isInfinite(v)) {
                continue;
            }
            assertThat(NumberSyntax.parse(s)).as(s).isEqualTo(v);
        }
    }

    @Test
    void agreesWithTheJdkOnFormattedDecimals() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-12, 12));
            String s = String.format(Locale.ROOT, "%." + random.nextInt(0, 10) + (random.nextBoolean() ? "f" : "e"), v);
            assertThat(NumberSyntax.isNumber(s)).as(s).isTrue();
            assertThat(NumberSyntax.parse(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Test
    void plainDecimalFastPathGivesTheSameDoubleAsTheJdk() {
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < 100_000; i++) {
            long digits = random.nextLong(1L, 1L << 53) >>> random.nextInt(0, 53);
            String s = Long.toString(digits);
            int point = random.nextInt(0, s.length() + 1);
            String text = (random.nextBoolean() ? "-" : "") + s.substring(0, point) + (point < s.length() || random.nextBoolean() ? "." : "") + s.substring(point);
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            double fast = NumberSyntax.parsePlainDecimal(b, 0, b.length);
            if (text.equals("-") || text.equals(".") || text.equals("-.")) {
                assertThat(fast).isNaN();
            } else {
                assertThat(fast).as(text).isEqualTo(Double.parseDouble(text));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1e3", " 1", "1 ", "inf", "1.2.3", "12345678901234567890", "0.1234567890123456789", "9007199254740993"})
    void plainDecimalFastPathLeavesEverythingElseToTheFullParser(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(NumberSyntax.parsePlainDecimal(b, 0, b.length)).as(text).isNaN();
    }
}
