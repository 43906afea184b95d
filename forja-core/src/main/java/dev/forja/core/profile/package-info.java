/**
 * Profiling: the exploratory data analysis a data scientist would otherwise do by hand in a notebook,
 * as one call. {@link dev.forja.core.profile.Profiler#profile(dev.forja.core.ingest.Dataset, String,
 * dev.forja.core.ProgressListener) Profiler.profile} returns an immutable
 * {@link dev.forja.core.profile.DataProfile}; its {@link dev.forja.core.profile.DataProfile#toJson() toJson()}
 * is the body of {@code forja profile --json}, and {@link dev.forja.core.report.ProfileReport} its HTML twin.
 *
 * <h2>What is computed</h2>
 * <ul>
 *   <li>Every column: rows, missing (every missing value), missing rate, distinct values (missing
 *       excluded), and up to 10 most frequent values with counts. Ties in that list: smaller number
 *       first (numeric), level order (categorical: first appearance in the file, or the format's
 *       declared order), first appearance (text), earlier instant first (datetime).</li>
 *   <li>Numeric: min, max, mean, sample standard deviation ({@code ddof = 1}), skewness (pandas'),
 *       5/25/50/75/95 % quantiles with numpy's linear interpolation, zeros, infinities, a histogram
 *       ({@link dev.forja.core.profile.Histogram} gives the binning rule), and a sentinel value such as
 *       999 ({@link dev.forja.core.profile.Sentinel}).</li>
 *   <li>Categorical: how many levels read as numbers (mixed-type columns).</li>
 *   <li>Text: length in characters and words per text (each summarised like a numeric column), most
 *       frequent whole texts and tokens.</li>
 *   <li>Datetime: earliest, latest, quantiles and a histogram over time (ISO-8601 in JSON).</li>
 *   <li>Duplicate rows, counted exactly (row hashes, then value-by-value comparison of rows with equal hashes).</li>
 *   <li>With a target: the target's classes or distribution ({@link dev.forja.core.profile.TargetProfile}
 *       states the classification/regression rule), and for every other column a classical association
 *       measure and an out-of-sample predictive power ({@link dev.forja.core.profile.Association},
 *       {@link dev.forja.core.profile.PredictivePower}).</li>
 *   <li>Warnings with stable ids ({@link dev.forja.core.profile.Warning.Kind}); the thresholds are the
 *       constants of {@link dev.forja.core.profile.WarningRules}.</li>
 * </ul>
 *
 * <h2>Speed</h2>
 * Each numeric column is sorted once ({@code NumberSort}, a radix sort) and min, max, quantiles,
 * distinct values, top values, histogram and predictive-power bins are read off the sorted values.
 * Columns are profiled in parallel with the duplicate count; progress is reported per column.
 *
 * <h2>Reference</h2>
 * {@code scripts/reference/profile_reference.py} recomputes the statistics, associations and predictive
 * powers of the example datasets with pandas, numpy and scipy; {@code ProfileReferenceTest} checks
 * Forja against its output.
 */
package dev.forja.core.profile;
