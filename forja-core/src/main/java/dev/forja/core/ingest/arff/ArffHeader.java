package dev.forja.core.ingest.arff;

import dev.forja.core.ingest.DataFormatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header of an ARFF file: {@code @relation}, then one {@code @attribute} per column, then
 * {@code @data}. Keywords and type names are case-insensitive; names may be quoted. Anything after a
 * numeric or string type on its line is ignored, as Weka does (some writers put ranges there).
 *
 * @param relation   the relation's name
 * @param attributes the attributes in declared (column) order
 */
public record ArffHeader(String relation, List<ArffAttribute> attributes) {
    static final String SUPPORTED_TYPES = "numeric, real, integer, string, date [\"format\"], or a nominal list such as {a, b, 'c d'}";

    public ArffHeader {
        attributes = List.copyOf(attributes);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(attributes.size());
        for (ArffAttribute a : attributes) {
            names.add(a.name());
        }
        return names;
    }

    /** Builds the header line by line; {@link #accept} returns true once {@code @data} is reached. */
    static final class Parser {
        private final String source;
        private String relation;
        private final List<ArffAttribute> attributes = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        Parser(String source) {
            this.source = source;
        }

        /**
         * @param tokens the line's tokens (blank and comment-only lines must not be passed)
         * @return true if this was the {@code @data} line
         */
        boolean accept(List<ArffToken> tokens, long line) {
            ArffToken first = tokens.get(0);
            String keyword = first.type() == ArffToken.Type.WORD ? first.text().toLowerCase(Locale.ROOT) : "";
            switch (keyword) {
                case "@relation":
                    if (relation != null) {
                        throw error(line, first, "a second @relation", "an ARFF file holds one relation; remove this line");
                    }
                    if (tokens.size() < 2 || !tokens.get(1).isValue()) {
                        throw error(line, first, "@relation needs a name", "write it as @relation name (quote a name with blanks)");
                    }
                    relation = tokens.get(1).text();
                    return false;
                case "@attribute":
                    requireRelation(line, first);
                    attribute(tokens, line);
                    return false;
                case "@data":
                    requireRelation(line, first);
                    if (attributes.isEmpty()) {
                        throw error(line, first, "@data comes before any @attribute", "declare the columns with @attribute lines first");
                    }
                    return true;
                case "@end":
                    throw error(line, first, "@end outside a relational attribute", "remove the line");
                default:
                    throw error(line, first, "expected @relation, @attribute or @data but found " + first.shown(),
                            "the header holds only those lines (and % comments) before @data");
            }
        }

        private void requireRelation(long line, ArffToken at) {
            if (relation == null) {
                throw error(line, at, at.text() + " before @relation", "start the header with a line @relation name");
            }
        }

        private void attribute(List<ArffToken> tokens, long line) {
            if (tokens.size() < 2 || !tokens.get(1).isValue()) {
                throw error(line, tokens.get(0), "@attribute needs a name and a type",
                        "write it as @attribute name type, where type is " + SUPPORTED_TYPES);
            }
            ArffToken nameToken = tokens.get(1);
            String name = nameToken.text();
            if (tokens.size() < 3) {
                throw new DataFormatException(source, line, "'" + name + "'", nameToken.column(), "attribute '" + name + "' has no type",
                        "give one of " + SUPPORTED_TYPES);
            }
            if (!names.add(name)) {
                throw new DataFormatException(source, line, "'" + name + "'", nameToken.column(),
                        "attribute '" + name + "' is declared twice", "give each attribute its own name");
            }
            ArffToken typeToken = tokens.get(2);
            if (typeToken.type() == ArffToken.Type.OPEN_BRACE) {
                attributes.add(new ArffAttribute(name, ArffAttribute.Type.NOMINAL, nominal(tokens, line, name), null, line));
                return;
            }
            String type = typeToken.type() == ArffToken.Type.WORD ? typeToken.text().toLowerCase(Locale.ROOT) : "";
            switch (type) {
                case "numeric":
                case "real":
                case "integer":
                    attributes.add(new ArffAttribute(name, ArffAttribute.Type.NUMERIC, List.of(), null, line));
                    return;
                case "string":
                    attributes.add(new ArffAttribute(name, ArffAttribute.Type.STRING, List.of(), null, line));
                    return;
                case "date":
                    attributes.add(new ArffAttribute(name, ArffAttribute.Type.DATE, List.of(), dateFormat(tokens, line, name), line));
                    return;
                case "relational":
                    throw new DataFormatException(source, line, "'" + name + "'", typeToken.column(),
                            "attribute '" + name + "' is relational (multi-instance data), which Forja does not read",
                            "flatten the bags into one row per instance with a bag id column, e.g. with Weka's "
                                    + "MultiInstanceToPropositional filter, and save that as ARFF or CSV");
                default:
                    throw new DataFormatException(source, line, "'" + name + "'", typeToken.column(),
                            "attribute '" + name + "' has the unknown type " + typeToken.shown(),
                            "use one of " + SUPPORTED_TYPES);
            }
        }

        private List<String> nominal(List<ArffToken> tokens, long line, String name) {
            Set<String> levels = new LinkedHashSet<>();
            int i = 3;
            for (; i < tokens.size(); i++) {
                ArffToken t = tokens.get(i);
                if (t.type() == ArffToken.Type.CLOSE_BRACE) {
                    break;
                }
                if (!t.isValue()) {
                    throw new DataFormatException(source, line, "'" + name + "'", t.column(),
                            "unexpected '{' inside the value list of attribute '" + name + "'",
                            "list the values once, as {a, b, c}; quote a value that holds braces");
                }
                if (!levels.add(t.text())) {
                    throw new DataFormatException(source, line, "'" + name + "'", t.column(),
                            "attribute '" + name + "' lists the value " + t.shown() + " twice", "list each value once");
                }
            }
            if (i == tokens.size()) {
                throw new DataFormatException(source, line, "'" + name + "'", tokens.get(2).column(),
                        "the value list of attribute '" + name + "' is not closed with '}' on this line",
                        "write the whole list on the declaration's line, as {a, b, c}");
            }
            return new ArrayList<>(levels);
        }

        private ArffDateFormat dateFormat(List<ArffToken> tokens, long line, String name) {
            if (tokens.size() < 4) {
                return ArffDateFormat.of(ArffDateFormat.WEKA_DEFAULT);
            }
            ArffToken f = tokens.get(3);
            if (!f.isValue()) {
                throw new DataFormatException(source, line, "'" + name + "'", f.column(), "expected a date format after 'date'",
                        "write it as @attribute " + name + " date \"yyyy-MM-dd HH:mm:ss\", or leave it out for "
                                + ArffDateFormat.WEKA_DEFAULT);
            }
            try {
                return ArffDateFormat.of(f.text());
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(source, line, "'" + name + "'", f.column(), e.getMessage(),
                        "write the format with SimpleDateFormat letters (" + ArffDateFormat.SUPPORTED_LETTERS + ")");
            }
        }

        private DataFormatException error(long line, ArffToken at, String problem, String hint) {
            return new DataFormatException(source, line, null, at.column(), problem, hint);
        }

        /** The header, once {@code @data} has been seen. */
        ArffHeader build() {
            return new ArffHeader(relation, attributes);
        }
    }
}
