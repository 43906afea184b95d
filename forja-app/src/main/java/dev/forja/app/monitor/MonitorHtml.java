package dev.forja.app.monitor;

import dev.forja.core.report.HtmlBuilder;
import dev.forja.core.report.LineChart;
import dev.forja.core.report.Numbers;
import dev.forja.core.report.ReportPage;
import dev.forja.serve.monitor.WindowResult;
import dev.forja.serve.monitor.drift.DriftHtml;
import dev.forja.serve.monitor.drift.FeatureDrift;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code forja monitor --report}: drift and performance over time (the largest PSI and the prediction's
 * PSI per window; the task's metric per window where labels arrived), the alerts, and the newest
 * window's full drift report beneath. Inline SVG, no script.
 */
final class MonitorHtml {
    private MonitorHtml() {
    }

    static void write(String model, String metric, List<WindowResult> windows, List<Firing> firings, Path out) {
        HtmlBuilder h = new HtmlBuilder();
        if (windows.isEmpty()) {
            h.element("p", "No logged requests in the period.");
            ReportPage.write(out, ReportPage.document("Monitoring · " + model, null, null, h.build()));
            return;
        }
        int n = windows.size();
        double[] x = new double[n];
        double[] psi = new double[n];
        double[] pred = new double[n];
        double[] perf = new double[n];
        double yMax = 0.3;
        double mMin = 1;
        double mMax = 0;
        for (int i = 0; i < n; i++) {
            WindowResult w = windows.get(i);
            x[i] = i;
            psi[i] = w.drift().features().stream().mapToDouble(FeatureDrift::psi).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
            pred[i] = w.drift().prediction() == null ? Double.NaN : w.drift().prediction().psi();
            perf[i] = w.metrics().getOrDefault(metric, Double.NaN);
            yMax = Math.max(yMax, Math.max(Double.isNaN(psi[i]) ? 0 : psi[i], Double.isNaN(pred[i]) ? 0 : pred[i]));
            if (!Double.isNaN(perf[i])) {
                mMin = Math.min(mMin, perf[i]);
                mMax = Math.max(mMax, perf[i]);
            }
        }
        h.element("p", n + " window(s) from " + Instant.ofEpochMilli(windows.get(0).start()) + " to " + Instant.ofEpochMilli(windows.get(n - 1).end())
                + "; " + firings.size() + " alert(s).");
        h.element("h2", "Drift over time");
        h.fragment(LineChart.of("PSI per window", "window", "PSI", 0, Math.max(1, n - 1), 0, Math.min(yMax * 1.1, 10))
                .line("largest feature PSI", x, psi).line("prediction PSI", x, pred).render());
        if (mMax >= mMin) {
            h.element("h2", metric + " over time (rows with late labels)");
            double pad = Math.max(0.02, (mMax - mMin) * 0.1);
            h.fragment(LineChart.of(metric + " per window", "window", metric, 0, Math.max(1, n - 1), mMin - pad, mMax + pad).line(metric, x, perf).render());
        }
        h.element("h2", "Windows");
        h.open("table").open("tr");
        for (String c : new String[] {"#", "start", "rows", "labelled", "verdict", "largest PSI", "prediction PSI", metric}) {
            h.element("th", c);
        }
        h.close("tr");
        for (int i = 0; i < n; i++) {
            WindowResult w = windows.get(i);
            h.open("tr").element("td", Integer.toString(i), "class", "num").element("td", Instant.ofEpochMilli(w.start()).toString())
                    .element("td", Numbers.count(w.rows()), "class", "num").element("td", Numbers.count(w.labelled()), "class", "num")
                    .element("td", w.drift().verdict()).element("td", num(psi[i]), "class", "num").element("td", num(pred[i]), "class", "num")
                    .element("td", num(perf[i]), "class", "num").close("tr");
        }
        h.close("table");
        h.element("h2", "Alerts");
        if (firings.isEmpty()) {
            h.element("p", "None.");
        } else {
            h.open("ul");
            firings.forEach(f -> h.element("li", Instant.ofEpochMilli(f.window().start()) + ": " + f.rule().text() + " (measured " + num(f.value()) + ")"));
            h.close("ul");
        }
        WindowResult last = windows.get(n - 1);
        String body = h.build().html();
        String lastReport = DriftHtml.render(last.drift(), "the model's training data", "window " + Instant.ofEpochMilli(last.start()));
        String lastMain = lastReport.substring(lastReport.indexOf("<main>") + "<main>".length(), lastReport.lastIndexOf("</main>"));
        HtmlBuilder all = new HtmlBuilder();
        all.fragment(new HtmlBuilder.Fragment(body));
        all.element("h2", "Newest window in detail");
        all.fragment(new HtmlBuilder.Fragment(lastMain));
        String css = lastReport.substring(lastReport.indexOf("<style>") + "<style>".length(), lastReport.indexOf("</style>"))
                .replace(ReportPage.BASE_CSS, "");
        ReportPage.write(out, ReportPage.document("Monitoring · " + model, "windows of the prediction log against the training data", css, all.build()));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? Numbers.NONE : String.format(Locale.ROOT, "%.3f", v);
    }
}
