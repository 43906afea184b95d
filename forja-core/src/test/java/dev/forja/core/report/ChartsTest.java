package dev.forja.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static int count(String haystack, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void barChartDrawsATrackAndABarPerValueScaledToTheLargest() {
        String svg = BarChart.titled("levels").bar("male", 577, "577").bar("female", 314, "314").render().html();
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(count(svg, "<rect")).isEqualTo(4); // two grey tracks, two bars
        assertThat(svg).contains("width=\"266\""); // the largest bar fills the track: 560 - 170 - 124
        assertThat(svg).contains("width=\"" + BarChart.fmt(266.0 * 314 / 577) + "\"");
        assertThat(svg).contains(">male<", ">577<", "<title>levels</title>");
    }

    @Test
    void barChartScaledToAFixedMaximum() {
        String svg = BarChart.titled("power").scaleTo(1).bar("x", 0.5, "0.500").render().html();
        assertThat(svg).contains("width=\"133\"");
    }

    @Test
    void barChartEscapesLabelsAndShortensLongOnes() {
        String svg = BarChart.titled("t").bar("<script>alert(1)</script> and a very long level name", 1, "1").render().html();
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(svg).contains("…");
    }

    @Test
    void barChartRefusesNegativeValues() {
        assertThatThrownBy(() -> BarChart.titled("t").bar("x", -1, "-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void histogramDrawsOneBarPerNonEmptyBinWithItsRangeAsTooltip() {
        String svg = HistogramChart.of("ages", new double[] {0, 10, 20, 30}, new long[] {5, 0, 2}).render().html();
        assertThat(count(svg, "<g>")).isEqualTo(3);
        assertThat(count(svg, "fill=\"" + BarChart.BLUE + "\"")).isEqualTo(2);
        assertThat(svg).contains("<title>[0 – 10): 5</title>", "<title>[20 – 30]: 2</title>");
        assertThat(svg).contains(">0<", ">30<");
    }

    @Test
    void histogramOfWholeNumbersLabelsTheValues() {
        String svg = HistogramChart.of("children", new double[] {-0.5, 0.5, 1.5, 2.5}, new long[] {3, 2, 1})
                .centredLabels().render().html();
        assertThat(svg).contains(">0<", ">1<", ">2<", "<title>1: 2</title>").doesNotContain(">-0.5<");
    }

    @Test
    void histogramLabelsEdgesWithTheGivenFormat() {
        String svg = HistogramChart.of("t", new double[] {0, 1}, new long[] {1}).edgeLabels(v -> "day " + (int) v).render().html();
        assertThat(svg).contains(">day 0<", ">day 1<");
    }
}
