package dev.forja.app.data;

import dev.forja.app.cli.Console;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.ReadOptions;
import java.util.Map;

/** Reads a command's data argument with its options, showing progress on a terminal. */
public final class DataArgument {
    private DataArgument() {
    }

    public static Dataset read(String source, DataSourceOptions flags, Console console) {
        return read(source, flags, console, Map.of());
    }

    /**
     * @param kindHints kinds to use for these columns when the data has them (a model's signature);
     *                  the user's --column / --schema still win
     */
    public static Dataset read(String source, DataSourceOptions flags, Console console, Map<String, ColumnKind> kindHints) {
        ReadOptions options = flags.toReadOptions().withProgress(console.progress());
        if (!kindHints.isEmpty()) {
            options = options.withKindHints(kindHints);
        }
        Dataset dataset = DataReaders.read(source, options);
        ReadReportJson.printNotes(dataset, console);
        return dataset;
    }
}
