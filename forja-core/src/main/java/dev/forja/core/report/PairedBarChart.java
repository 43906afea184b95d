package dev.forja.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Two distributions over the same bins side by side, as horizontal bar pairs (one row per bin: the
 * reference above in grey, the current below in blue), so a shift reads at a glance. Inline SVG, no
 * script.
 */
public final class PairedBarChart {
    private static final int WIDTH = 520;
    private static final int LABEL_WIDTH = 150;
    private static final int VALUE_WIDTH = 56;
    private static final int BAR = 8;
    private static final int ROW = 2 * BAR + 8;
    private static final int LEGEND = 20;
    private final String title;
    private final String firstName;
    private final String secondName;
    private final List<String> labels = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();

    private PairedBarChart(String title, String firstName, String secondName) {
        this.title = title;
        this.firstName = firstName;
        this.secondName = secondName;
    }

    /** A chart comparing a distribution named {@code firstName} with one named {@code secondName}. */
    public static PairedBarChart titled(String title, String firstName, String secondName) {
        return new PairedBarChart(title, firstName, secondName);
    }

    /** One bin: its shares (0–1) in the first and second distribution. */
    public PairedBarChart bin(String label, double first, double second) {
        labels.add(label);
        values.add(new double[] {first, second});
        return this;
    }

    public HtmlBuilder.Fragment render() {
        double max = 0;
        for (double[] v : values) {
            max = Math.max(max, Math.max(v[0], v[1]));
        }
        int height = LEGEND + Math.max(1, labels.size()) * ROW + 4;
        int barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        HtmlBuilder svg = new HtmlBuilder();
        svg.open("svg", "class", "chart paired-bar-chart", "role", "img", "viewBox", "0 0 " + WIDTH + " " + height, "width",
                Integer.toString(WIDTH), "height", Integer.toString(height), "aria-label", title);
        svg.element("title", title);
        svg.empty("rect", "x", Integer.toString(LABEL_WIDTH), "y", "4", "width", "10", "height", "10", "fill", BarChart.GREY);
        svg.element("text", firstName, "x", Integer.toString(LABEL_WIDTH + 14), "y", "13", "font-size", "12", "fill", "#344054");
        svg.empty("rect", "x", Integer.toString(LABEL_WIDTH + 120), "y", "4", "width", "10", "height", "10", "fill", BarChart.BLUE);
        svg.element("text", secondName, "x", Integer.toString(LABEL_WIDTH + 134), "y", "13", "font-size", "12", "fill", "#344054");
        for (int i = 0; i < labels.size(); i++) {
            double y = LEGEND + i * ROW;
            double[] v = values.get(i);
            svg.open("g");
            svg.element("title", labels.get(i) + ": " + firstName + " " + Numbers.percent(v[0]) + ", " + secondName + " " + Numbers.percent(v[1]));
            svg.element("text", BarChart.shorten(labels.get(i)), "x", BarChart.fmt(LABEL_WIDTH - 8), "y", BarChart.fmt(y + BAR + 4), "text-anchor",
                    "end", "font-size", "12", "fill", "#344054");
            for (int s = 0; s < 2; s++) {
                double w = max > 0 ? v[s] / max * barSpace : 0;
                double top = y + s * BAR;
                if (w > 0) {
                    svg.empty("rect", "x", BarChart.fmt(LABEL_WIDTH), "y", BarChart.fmt(top), "width", BarChart.fmt(Math.max(w, 1)), "height",
                            BarChart.fmt(BAR - 1), "fill", s == 0 ? BarChart.GREY : BarChart.BLUE);
                }
                svg.element("text", Numbers.percent(v[s]), "x", BarChart.fmt(LABEL_WIDTH + barSpace + 6), "y", BarChart.fmt(top + BAR - 1),
                        "font-size", "10", "fill", "#667085");
            }
            svg.close("g");
        }
        svg.close("svg");
        return svg.build();
    }
}
