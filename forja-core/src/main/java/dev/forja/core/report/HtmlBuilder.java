package dev.forja.core.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes HTML (or inline SVG) markup that is well-formed by construction: every text and attribute value
 * is escaped, and every element opened is closed in order (a mismatch is a programming error and throws).
 * Attributes are given as name/value pairs; a {@code null} value leaves the attribute out.
 *
 * <pre>{@code
 * HtmlBuilder h = new HtmlBuilder();
 * h.open("div", "class", "card").element("h3", name).close("div");
 * }</pre>
 */
public final class HtmlBuilder {
    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens an element. */
    public HtmlBuilder open(String tag, String... attributes) {
        startTag(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element, which must be {@code tag}. */
    public HtmlBuilder close(String tag) {
        String expected = open.poll();
        if (!tag.equals(expected)) {
            throw new IllegalStateException("closing <" + tag + "> but the open element is <" + expected + ">");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only escaped text. */
    public HtmlBuilder element(String tag, String text, String... attributes) {
        startTag(tag, attributes);
        out.append('>').append(Html.escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** An element without content, written {@code <tag/>} (valid for SVG, and for HTML void elements). */
    public HtmlBuilder empty(String tag, String... attributes) {
        startTag(tag, attributes);
        out.append("/>");
        return this;
    }

    /** Escaped text. */
    public HtmlBuilder text(String text) {
        out.append(Html.escape(text));
        return this;
    }

    /**
     * Markup written as is: only for fragments another {@code HtmlBuilder} (or a chart of this package)
     * produced, never for data.
     */
    public HtmlBuilder fragment(Fragment markup) {
        out.append(markup.html());
        return this;
    }

    private void startTag(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs: " + attributes.length + " given");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(Html.escape(attributes[i + 1])).append('"');
            }
        }
    }

    /** The markup; every element must be closed. */
    public Fragment build() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return new Fragment(out.toString());
    }

    /** A piece of finished, well-formed markup. */
    public record Fragment(String html) {
        @Override
        public String toString() {
            return html;
        }
    }
}
