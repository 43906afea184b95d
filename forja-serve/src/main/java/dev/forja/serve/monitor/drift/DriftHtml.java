package dev.forja.serve.monitor.drift;

import dev.forja.core.report.HtmlBuilder;
import dev.forja.core.report.Numbers;
import dev.forja.core.report.PairedBarChart;
import dev.forja.core.report.ReportPage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code forja drift --report drift.html}: the verdict first, then one table of every feature sorted
 * by severity, then reference and current distributions side by side for the prediction and each
 * feature that moved (all features when none did). Self-contained: inline SVG, no script, no network.
 */
public final class DriftHtml {
    private static final String CSS = """
            .verdict { font-size: 20px; font-weight: 600; margin: 8px 0 16px; }
            .verdict.drift { color: var(--high); } .verdict.no_drift { color: #067647; }
            .sev-alert { color: var(--high); font-weight: 600; } .sev-warn { color: #b54708; font-weight: 600; } .sev-none { color: #067647; }
            .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(540px, 1fr)); gap: 16px; }
            .panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
            """;
    private static final int MAX_CHARTS = 24;

    private DriftHtml() {
    }

    public static void write(DriftReport r, String reference, String current, Path out) {
        ReportPage.write(out, render(r, reference, current));
    }

    public static String render(DriftReport r, String reference, String current) {
        HtmlBuilder h = new HtmlBuilder();
        h.element("div", r.verdict().equals("drift") ? "Drift: " + r.alerts() + " alert(s), " + r.warnings() + " warning(s)"
                : "No drift" + (r.warnings() > 0 ? " (" + r.warnings() + " warning(s))" : ""), "class", "verdict " + r.verdict());
        h.element("p", "Reference: " + reference + " (" + Numbers.count(r.referenceRows()) + " rows). Current: " + current + " ("
                + Numbers.count(r.currentRows()) + " rows). Severity reads effect sizes (PSI, Jensen–Shannon distance, shares of missing, "
                + "out-of-range and unseen values); p-values are shown but do not decide, since with many rows every difference is significant.");
        h.element("h2", "Features");
        h.open("table").open("tr");
        for (String c : new String[] {"feature", "kind", "severity", "PSI", "KS", "KS p", "χ² p", "JS", "missing Δ", "out of range", "unseen", "why"}) {
            h.element("th", c);
        }
        h.close("tr");
        if (r.prediction() != null) {
            row(h, r.prediction());
        }
        r.features().forEach(f -> row(h, f));
        h.close("table");
        if (!r.skipped().isEmpty()) {
            h.element("p", "Not compared: " + String.join(", ", r.skipped()));
        }
        h.element("h2", "Distributions");
        h.open("div", "class", "grid");
        if (r.prediction() != null) {
            chart(h, r.prediction());
        }
        boolean anyMoved = r.features().stream().anyMatch(f -> f.severity() != Severity.NONE);
        r.features().stream().filter(f -> !anyMoved || f.severity() != Severity.NONE).limit(MAX_CHARTS).forEach(f -> chart(h, f));
        h.close("div");
        return ReportPage.document("Drift · " + current, "against " + reference, CSS, h.build());
    }

    private static void row(HtmlBuilder h, FeatureDrift f) {
        h.open("tr");
        h.element("td", f.name());
        h.element("td", f.kind());
        h.element("td", f.severity().id(), "class", "sev-" + f.severity().id());
        for (double v : new double[] {f.psi(), f.ksStatistic(), f.ksPValue(), f.chi2PValue(), f.jsDistance()}) {
            h.element("td", num(v), "class", "num");
        }
        h.element("td", Double.isNaN(f.missingRateChange()) ? Numbers.NONE : String.format(Locale.ROOT, "%+.1f%%", 100 * f.missingRateChange()), "class", "num");
        h.element("td", Double.isNaN(f.outOfRangeRate()) ? Numbers.NONE : Numbers.percent(f.outOfRangeRate()), "class", "num");
        h.element("td", Double.isNaN(f.unseenRate()) ? Numbers.NONE : Numbers.percent(f.unseenRate()), "class", "num");
        h.element("td", f.reason());
        h.close("tr");
    }

    private static void chart(HtmlBuilder h, FeatureDrift f) {
        PairedBarChart c = PairedBarChart.titled(f.name(), "reference", "current");
        for (int i = 0; i < f.bins().size(); i++) {
            if (f.referenceShares()[i] > 0 || f.currentShares()[i] > 0) {
                c.bin(f.bins().get(i), f.referenceShares()[i], f.currentShares()[i]);
            }
        }
        h.open("div", "class", "panel");
        h.element("h3", f.name() + " · " + f.severity().id() + (Double.isNaN(f.psi()) ? "" : " · PSI " + num(f.psi())));
        h.fragment(c.render());
        h.close("div");
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return Numbers.NONE;
        }
        return v != 0 && Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
