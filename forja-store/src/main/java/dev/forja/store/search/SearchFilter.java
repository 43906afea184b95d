package dev.forja.store.search;

import dev.forja.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MLflow's search filter grammar: comparisons joined by {@code AND} (MLflow has no OR), each
 * {@code [prefix.]key comparator value}. Keys may be quoted with backticks or double quotes
 * ({@code metrics.`f1 score`}); values are numbers or quoted strings, or a parenthesised list for
 * {@code IN} / {@code NOT IN}; {@code IS NULL} / {@code IS NOT NULL} take none.
 *
 * <p>Hand-written: the grammar is a dozen tokens, and a parser library would cost more than it saves.
 * Which keys and comparators make sense depends on what is searched, so callers validate the result.
 */
public final class SearchFilter {
    private final String text;
    private int pos;

    private SearchFilter(String text) {
        this.text = text;
    }

    /** The comparisons of a filter; empty for a null or blank filter. */
    public static List<Comparison> parse(String filter) {
        List<Comparison> out = new ArrayList<>();
        if (filter == null || filter.isBlank()) {
            return out;
        }
        SearchFilter p = new SearchFilter(filter);
        while (true) {
            out.add(p.comparison());
            p.skipSpaces();
            if (p.pos >= p.text.length()) {
                return out;
            }
            String word = p.word();
            if (word.equalsIgnoreCase("or")) {
                throw p.error("OR is not supported (as in MLflow); run one search per alternative");
            }
            if (!word.equalsIgnoreCase("and")) {
                throw p.error("expected AND between comparisons, found '" + word + "'");
            }
        }
    }

    /** Parses {@code prefix.key} and returns (entity, key), for order-by clauses too. */
    static Object[] identifier(SearchFilter p) {
        p.skipSpaces();
        String first = p.identifierPart();
        if (p.pos < p.text.length() && p.text.charAt(p.pos) == '.') {
            Entity entity = Entity.ofPrefix(first);
            if (entity == null) {
                throw p.error("'" + first + "' is not a known prefix: use metrics., params., tags., attributes. or datasets.");
            }
            p.pos++;
            return new Object[] {entity, p.identifierPart()};
        }
        return new Object[] {Entity.ATTRIBUTE, first};
    }

    private Comparison comparison() {
        Object[] id = identifier(this);
        Entity entity = (Entity) id[0];
        String key = (String) id[1];
        skipSpaces();
        String comparator = comparator();
        List<Object> values = new ArrayList<>();
        switch (comparator) {
            case "IS NULL", "IS NOT NULL" -> { }
            case "IN", "NOT IN" -> {
                skipSpaces();
                expect('(');
                do {
                    skipSpaces();
                    values.add(value());
                    skipSpaces();
                } while (consume(','));
                expect(')');
            }
            default -> {
                skipSpaces();
                values.add(value());
            }
        }
        return new Comparison(entity, key, comparator, values);
    }

    private String comparator() {
        if (pos >= text.length()) {
            throw error("expected a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, IS NULL)");
        }
        char c = text.charAt(pos);
        if (c == '=' || c == '!' || c == '<' || c == '>') {
            int start = pos++;
            if (pos < text.length() && text.charAt(pos) == '=') {
                pos++;
            } else if (c == '<' && pos < text.length() && text.charAt(pos) == '>') {
                pos++;
                return "!=";
            }
            String op = text.substring(start, pos);
            if (op.equals("!")) {
                throw error("'!' must be followed by '='");
            }
            return op.equals("==") ? "=" : op;
        }
        if (!Character.isLetter(c)) {
            throw error("'" + c + "' is not a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, IS NULL)");
        }
        String w = word().toUpperCase(Locale.ROOT);
        switch (w) {
            case "LIKE", "ILIKE", "IN" -> {
                return w;
            }
            case "NOT" -> {
                skipSpaces();
                String next = word().toUpperCase(Locale.ROOT);
                if (next.equals("IN")) {
                    return "NOT IN";
                }
                throw error("expected IN after NOT");
            }
            case "IS" -> {
                skipSpaces();
                String next = word().toUpperCase(Locale.ROOT);
                if (next.equals("NULL")) {
                    return "IS NULL";
                }
                if (next.equals("NOT")) {
                    skipSpaces();
                    if (word().equalsIgnoreCase("NULL")) {
                        return "IS NOT NULL";
                    }
                }
                throw error("expected NULL or NOT NULL after IS");
            }
            default -> throw error("'" + w + "' is not a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, IS NULL)");
        }
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("expected a value");
        }
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return quoted(c);
        }
        int start = pos;
        while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String number = text.substring(start, pos);
        if (number.isEmpty()) {
            throw error("expected a number or a quoted string");
        }
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("'" + number + "' is not a number");
        }
    }

    private String identifierPart() {
        if (pos >= text.length()) {
            throw error("expected a key such as metrics.auc or params.model");
        }
        char c = text.charAt(pos);
        if (c == '`' || c == '"') {
            return quoted(c);
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_-/:".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a key such as metrics.auc or params.model");
        }
        return text.substring(start, pos);
    }

    private String quoted(char quote) {
        int start = ++pos;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    sb.append(quote); // a doubled quote stands for itself, as in SQL
                    pos++;
                    continue;
                }
                return sb.toString();
            }
            sb.append(c);
        }
        pos = start - 1;
        throw error("unterminated " + quote + " quote");
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return text.substring(start, pos);
    }

    void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private StoreException error(String what) {
        return StoreException.invalid("invalid filter \"" + text + "\" at character " + (pos + 1) + ": " + what);
    }

    /** Order-by clauses ({@code metrics.auc DESC}, {@code start_time}); ascending unless DESC. */
    public static List<OrderClause> orderBy(List<String> clauses) {
        List<OrderClause> out = new ArrayList<>();
        for (String clause : clauses) {
            if (clause == null || clause.isBlank()) {
                continue;
            }
            SearchFilter p = new SearchFilter(clause);
            Object[] id = identifier(p);
            p.skipSpaces();
            boolean ascending = true;
            if (p.pos < p.text.length()) {
                String dir = p.word().toUpperCase(Locale.ROOT);
                if (dir.equals("DESC")) {
                    ascending = false;
                } else if (!dir.equals("ASC")) {
                    throw p.error("expected ASC or DESC, found '" + dir + "'");
                }
                p.skipSpaces();
                if (p.pos < p.text.length()) {
                    throw p.error("unexpected text after the direction");
                }
            }
            out.add(new OrderClause((Entity) id[0], (String) id[1], ascending));
        }
        return out;
    }
}
