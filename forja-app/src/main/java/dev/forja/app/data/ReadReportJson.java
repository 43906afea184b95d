package dev.forja.app.data;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.ReadReport;
import java.util.Map;

/** How a read went, for commands' output: JSON for machines, a few stderr lines for people. */
final class ReadReportJson {
    private ReadReportJson() {
    }

    static ObjectNode of(ReadReport report) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("rows_read", report.rowsRead());
        node.put("rows_skipped", report.rowsSkipped());
        ObjectNode coerced = node.putObject("coerced_to_missing");
        for (Map.Entry<String, Long> e : report.coercedToMissing().entrySet()) {
            coerced.put(e.getKey(), e.getValue());
        }
        var notes = node.putArray("notes");
        report.notes().forEach(notes::add);
        return node;
    }

    /** Tells the person at the terminal about anything the reader skipped, coerced or changed. */
    static void printNotes(Dataset dataset, Console console) {
        ReadReport r = dataset.report();
        if (r.rowsSkipped() > 0) {
            console.note("forja: note: skipped " + r.rowsSkipped() + " malformed row(s) of " + dataset.source() + " (--lenient)");
        }
        for (Map.Entry<String, Long> e : r.coercedToMissing().entrySet()) {
            console.note("forja: note: column '" + e.getKey() + "': " + e.getValue() + " value(s) did not parse and were read as missing (--lenient)");
        }
        for (String note : r.notes()) {
            console.note("forja: note: " + note);
        }
    }
}
