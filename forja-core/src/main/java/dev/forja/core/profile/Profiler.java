package dev.forja.core.profile;

import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.Dataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Exploratory data analysis as a library call: per-column statistics, the target's distribution, each
 * column's association with the target, and warnings about what needs a person's attention
 * ({@link Warning.Kind}). {@code forja profile} is this plus the report.
 *
 * <p>Columns are profiled in parallel (the common fork-join pool), together with the duplicate-row
 * count and, for a {@link Dataset}, its fingerprint. Each numeric column is sorted once and everything
 * else is read off the sorted values.
 */
public final class Profiler {
    /** Most frequent values kept per column. */
    public static final int TOP = 10;

    private Profiler() {
    }

    /**
     * Profiles a dataset.
     *
     * @param targetOrNull the column to predict, or {@code null} to profile without a target
     * @throws ForjaException if there is no such target column, or it cannot be a target (text, datetime)
     */
    public static DataProfile profile(Dataset dataset, String targetOrNull, ProgressListener progress) {
        return run(dataset.frame(), dataset.source(), null, dataset, targetOrNull, progress);
    }

    /**
     * Profiles a frame.
     *
     * @param source       where it came from, for messages and the report
     * @param fingerprint  its fingerprint, or {@code null} if unknown
     * @param targetOrNull the column to predict, or {@code null}
     */
    public static DataProfile profile(Frame frame, String source, String fingerprint, String targetOrNull,
                                      ProgressListener progress) {
        return run(frame, source, fingerprint, null, targetOrNull, progress);
    }

    private static DataProfile run(Frame frame, String source, String fingerprint, Dataset dataset,
                                   String targetName, ProgressListener progress) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        TargetColumn target = targetName == null ? null : TargetColumn.of(targetColumn(frame, source, targetName));
        byte[] folds = target == null ? null : PredictivePower.folds(frame.rowCount());
        List<Column> columns = frame.columns();
        int m = columns.size();
        ColumnProfile[] profiles = new ColumnProfile[m];
        Association[] associations = new Association[m];
        long[] duplicates = new long[1];
        String[] fingerprintOut = {fingerprint};

        // Tasks 0..m-1 are columns; then the duplicate count; then the fingerprint when a dataset has none yet.
        int tasks = m + 1 + (dataset != null ? 1 : 0);
        String stage = "profiling " + source;
        AtomicInteger done = new AtomicInteger();
        Object progressLock = new Object();
        listener.update(stage, 0, tasks);
        IntStream.range(0, tasks).parallel().forEach(t -> {
            if (t < m) {
                Column c = columns.get(t);
                ColumnProfiler.Profiled p = ColumnProfiler.profile(c);
                profiles[t] = p.profile();
                if (target != null && !c.name().equals(target.name())) {
                    associations[t] = associate(p, target, folds);
                }
            } else if (t == m) {
                duplicates[0] = DuplicateRows.count(frame);
            } else {
                fingerprintOut[0] = dataset.fingerprint();
            }
            int d = done.incrementAndGet();
            synchronized (progressLock) { // listeners need not be thread-safe
                listener.update(stage, d, tasks);
            }
        });

