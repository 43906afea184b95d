#!/usr/bin/python3
"""Reference values for Forja's profiler, computed independently with pandas, numpy and scipy.

Run from the repository root:

    /usr/bin/python3 scripts/reference/profile_reference.py

It writes forja-core/src/test/resources/reference/profile_reference.json, which
dev.forja.core.profile.ProfileReferenceTest compares with what Profiler computes on the same files
(relative tolerance 1e-9; counts, histograms and top values exactly).

The data is read the way Forja reads it: every cell is a string; a cell whose blank-trimmed text is one of
Forja's missing markers is missing; a column's kind is decided over all its values by the rules of
dev.forja.core.schema.KindSniffer. Where numbers come from an algorithm of Forja's own (histogram bins,
predictive power), this script re-implements the rule as documented in the Java sources, so the two
implementations check each other.

Written with pandas 1.5, numpy 1.24 and scipy 1.10.
"""
import json
import math
import os
import re
import sys
import unicodedata

import numpy as np
import pandas as pd
from scipy.stats import pearsonr
from scipy.stats.contingency import association

DATASETS = [
    ("examples/data/titanic.csv", "Survived"),
    ("examples/data/auto_mpg.csv", "mpg"),
    ("examples/data/bike_sharing_day.csv", "cnt"),
    ("examples/data/sms_spam.csv", "label"),
    ("examples/data/adult.csv.gz", "income"),
]
OUT = "forja-core/src/test/resources/reference/profile_reference.json"

MISSING_MARKERS = {"", "?", "NA", "N/A", "n/a", "null", "NULL", "NaN", "nan"}
NUMBER = re.compile(r"^[ \t]*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|(?i:inf|infinity))[ \t\r]*$")
DATETIME = re.compile(r"^[ \t]*\d{4}[-/]\d{2}[-/]\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?[ \t\r]*$")
PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95]
TOP = 10
MAX_BINS = 40          # Histogram.MAX_BINS
MAX_INTEGER_BINS = 50  # Histogram.MAX_INTEGER_BINS
PPS_BINS = 32          # PredictivePower.MAX_BINS
PPS_SEED = 42          # PredictivePower.SEED
MAX_INTEGER_CLASSES = 20
MASK = (1 << 64) - 1


def is_missing(cell):
    return cell.strip(" \t") in MISSING_MARKERS


def java_whitespace(c):
    """java.lang.Character.isWhitespace."""
    if c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f":
        return True
    return unicodedata.category(c) in ("Zs", "Zl", "Zp") and c not in "\xa0\u2007\u202f"


def words(s):
    n, inside = 0, False
    for c in s:
        blank = java_whitespace(c)
        if not blank and not inside:
            n += 1
        inside = not blank
    return n


def sniff(cells):
    """dev.forja.core.schema.KindSniffer.decide over every value."""
    present = [c for c in cells if not is_missing(c)]
    if not present or all(NUMBER.match(c) for c in present):
        return "numeric"
    if all(DATETIME.match(c) for c in present):
        return "datetime"
    avg_words = sum(words(c) for c in present) / len(present)
    avg_chars = sum(len(c) for c in present) / len(present)
    ratio = len(set(present)) / len(present)
    if avg_words >= 3.0 or (avg_chars >= 25 and ratio >= 0.5):
        return "text"
    return "categorical"


def read(path):
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    columns, kinds = {}, {}
    for name in raw.columns:
        cells = raw[name].tolist()
        kind = sniff(cells)
        kinds[name] = kind
        missing = [is_missing(c) for c in cells]
        if kind == "numeric":
            columns[name] = pd.Series([np.nan if m else float(c) for c, m in zip(cells, missing)], dtype="float64")
        elif kind == "datetime":
            ts = pd.to_datetime(pd.Series([None if m else c.strip() for c, m in zip(cells, missing)]), utc=True)
            columns[name] = ts
        else:
            columns[name] = pd.Series([None if m else c for c, m in zip(cells, missing)], dtype="object")
    return pd.DataFrame(columns), kinds


