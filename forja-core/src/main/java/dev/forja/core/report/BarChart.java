package dev.forja.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG: one row per bar with its label on the left, the bar, and its
 * value as text on the right; hovering a bar shows its tooltip. Bars are scaled to the largest value,
 * or to a fixed maximum ({@link #scaleTo}) so that charts of scores in 0..1 compare across reports.
 * Values must not be negative.
 */
public final class BarChart {
    /** Default bar colour. */
    public static final String BLUE = "#3b6ea5";
    /** Colour for bars that should stand out (a warning, the target). */
    public static final String ORANGE = "#d9822b";
    /** Colour for secondary bars. */
    public static final String GREY = "#98a2b3";

    static final int WIDTH = 560;
    private static final int ROW = 22;
    private static final int BAR = 15;
    private static final int LABEL_WIDTH = 170;
    private static final int VALUE_WIDTH = 124;
    private static final int MAX_LABEL_CHARS = 26;

    /** One bar. */
    public record Bar(String label, double value, String valueText, String tooltip, String color) {
    }

    private final String title;
    private final List<Bar> bars = new ArrayList<>();
    private double scale = Double.NaN;

    private BarChart(String title) {
        this.title = title;
    }

    /** A chart; {@code title} is its accessible name (read by screen readers, shown on hover). */
    public static BarChart titled(String title) {
        return new BarChart(title);
    }

    /** Adds a bar in the default colour, its tooltip being label and value. */
    public BarChart bar(String label, double value, String valueText) {
        return bar(label, value, valueText, label + ": " + valueText, BLUE);
    }

    public BarChart bar(String label, double value, String valueText, String tooltip, String color) {
        if (value < 0) {
            throw new IllegalArgumentException("bar '" + label + "' has a negative value " + value);
        }
        bars.add(new Bar(label, Double.isNaN(value) ? 0 : value, valueText, tooltip, color));
        return this;
    }

    /** Scales bars so that {@code max} fills the width (instead of the largest bar). */
    public BarChart scaleTo(double max) {
        this.scale = max;
        return this;
    }

    public int size() {
        return bars.size();
    }

    public HtmlBuilder.Fragment render() {
        double max = scale;
        if (Double.isNaN(max)) {
            max = 0;
            for (Bar b : bars) {
                max = Math.max(max, b.value());
            }
        }
        int height = Math.max(1, bars.size()) * ROW + 4;
        int barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        HtmlBuilder svg = new HtmlBuilder();
        svg.open("svg", "class", "chart bar-chart", "role", "img",
                "viewBox", "0 0 " + WIDTH + " " + height, "width", Integer.toString(WIDTH),
                "height", Integer.toString(height), "aria-label", title);
        svg.element("title", title);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = 2 + i * ROW;
            double w = max > 0 ? Math.min(1, b.value() / max) * barSpace : 0;
            svg.open("g");
            svg.element("title", b.tooltip());
            svg.element("text", shorten(b.label()), "x", fmt(LABEL_WIDTH - 8), "y", fmt(y + BAR - 3),
                    "text-anchor", "end", "font-size", "12", "fill", "#344054");
            svg.empty("rect", "x", fmt(LABEL_WIDTH), "y", fmt(y), "width", fmt(barSpace), "height", fmt(BAR),
                    "fill", "#f2f4f7", "rx", "2");
            if (w > 0) {
                svg.empty("rect", "x", fmt(LABEL_WIDTH), "y", fmt(y), "width", fmt(Math.max(w, 1)), "height", fmt(BAR),
                        "fill", b.color(), "rx", "2");
            }
            svg.element("text", b.valueText(), "x", fmt(LABEL_WIDTH + barSpace + 6), "y", fmt(y + BAR - 3),
                    "font-size", "12", "fill", "#344054");
            svg.close("g");
        }
        svg.close("svg");
        return svg.build();
    }

    /** Long labels are cut with an ellipsis; the tooltip keeps the full text. */
    static String shorten(String label) {
        String oneLine = label.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_LABEL_CHARS ? oneLine : oneLine.substring(0, MAX_LABEL_CHARS - 1) + "…";
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
