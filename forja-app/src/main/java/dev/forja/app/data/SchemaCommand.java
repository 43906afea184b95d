package dev.forja.app.data;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.core.ForjaException;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja schema <data>}: the kinds Forja inferred, as a file {@code --schema} accepts, so a user can
 * pin them (edit and pass back) instead of relying on inference run after run.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Read a dataset and print its inferred schema (a file --schema accepts) and what the reader did.")
public final class SchemaCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "DATA", description = "A data file (csv, tsv, arff, parquet, jsonl; .gz too) or a jdbc: URL.")
    String source;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the schema to this JSON file.")
    Path out;

    @Mixin
    OutputOptions output = new OutputOptions();

    public SchemaCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Dataset dataset = DataArgument.read(source, data, console);
        Frame frame = dataset.frame();
        ObjectNode schema = frame.schema().toJson();
        if (out != null) {
            try {
                Files.writeString(out, Console.mapper().writeValueAsString(schema) + "\n");
            } catch (IOException e) {
                throw new ForjaException("cannot write " + out + ": " + e.getMessage(), "check the directory exists and is writable");
            }
        }
        if (output.json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("source", dataset.source());
            doc.put("format", dataset.format().id());
            doc.put("fingerprint", dataset.fingerprint());
            doc.put("rows", frame.rowCount());
            doc.setAll(schema);
            doc.set("read", ReadReportJson.of(dataset.report()));
            if (out != null) {
                doc.put("schema_file", out.toString());
            }
            console.printJson(doc);
        } else {
            var o = console.out();
            o.printf("%s: %d rows, %d columns (%s)%n", dataset.source(), frame.rowCount(), frame.columnCount(), dataset.format().id());
            int width = 4;
            for (Column c : frame.columns()) {
                width = Math.max(width, c.name().length());
            }
            o.printf("  %-" + width + "s  %-11s  %s%n", "name", "kind", "missing");
            for (Column c : frame.columns()) {
                o.printf("  %-" + width + "s  %-11s  %d%n", c.name(), c.kind().id(), c.missingCount());
            }
            o.println("fingerprint " + dataset.fingerprint());
            if (out != null) {
                o.println("schema written to " + out + " (pass it back with --schema " + out + ")");
            }
        }
        return ExitCode.OK;
    }
}
