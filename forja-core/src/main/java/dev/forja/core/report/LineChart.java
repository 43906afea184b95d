package dev.forja.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline-SVG line chart: a few series of (x, y) points over fixed axis ranges, with a legend,
 * gridlines and an optional diagonal (the perfect-calibration line of a reliability diagram). Points
 * with a NaN coordinate break a line. No script and no external resources, so reports open offline.
 */
public final class LineChart {
    private static final int WIDTH = 520;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 52;
    private static final String[] COLORS = {BarChart.BLUE, BarChart.ORANGE, "#12b76a", "#7a5af8"};

    private record Series(String name, double[] x, double[] y, boolean dots) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final List<Series> series = new ArrayList<>();
    private boolean diagonal;

    private LineChart(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** A chart over [xMin, xMax] × [yMin, yMax]. */
    public static LineChart of(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax) {
        return new LineChart(title, xLabel, yLabel, xMin, xMax, yMin, yMax);
    }

    public LineChart line(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y, false));
        return this;
    }

    /** A line whose points are also marked (few points, each meaningful: calibration bins). */
    public LineChart dots(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y, true));
        return this;
    }

    public LineChart diagonal() {
        this.diagonal = true;
        return this;
    }

    public HtmlBuilder.Fragment render() {
        HtmlBuilder svg = new HtmlBuilder();
        svg.open("svg", "class", "chart line-chart", "role", "img", "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "width", Integer.toString(WIDTH),
                "height", Integer.toString(HEIGHT), "aria-label", title);
        svg.element("title", title);
        for (int i = 0; i <= 4; i++) {
            double fy = yMin + (yMax - yMin) * i / 4;
            double fx = xMin + (xMax - xMin) * i / 4;
            svg.empty("line", "x1", f(LEFT), "x2", f(WIDTH - RIGHT), "y1", f(py(fy)), "y2", f(py(fy)), "stroke", "#eaecf0");
            svg.element("text", tick(fy), "x", f(LEFT - 6), "y", f(py(fy) + 4), "text-anchor", "end", "font-size", "11", "fill", "#667085");
            svg.element("text", tick(fx), "x", f(px(fx)), "y", f(HEIGHT - BOTTOM + 16), "text-anchor", "middle", "font-size", "11", "fill", "#667085");
        }
        svg.empty("line", "x1", f(LEFT), "x2", f(LEFT), "y1", f(TOP), "y2", f(HEIGHT - BOTTOM), "stroke", "#98a2b3");
        svg.empty("line", "x1", f(LEFT), "x2", f(WIDTH - RIGHT), "y1", f(HEIGHT - BOTTOM), "y2", f(HEIGHT - BOTTOM), "stroke", "#98a2b3");
        svg.element("text", xLabel, "x", f((LEFT + WIDTH - RIGHT) / 2.0), "y", f(HEIGHT - BOTTOM + 32), "text-anchor", "middle",
                "font-size", "12", "fill", "#344054");
        svg.element("text", yLabel, "x", "12", "y", f(TOP + (HEIGHT - BOTTOM - TOP) / 2.0), "text-anchor", "middle", "font-size", "12",
                "fill", "#344054", "transform", "rotate(-90 12 " + f(TOP + (HEIGHT - BOTTOM - TOP) / 2.0) + ")");
        if (diagonal) {
            svg.empty("line", "x1", f(px(xMin)), "y1", f(py(yMin)), "x2", f(px(xMax)), "y2", f(py(yMax)), "stroke", "#98a2b3",
                    "stroke-dasharray", "4 4");
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String color = COLORS[s % COLORS.length];
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < line.x().length; i++) {
                if (Double.isNaN(line.x()[i]) || Double.isNaN(line.y()[i])) {
                    pen = false;
                    continue;
                }
                d.append(pen ? " L" : (d.length() == 0 ? "M" : " M")).append(f(px(line.x()[i]))).append(',').append(f(py(line.y()[i])));
                pen = true;
            }
            svg.open("g");
            svg.element("title", line.name());
            if (d.length() > 0) {
                svg.empty("path", "d", d.toString(), "fill", "none", "stroke", color, "stroke-width", "2");
            }
            if (line.dots()) {
                for (int i = 0; i < line.x().length; i++) {
                    if (!Double.isNaN(line.x()[i]) && !Double.isNaN(line.y()[i])) {
                        svg.empty("circle", "cx", f(px(line.x()[i])), "cy", f(py(line.y()[i])), "r", "3.5", "fill", color);
                    }
                }
            }
            svg.close("g");
            double lx = LEFT + 8 + s * 130;
            svg.empty("rect", "x", f(lx), "y", f(HEIGHT - 14), "width", "12", "height", "4", "fill", color);
            svg.element("text", BarChart.shorten(line.name()), "x", f(lx + 16), "y", f(HEIGHT - 9), "font-size", "11", "fill", "#344054");
        }
        svg.close("svg");
        return svg.build();
    }

    private double px(double x) {
        return LEFT + (x - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
    }

    private double py(double y) {
        double clamped = Math.max(yMin, Math.min(yMax, y));
        return HEIGHT - BOTTOM - (clamped - yMin) / (yMax - yMin) * (HEIGHT - BOTTOM - TOP);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String tick(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.2f", v);
    }
}