def num(v):
    if v is None:
        return None
    v = float(v)
    return None if math.isnan(v) or math.isinf(v) else v


def epoch_millis(series):
    """Datetimes as float epoch milliseconds, NaN for missing."""
    out = np.full(len(series), np.nan)
    ok = series.notna().to_numpy()
    out[ok] = (series[ok].astype("int64") // 1_000_000).to_numpy().astype(float)
    return out


def histogram(values):
    """Histogram.ofSorted: the binning rule, then numpy.histogram."""
    x = np.sort(values[np.isfinite(values)])
    if len(x) == 0:
        return None
    lo, hi = x[0], x[-1]
    integral = bool(np.all(values[~np.isnan(values)] == np.rint(values[~np.isnan(values)])))
    rice = int(min(MAX_BINS, math.ceil(2 * np.cbrt(len(x)))))
    if lo == hi:
        bins, lo, hi = 1, lo - 0.5, hi + 0.5
    elif integral and hi - lo < MAX_INTEGER_BINS:
        bins, lo, hi = int(hi - lo) + 1, lo - 0.5, hi + 0.5
    elif integral:
        width = math.ceil((hi - lo + 1) / rice)
        bins = math.ceil((hi - lo + 1) / width)
        lo = lo - 0.5
        hi = lo + bins * width
    else:
        bins = rice
    counts, edges = np.histogram(x, bins=bins, range=(lo, hi))
    return {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]}


def quantiles(values):
    return {str(p): num(np.quantile(values, p)) for p in PROBABILITIES}


def top_counts(values_in_tie_order, counts):
    """Most frequent first; ties keep the given order (Python's sort is stable)."""
    pairs = list(zip(values_in_tie_order, counts))
    pairs.sort(key=lambda p: -p[1])
    return [[v, int(c)] for v, c in pairs[:TOP]]


def numeric_column(s):
    x = s.to_numpy()
    present = x[~np.isnan(x)]
    out = {"count": int(len(present))}
    if len(present) == 0:
        return out
    vc = pd.Series(present).value_counts()
    order = sorted(vc.index)  # ties: smaller value first
    out.update({
        "min": num(present.min()), "max": num(present.max()),
        "mean": num(s.mean()), "std": num(s.std(ddof=1)), "skewness": num(s.skew()),
        "quantiles": quantiles(present),
        "top": top_counts([num(v) for v in order], [vc[v] for v in order]),
        "histogram": histogram(x),
        "zeros": int((present == 0).sum()),
    })
    return out


def length_summary(lengths):
    s = pd.Series(lengths, dtype="float64")
    return {"count": int(s.count()), "min": num(s.min()), "max": num(s.max()), "mean": num(s.mean()),
            "std": num(s.std(ddof=1)), "quantiles": quantiles(s.dropna().to_numpy()), "histogram": histogram(s.to_numpy())}


def column_reference(s, kind):
    out = {"kind": kind, "rows": int(len(s)), "missing": int(s.isna().sum()), "distinct": int(s.nunique(dropna=True))}
    if kind == "numeric":
        out.update(numeric_column(s))
    elif kind == "categorical":
        levels = list(pd.unique(s.dropna()))  # first appearance = Forja's level order
        vc = s.value_counts()
        out["top"] = top_counts(levels, [vc[v] for v in levels])
        out["numeric_levels"] = sum(1 for v in levels if NUMBER.match(v))
    elif kind == "text":
        texts = s.dropna()
        firsts = list(pd.unique(texts))
        vc = texts.value_counts()
        out["top"] = top_counts(firsts, [vc[v] for v in firsts])
        out["length"] = length_summary([len(t) if t is not None else np.nan for t in s])
        out["words"] = length_summary([words(t) if t is not None else np.nan for t in s])
    else:
        millis = epoch_millis(s)
        present = millis[~np.isnan(millis)]
        out["min_millis"] = int(present.min())
        out["max_millis"] = int(present.max())
        out["quantiles_millis"] = quantiles(present)
    return out


