package dev.forja.core.report;

import java.util.function.DoubleFunction;

/**
 * A histogram as inline SVG: adjacent vertical bars over bin edges, the count axis on the left and the
 * first, middle and last edge labelled below. Each bar's tooltip gives its range and count. Edges are
 * labelled by a function, so the same chart shows numbers, lengths or dates.
 */
public final class HistogramChart {
    private static final int WIDTH = BarChart.WIDTH;
    private static final int HEIGHT = 170;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 10;
    private static final int BOTTOM = 26;

    private final String title;
    private final double[] edges;
    private final long[] counts;
    private DoubleFunction<String> edgeLabel = Numbers::format;
    private String color = BarChart.BLUE;
    private boolean centred;

    private HistogramChart(String title, double[] edges, long[] counts) {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException(edges.length + " edges for " + counts.length + " bins");
        }
        this.title = title;
        this.edges = edges.clone();
        this.counts = counts.clone();
    }

    /** A histogram of {@code counts.length} bins between {@code edges}. */
    public static HistogramChart of(String title, double[] edges, long[] counts) {
        return new HistogramChart(title, edges, counts);
    }

    /** How edges are written (default {@link Numbers#format}). */
    public HistogramChart edgeLabels(DoubleFunction<String> label) {
        this.edgeLabel = label;
        return this;
    }

    /**
     * Labels bar centres instead of edges: for histograms with one bin per whole number, whose bars stand
     * for values (0, 1, 2 children) rather than ranges. Every bar is labelled when there are at most
     * {@value #ALL_LABELS} of them, otherwise evenly spaced ones.
     */
    public HistogramChart centredLabels() {
        this.centred = true;
        return this;
    }

    private static final int ALL_LABELS = 16;

    public HistogramChart color(String cssColor) {
        this.color = cssColor;
        return this;
    }

    public HtmlBuilder.Fragment render() {
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        int bins = counts.length;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double binW = plotW / bins;
        double baseY = TOP + plotH;
        HtmlBuilder svg = new HtmlBuilder();
        svg.open("svg", "class", "chart histogram", "role", "img",
                "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "width", Integer.toString(WIDTH),
                "height", Integer.toString(HEIGHT), "aria-label", title);
        svg.element("title", title);
        // Count axis: a faint line at the top count and halfway, labelled.
        for (int k = 1; k <= 2; k++) {
            double y = baseY - plotH * k / 2.0;
            svg.empty("line", "x1", fmt(LEFT), "x2", fmt(WIDTH - RIGHT), "y1", fmt(y), "y2", fmt(y),
                    "stroke", "#eaecf0", "stroke-width", "1");
            svg.element("text", Numbers.count(Math.round(max * k / 2.0)), "x", fmt(LEFT - 6), "y", fmt(y + 4),
                    "text-anchor", "end", "font-size", "11", "fill", "#667085");
        }
        for (int i = 0; i < bins; i++) {
            double h = max == 0 ? 0 : plotH * counts[i] / max;
            double x = LEFT + i * binW;
            svg.open("g");
            svg.element("title", rangeText(i) + ": " + Numbers.count(counts[i]));
            // A transparent full-height rect keeps the tooltip reachable on short bars.
            svg.empty("rect", "x", fmt(x), "y", fmt(TOP), "width", fmt(binW), "height", fmt(plotH), "fill", "transparent");
            if (counts[i] > 0) {
                svg.empty("rect", "x", fmt(x + (binW > 3 ? 0.5 : 0)), "y", fmt(baseY - Math.max(h, 1)),
                        "width", fmt(Math.max(binW - (binW > 3 ? 1 : 0), 0.5)), "height", fmt(Math.max(h, 1)), "fill", color);
            }
            svg.close("g");
        }
        svg.empty("line", "x1", fmt(LEFT), "x2", fmt(WIDTH - RIGHT), "y1", fmt(baseY), "y2", fmt(baseY),
                "stroke", "#98a2b3", "stroke-width", "1");
        double labelY = baseY + 16;
        if (centred) {
            int every = bins <= ALL_LABELS ? 1 : (int) Math.ceil(bins / 8.0);
            for (int i = 0; i < bins; i += every) {
                svg.element("text", edgeLabel.apply((edges[i] + edges[i + 1]) / 2), "x", fmt(LEFT + (i + 0.5) * binW),
                        "y", fmt(labelY), "text-anchor", "middle", "font-size", "11", "fill", "#667085");
            }
        } else {
            svg.element("text", edgeLabel.apply(edges[0]), "x", fmt(LEFT), "y", fmt(labelY), "font-size", "11",
                    "fill", "#667085");
            if (bins >= 2) {
                svg.element("text", edgeLabel.apply(edges[bins / 2]), "x", fmt(LEFT + (bins / 2) * binW), "y", fmt(labelY),
                        "text-anchor", "middle", "font-size", "11", "fill", "#667085");
            }
            svg.element("text", edgeLabel.apply(edges[bins]), "x", fmt(WIDTH - RIGHT), "y", fmt(labelY),
                    "text-anchor", "end", "font-size", "11", "fill", "#667085");
        }
        svg.close("svg");
        return svg.build();
    }

    private String rangeText(int i) {
        if (centred) {
            return edgeLabel.apply((edges[i] + edges[i + 1]) / 2);
        }
        String close = i == counts.length - 1 ? "]" : ")";
        return "[" + edgeLabel.apply(edges[i]) + " – " + edgeLabel.apply(edges[i + 1]) + close;
    }

    private static String fmt(double v) {
        return BarChart.fmt(v);
    }
}
