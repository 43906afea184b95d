package dev.forja.core.report;

/** Escaping for HTML text and attribute values (also valid inside inline SVG). */
public final class Html {
    private Html() {
    }

    /**
     * The text with {@code & < > " '} replaced by character references, safe both as element content and
     * inside a quoted attribute. {@code null} becomes the empty string. Characters not allowed in HTML
     * (C0 controls other than tab, newline and carriage return) become U+FFFD, so no input can break
     * the document.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement;
            switch (c) {
                case '&': replacement = "&amp;"; break;
                case '<': replacement = "&lt;"; break;
                case '>': replacement = "&gt;"; break;
                case '"': replacement = "&quot;"; break;
                case '\'': replacement = "&#39;"; break;
                default:
                    replacement = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f ? "\uFFFD" : null;
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                    out.append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
