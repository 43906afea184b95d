package dev.forja.app.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.data.DataArgument;
import dev.forja.app.data.DataSourceOptions;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.ModelUris;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.core.export.CsvWriter;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.Task;
import dev.forja.learn.model.InputSpec;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja predict <model> <data>}: batch scoring. Writes kept columns, the predicted label or value,
 * and for classifiers one probability column per class.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Score a dataset with a trained model (batch).")
public final class PredictCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model: runs:/<run>/model, models:/<name>/<version>, models:/<name>@<alias>, or a directory.")
    String modelUri;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Parameters(index = "1", paramLabel = "DATA", description = "The data to score (any format forja reads).")
    String source;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the predictions as CSV (default: stdout, unless --json).")
    Path out;

    @Option(names = "--keep", paramLabel = "COLUMN", description = "A column of the data to copy into the output, e.g. an id (repeatable).")
    List<String> keep = new ArrayList<>();

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public PredictCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        if (output.json && out == null) {
            throw new ForjaException("--json needs --out FILE for the predictions", "add --out predictions.csv");
        }
        Model model;
        try (LazyTracking store = new LazyTracking(tracking)) {
            model = ModelArtifact.read(ModelUris.resolve(modelUri, store));
        }
        // Read the inputs with the kinds the model was trained on, so inference cannot disagree.
        java.util.Map<String, dev.forja.core.frame.ColumnKind> kinds = new java.util.LinkedHashMap<>();
        for (InputSpec s : model.signature().inputs()) {
            kinds.put(s.name(), s.kind());
        }
        Dataset dataset = DataArgument.read(source, data, console, kinds);
        Frame frame = dataset.frame();
        for (String k : keep) {
            frame.column(k);
        }
        double[] pred = model.predict(frame, source);
        Task task = model.task();
        int k = task.outputs();
        try (OutputStream os = out == null ? new NonClosing(console.out()) : Files.newOutputStream(out); CsvWriter w = new CsvWriter(os)) {
            for (String c : keep) {
                w.text(c);
            }
            w.text("prediction");
            if (task.isClassification()) {
                for (String c : task.classes()) {
                    w.text("p_" + c);
                }
            }
            w.endRow();
            for (int r = 0; r < frame.rowCount(); r++) {
                for (String c : keep) {
                    w.text(frame.column(c).format(r));
                }
                if (task.isClassification()) {
                    w.text(task.classes().get(task.decide(pred, r)));
                    for (int c = 0; c < k; c++) {
                        w.number(pred[r * k + c]);
                    }
                } else {
                    w.number(pred[r]);
                }
                w.endRow();
            }
        }
        if (output.json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("model", modelUri);
            doc.put("data", source);
            doc.put("rows", frame.rowCount());
            doc.put("out", out.toString());
            var unseen = doc.putObject("unseen_categories");
            model.pipeline().unseen().forEach(unseen::put);
            console.printJson(doc);
        } else {
            model.pipeline().unseen().forEach((col, n) -> console.note("forja: note: column '" + col + "': " + n
                    + " value(s) never seen in training were mapped to the unseen slot"));
            if (out != null) {
                console.note("forja: wrote " + frame.rowCount() + " predictions to " + out);
            }
        }
        return ExitCode.OK;
    }

    /** Lets the CSV writer close its stream without closing stdout. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
