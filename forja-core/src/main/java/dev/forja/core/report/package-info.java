/**
 * Self-contained HTML reports: a single file with inline CSS and inline SVG charts, no scripts and
 * nothing fetched from a network, so a report opens anywhere, offline, and can be attached to a run.
 *
 * <p>Reusable pieces for every report (profile, evaluation, monitoring):
 * {@link dev.forja.core.report.Html} (escaping), {@link dev.forja.core.report.HtmlBuilder} (markup that is
 * escaped and balanced by construction), {@link dev.forja.core.report.ReportPage} (the document frame and
 * shared style), {@link dev.forja.core.report.BarChart} and {@link dev.forja.core.report.HistogramChart}
 * (inline SVG), {@link dev.forja.core.report.Numbers} (how numbers read). The first report built from them
 * is {@link dev.forja.core.report.ProfileReport}.
 */
package dev.forja.core.report;
