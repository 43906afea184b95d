package dev.forja.app.data;

import dev.forja.app.cli.Console;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.ReadOptions;

/** Reads a command's data argument with its options, showing progress on a terminal. */
final class DataArgument {
    private DataArgument() {
    }

    static Dataset read(String source, DataSourceOptions flags, Console console) {
        ReadOptions options = flags.toReadOptions().withProgress(console.progress());
        Dataset dataset = DataReaders.read(source, options);
        ReadReportJson.printNotes(dataset, console);
        return dataset;
    }
}
