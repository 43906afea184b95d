package dev.forja.core.ingest.arff;

import java.util.List;

/**
 * Splits one ARFF line into tokens the way Weka's reader does: values are separated by commas and/or
 * blanks (so {@code 1,2}, {@code 1, 2} and {@code 1 2} are the same), {@code %} starts a comment that
 * runs to the end of the line, {@code {} and {@code }} are tokens of their own, and a value may be
 * quoted with {@code '} or {@code "}. Inside quotes a backslash escapes the next character
 * ({@code \n}, {@code \r}, {@code \t} give the control characters; {@code \\}, {@code \'},
 * {@code \"}, {@code \%} and any other character give themselves). Quoted values cannot span lines.
 */
final class ArffLexer {
    private ArffLexer() {
    }

    /** The problem with a line, located at a 1-based character position. */
    static final class LexException extends Exception {
        private static final long serialVersionUID = 1L;
        final int column;

        LexException(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    /** Fills {@code out} (cleared first) with the tokens of {@code line}. */
    static void tokenize(String line, List<ArffToken> out) throws LexException {
        out.clear();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c <= ' ' || c == ',') {
                i++;
            } else if (c == '%') {
                return;
            } else if (c == '{') {
                out.add(new ArffToken(ArffToken.Type.OPEN_BRACE, "{", i + 1));
                i++;
            } else if (c == '}') {
                out.add(new ArffToken(ArffToken.Type.CLOSE_BRACE, "}", i + 1));
                i++;
            } else if (c == '\'' || c == '"') {
                i = quoted(line, i, out);
            } else {
                int start = i;
                while (i < n && !endsWord(line.charAt(i))) {
                    i++;
                }
                out.add(new ArffToken(ArffToken.Type.WORD, line.substring(start, i), start + 1));
            }
        }
    }

    private static boolean endsWord(char c) {
        return c <= ' ' || c == ',' || c == '%' || c == '{' || c == '}' || c == '\'' || c == '"';
    }

    private static int quoted(String line, int open, List<ArffToken> out) throws LexException {
        char quote = line.charAt(open);
        int n = line.length();
        StringBuilder sb = null;
        int i = open + 1;
        int runStart = i;
        while (i < n) {
            char c = line.charAt(i);
            if (c == quote) {
                String text = sb == null ? line.substring(runStart, i) : sb.append(line, runStart, i).toString();
                out.add(new ArffToken(ArffToken.Type.QUOTED, text, open + 1));
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= n) {
                    break;
                }
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(line, runStart, i).append(unescape(line.charAt(i + 1)));
                i += 2;
                runStart = i;
            } else {
                i++;
            }
        }
        throw new LexException(open + 1, "the value quoted with " + quote + " is not closed on this line");
    }

    private static char unescape(char c) {
        switch (c) {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            default:
                return c;
        }
    }
}
