package dev.forja.serve.protocol;

import dev.forja.core.export.CsvWriter;

/**
 * A small JSON writer for responses: appends to a {@link StringBuilder}, numbers in the same text as
 * {@code forja predict}'s CSV ({@link CsvWriter#format}), so batch and online scores match byte for byte.
 */
public final class JsonText {
    private JsonText() {
    }

    public static StringBuilder string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /** A number; NaN (which a model should never output) as null, since JSON has no NaN. */
    public static StringBuilder number(StringBuilder sb, double v) {
        if (!Double.isFinite(v)) {
            return sb.append("null");
        }
        return CsvWriter.format(sb, v);
    }

    /** A class label as MLflow returns it: a JSON number when the label is a number's text, else a string. */
    public static StringBuilder label(StringBuilder sb, String label) {
        return integral(label) ? sb.append(label) : string(sb, label);
    }

    private static boolean integral(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        int digits = s.length() - i;
        if (digits < 1 || digits > 15 || (s.charAt(i) == '0' && digits > 1)) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