        List<ColumnProfile> columnProfiles = List.of(profiles);
        TargetProfile targetProfile = target == null ? null
                : targetProfile(target, profiles[frame.position(target.name())]);
        List<Association> ranked = rank(associations, frame);
        List<Warning> warnings = WarningRules.of(columnProfiles, targetProfile, ranked, frame.rowCount(), duplicates[0]);
        return new DataProfile(source, fingerprintOut[0], frame.rowCount(), columnProfiles, targetProfile, ranked,
                duplicates[0], warnings);
    }

    private static Column targetColumn(Frame frame, String source, String name) {
        return frame.find(name).orElseThrow(() -> new ForjaException(
                "no column '" + name + "' in " + source, "columns are: " + listNames(frame.columnNames())));
    }

    /** The names, the first 50 of them when there are more. */
    static String listNames(List<String> names) {
        int shown = Math.min(names.size(), 50);
        String list = String.join(", ", names.subList(0, shown));
        return shown == names.size() ? list : list + " … (" + (names.size() - shown) + " more)";
    }

    private static Association associate(ColumnProfiler.Profiled p, TargetColumn target, byte[] folds) {
        ColumnProfile profile = p.profile();
        ColumnKind kind = profile.kind();
        String via = kind == ColumnKind.TEXT ? "length" : kind == ColumnKind.DATETIME ? "time" : null;
        boolean categorical = kind == ColumnKind.CATEGORICAL;
        PredictivePower.Coded coded = categorical
                ? PredictivePower.categoricalCodes(p.codes(), p.levels())
                : PredictivePower.numericCodes(p.values(), p.sorted(), p.present(), distinctOf(p));
        if (target instanceof TargetColumn.Classes classes) {
            int classCount = classes.labels().length;
            AssociationMeasures.Measured m = categorical
                    ? AssociationMeasures.cramersV(p.codes(), p.levels(), classes.codes(), classCount)
                    : AssociationMeasures.correlationRatio(p.values(), classes.codes(), classCount);
            double power = PredictivePower.classification(coded, classes.codes(), classCount, folds);
            return new Association(profile.name(), kind, via,
                    categorical ? Association.Measure.CRAMERS_V : Association.Measure.CORRELATION_RATIO,
                    m.value(), m.rows(), power, Association.PowerMetric.BALANCED_ACCURACY);
        }
        double[] y = ((TargetColumn.Numbers) target).values();
        AssociationMeasures.Measured m = categorical
                ? AssociationMeasures.correlationRatio(y, p.codes(), p.levels())
                : AssociationMeasures.pearson(p.values(), y);
        double power = PredictivePower.regression(coded, y, folds);
        return new Association(profile.name(), kind, via,
                categorical ? Association.Measure.CORRELATION_RATIO : Association.Measure.PEARSON,
                m.value(), m.rows(), power, Association.PowerMetric.R2);
    }

    /** Distinct values of what is measured: the column's own count, except for texts (distinct lengths). */
    private static long distinctOf(ColumnProfiler.Profiled p) {
        if (p.profile() instanceof TextProfile) {
            double[] s = p.sorted();
            long d = 0;
            for (int i = 0; i < p.present(); i++) {
                if (i == 0 || s[i] != s[i - 1]) {
                    d++;
                }
            }
            return d;
        }
        return p.profile().distinct();
    }

    private static TargetProfile targetProfile(TargetColumn target, ColumnProfile column) {
        if (target instanceof TargetColumn.Classes classes) {
            long[] counts = new long[classes.labels().length];
            long missing = 0;
            for (int c : classes.codes()) {
                if (c < 0) {
                    missing++;
                } else {
                    counts[c]++;
                }
            }
            long present = classes.codes().length - missing;
            List<TargetProfile.ClassCount> list = new ArrayList<>(counts.length);
            for (int k = 0; k < counts.length; k++) {
                list.add(new TargetProfile.ClassCount(classes.labels()[k], counts[k],
                        present == 0 ? Double.NaN : (double) counts[k] / present));
            }
            return new TargetProfile(target.name(), column.kind(), TargetProfile.Task.CLASSIFICATION, missing, list, null);
        }
        NumericProfile numeric = (NumericProfile) column;
        return new TargetProfile(target.name(), column.kind(), TargetProfile.Task.REGRESSION, numeric.missing(),
                List.of(), numeric.summary());
    }

    /** Strongest first: by predictive power, then by the size of the classical measure, then column order. */
    private static List<Association> rank(Association[] associations, Frame frame) {
        List<Association> out = new ArrayList<>();
        for (Association a : associations) {
            if (a != null) {
                out.add(a);
            }
        }
        Comparator<Association> byPower = Comparator.comparingDouble(a -> Double.isNaN(a.power()) ? -1 : -a.power());
        out.sort(byPower
                .thenComparingDouble(a -> Double.isNaN(a.value()) ? 1 : -Math.abs(a.value()))
                .thenComparingInt(a -> frame.position(a.column())));
        return List.copyOf(out);
    }
}