# ------------------------------------------------------------------ target and associations

def target_classes(s, kind):
    """TargetProfile's rule: categorical, or numeric with <= 20 distinct whole numbers, is classification."""
    if kind == "categorical":
        labels = list(pd.unique(s.dropna()))
        codes = np.array([labels.index(v) if v is not None else -1 for v in s])
        return labels, codes
    x = s.to_numpy()
    present = x[~np.isnan(x)]
    distinct = np.unique(present)
    if len(present) and np.all(present == np.rint(present)) and len(distinct) <= MAX_INTEGER_CLASSES:
        labels = [str(int(v)) for v in distinct]
        codes = np.array([-1 if np.isnan(v) else int(np.searchsorted(distinct, v)) for v in x])
        return labels, codes
    return None, None


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def folds(n):
    """PredictivePower.fold: the top bit of SplitMix64's finaliser of seed + (row + 1) * golden gamma."""
    return np.array([mix64((PPS_SEED + (r + 1) * 0x9E3779B97F4A7C15) & MASK) >> 63 for r in range(n)], dtype=np.int64)


def numeric_codes(x):
    ok = ~np.isnan(x)
    s = np.sort(x[ok])
    n = len(s)
    distinct = np.unique(s)
    if n == 0:
        edges = np.array([])
    elif len(distinct) <= PPS_BINS:
        edges = distinct[1:]
    else:
        raw = [s[(k * n) // PPS_BINS] for k in range(1, PPS_BINS)]
        edges = np.array([e for i, e in enumerate(raw) if i == 0 or e != raw[i - 1]])
    codes = np.searchsorted(edges, np.where(ok, x, 0), side="right")
    codes = np.where(ok, codes, len(edges) + 1)
    return codes


def categorical_codes(s):
    levels = list(pd.unique(s.dropna()))
    index = {v: i for i, v in enumerate(levels)}
    return np.array([index[v] if v is not None else len(levels) for v in s])


def pps_classification(codes, classes, n_classes, f):
    scores = []
    for fit in (0, 1):
        train = (f == fit) & (classes >= 0)
        test = (f != fit) & (classes >= 0)
        if not train.any():
            scores.append(math.nan)
            continue
        totals = np.bincount(classes[train], minlength=n_classes)
        majority = int(np.argmax(totals))
        table = {}
        for c, y in zip(codes[train], classes[train]):
            table.setdefault(int(c), np.zeros(n_classes, dtype=np.int64))[y] += 1
        predict = {c: int(np.argmax(row / np.maximum(totals, 1))) for c, row in table.items()}
        pred = np.array([predict.get(int(c), majority) for c in codes[test]])
        truth = classes[test]
        recalls = [np.mean(pred[truth == k] == k) for k in range(n_classes) if (truth == k).any()]
        if len(recalls) < 2:
            scores.append(math.nan)
            continue
        k = len(recalls)
        scores.append(max(0.0, (np.mean(recalls) - 1 / k) / (1 - 1 / k)))
    return average(scores)


def pps_regression(codes, y, f):
    scores = []
    for fit in (0, 1):
        train = (f == fit) & ~np.isnan(y)
        test = (f != fit) & ~np.isnan(y)
        if not train.any() or not test.any():
            scores.append(math.nan)
            continue
        means = pd.Series(y[train]).groupby(codes[train]).mean().to_dict()
        fallback = y[train].mean()
        pred = np.array([means.get(c, fallback) for c in codes[test]])
        yt = y[test]
        sst = ((yt - yt.mean()) ** 2).sum()
        if not sst > 0:
            scores.append(math.nan)
            continue
        scores.append(max(0.0, 1 - ((yt - pred) ** 2).sum() / sst))
    return average(scores)


def average(scores):
    a, b = scores
    if math.isnan(a):
        return b
    if math.isnan(b):
        return a
    return (a + b) / 2


def correlation_ratio(values, groups):
    """η = sqrt(between-group sum of squares / total sum of squares), rows where both are present."""
    ok = ~np.isnan(values) & (groups >= 0)
    v, g = values[ok], groups[ok]
    if len(v) < 2:
        return math.nan, int(len(v))
    total = ((v - v.mean()) ** 2).sum()
    if total == 0:
        return math.nan, int(len(v))
    frame = pd.DataFrame({"v": v, "g": g}).groupby("g").v.agg(["mean", "count"])
    between = (frame["count"] * (frame["mean"] - v.mean()) ** 2).sum()
    return math.sqrt(min(1.0, between / total)), int(len(v))


def cramers_v(a, b):
    ok = (a >= 0) & (b >= 0)
    if ok.sum() == 0:
        return math.nan, 0
    table = pd.crosstab(a[ok], b[ok]).to_numpy()
    if min(table.shape) < 2:
        return math.nan, int(ok.sum())
    return float(association(table, method="cramer", correction=False)), int(ok.sum())


def measured_values(s, kind):
    """What a column is measured by: numbers, epoch milliseconds, or text length."""
    if kind == "numeric":
        return s.to_numpy()
    if kind == "datetime":
        return epoch_millis(s)
    return np.array([len(t) if t is not None else np.nan for t in s], dtype=float)


def associations(df, kinds, target):
    labels, classes = target_classes(df[target], kinds[target])
    f = folds(len(df))
    out = {}
    for name in df.columns:
        if name == target:
            continue
        kind = kinds[name]
        if kind == "categorical":
            levels = list(pd.unique(df[name].dropna()))
            index = {v: i for i, v in enumerate(levels)}
            feature = np.array([index[v] if v is not None else -1 for v in df[name]])
            coded = categorical_codes(df[name])
        else:
            x = measured_values(df[name], kind)
            coded = numeric_codes(x)
        if labels is not None:
            if kind == "categorical":
                value, rows = cramers_v(feature, classes)
                measure = "cramers_v"
            else:
                value, rows = correlation_ratio(x, classes)
                measure = "eta"
            pps = pps_classification(coded, classes, len(labels), f)
        else:
            y = df[target].to_numpy()
            if kind == "categorical":
                value, rows = correlation_ratio(y, feature)
                measure = "eta"
            else:
                ok = ~np.isnan(x) & ~np.isnan(y)
                value, rows = float(pearsonr(x[ok], y[ok])[0]), int(ok.sum())
                measure = "pearson"
            pps = pps_regression(coded, y, f)
        out[name] = {"measure": measure, "value": num(value), "rows": rows, "pps": num(pps)}
    target_ref = {"task": "classification" if labels is not None else "regression"}
    if labels is not None:
        target_ref["distribution"] = {lab: int((classes == i).sum()) for i, lab in enumerate(labels)}
    target_ref["missing"] = int(df[target].isna().sum())
    return target_ref, out


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.chdir(root)
    result = {"generated_by": "scripts/reference/profile_reference.py",
              "versions": {"pandas": pd.__version__, "numpy": np.__version__,
                           "scipy": __import__("scipy").__version__},
              "datasets": {}}
    for path, target in DATASETS:
        df, kinds = read(path)
        target_ref, assoc = associations(df, kinds, target)
        result["datasets"][path] = {
            "rows": int(len(df)),
            "duplicate_rows": int(df.duplicated().sum()),
            "target": dict(name=target, **target_ref),
            "columns": {name: column_reference(df[name], kinds[name]) for name in df.columns},
            "associations": assoc,
        }
        print(f"{path}: {len(df)} rows, kinds {kinds}", file=sys.stderr)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as out:
        json.dump(result, out, indent=1, allow_nan=False)
        out.write("\n")


if __name__ == "__main__":
    main()
