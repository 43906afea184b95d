package dev.forja.core.ingest.arff;

/**
 * One token of an ARFF line.
 *
 * @param type   what it is
 * @param text   the value, unquoted and unescaped ({@code "{"} / {@code "}"} for braces)
 * @param column 1-based character position where it starts, for error messages
 */
record ArffToken(Type type, String text, int column) {
    enum Type {
        /** An unquoted word: a keyword, a name, a number, {@code ?}. */
        WORD,
        /** A value in single or double quotes. */
        QUOTED,
        OPEN_BRACE,
        CLOSE_BRACE
    }

    /** A value (a word or a quoted string), as opposed to a brace. */
    boolean isValue() {
        return type == Type.WORD || type == Type.QUOTED;
    }

    /** The unquoted {@code ?} that ARFF uses for a missing value (a quoted {@code '?'} is the text "?"). */
    boolean isMissingMark() {
        return type == Type.WORD && text.equals("?");
    }

    /** How the token reads in an error message. */
    String shown() {
        return type == Type.QUOTED ? "'" + text + "'" : text;
    }
}
