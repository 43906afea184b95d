package dev.forja.core.report;

import dev.forja.core.ForjaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The frame of every Forja HTML report: one self-contained file (inline CSS, inline SVG charts, no
 * scripts, fonts or anything fetched from a network), so that it opens anywhere, offline, and can be
 * attached to a run or mailed as is. The shared style sheet ({@link #BASE_CSS}) gives all reports the
 * same look: header, summary tiles, sections, tables, cards, badges.
 */
public final class ReportPage {
    /** The shared style: system fonts only, light theme, print-friendly. */
    public static final String BASE_CSS = """
            :root { --ink: #101828; --muted: #667085; --line: #eaecf0; --bg: #f8f9fb; --card: #ffffff;
              --blue: #3b6ea5; --high: #b42318; --high-bg: #fef3f2; --medium: #b54708; --medium-bg: #fffaeb;
              --low: #475467; --low-bg: #f2f4f7; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
              font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
            header.report { background: #1d2939; color: #fff; padding: 22px 28px; }
            header.report .inner { max-width: 1180px; margin: 0 auto; }
            header.report h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
            header.report .sub { color: #d0d5dd; font-size: 13px; word-break: break-all; }
            h2 { font-size: 17px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 15px; margin: 0; }
            a { color: var(--blue); text-decoration: none; }
            a:hover { text-decoration: underline; }
            .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-top: 4px; }
            .tile { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
            .tile .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .tile .value { font-size: 22px; font-weight: 600; margin-top: 2px; }
            .tile .note { color: var(--muted); font-size: 12px; }
            table { border-collapse: collapse; width: 100%; background: var(--card); }
            th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
            .grid2 { display: grid; grid-template-columns: minmax(260px, 1fr) minmax(300px, 580px); gap: 18px; align-items: start; }
            .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin: 14px 0; }
            .card header { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; margin-bottom: 10px; }
            dl.stats { display: grid; grid-template-columns: 1fr 1fr; column-gap: 20px; margin: 0 0 8px; }
            dl.stats > div { display: flex; justify-content: space-between; gap: 10px; padding: 3px 2px; border-bottom: 1px solid #f2f4f7; }
            dl.stats > div.wide { grid-column: 1 / -1; }
            dl.stats dt { color: var(--muted); white-space: nowrap; }
            dl.stats dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
            .chip { display: inline-block; border-radius: 10px; padding: 1px 8px; font-size: 12px; background: var(--low-bg); color: var(--low); white-space: nowrap; }
            .chip.kind { background: #eef4fb; color: var(--blue); }
            .chip.high { background: var(--high-bg); color: var(--high); }
            .chip.medium { background: var(--medium-bg); color: var(--medium); }
            .chip.low { background: var(--low-bg); color: var(--low); }
            ul.warnings { list-style: none; margin: 0; padding: 0; }
            ul.warnings li { background: var(--card); border: 1px solid var(--line); border-left-width: 4px;
              border-radius: 6px; padding: 8px 12px; margin: 6px 0; }
            ul.warnings li.high { border-left-color: var(--high); }
            ul.warnings li.medium { border-left-color: var(--medium); }
            ul.warnings li.low { border-left-color: #98a2b3; }
            ul.warnings .what { font-weight: 600; margin-right: 6px; }
            .muted { color: var(--muted); }
            .small { font-size: 12px; }
            .charts { display: flex; flex-direction: column; gap: 10px; }
            .charts .caption { color: var(--muted); font-size: 12px; margin-bottom: 2px; }
            svg.chart { width: 100%; height: auto; max-width: 560px; display: block; }
            svg.chart text { font-family: inherit; }
            footer { color: var(--muted); font-size: 12px; margin-top: 36px; }
            @media print { body { background: #fff; } .card, .panel, .tile { break-inside: avoid; } }
            """;

    private ReportPage() {
    }

    /**
     * A complete HTML document.
     *
     * @param title    the document title (also the header's heading)
     * @param subtitle a line under the heading, or {@code null}
     * @param extraCss style rules of the particular report, or {@code null}
     * @param body     the content of {@code <main>}
     */
    public static String document(String title, String subtitle, String extraCss, HtmlBuilder.Fragment body) {
        HtmlBuilder h = new HtmlBuilder();
        h.open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.empty("meta", "name", "generator", "content", "Forja");
        h.element("title", title);
        h.element("style", "");
        h.close("head");
        String head = h.build().html().replace("<style></style>",
                "<style>\n" + BASE_CSS + (extraCss == null ? "" : extraCss) + "</style>");
        HtmlBuilder b = new HtmlBuilder();
        b.open("body");
        b.open("header", "class", "report").open("div", "class", "inner");
        b.element("h1", title);
        if (subtitle != null) {
            b.element("div", subtitle, "class", "sub");
        }
        b.close("div").close("header");
        b.open("main").fragment(body).close("main");
        b.close("body");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n" + head + "\n" + b.build().html() + "\n</html>\n";
    }

    /**
     * Writes a document, creating missing parent directories.
     *
     * @throws ForjaException if the file cannot be written
     */
    public static void write(Path out, String document) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ForjaException("cannot write the report to " + out + ": " + e.getMessage(),
                    "check that the directory is writable, or choose another path", e);
        }
    }
}
