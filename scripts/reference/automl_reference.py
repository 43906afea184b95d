"""Reference for Forja's AutoML quality benchmark (forja-bench/bench-automl.sh).

For each dataset: a stratified (classification) or plain 80/20 split with seed 0, written as
train.csv / test.csv (train.arff / test.arff for Weka's ARFF files: the header and the data lines
verbatim) so that Forja sees exactly the same rows; then XGBoost tuned by Optuna's TPE (50 trials,
5-fold CV on the training part, the same ranges as Forja's XGBoost search space), refitted on the whole
training part and scored on the test part (ROC AUC, macro one-vs-rest for several classes, or RMSE).
Run once with Debian's python3-optuna, python3-xgboost and python3-sklearn:

    /usr/bin/python3 scripts/reference/automl_reference.py DATASETS_DIR WEKA_EXAMPLES_DIR OUT_DIR [PREVIOUS.json] > reference.json

With PREVIOUS.json (an earlier output), datasets already in it keep their numbers (the search is
deterministic, so rerunning would only repeat them); the split files are written for all.

WEKA_EXAMPLES_DIR holds the example ARFF files of Debian's weka package (usr/share/doc/weka/examples
after `apt-get download weka && dpkg -x weka_*.deb DIR`); they are read, never committed.
"""
import csv
import gzip
import json
import math
import os
import sys

import numpy as np
import optuna
import xgboost as xgb
from sklearn.metrics import mean_squared_error, roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split

MISSING = {"", "?", "NA", "N/A", "n/a", "null", "NULL", "NaN", "nan"}
DATASETS = [
    # name, file (CSV in DATASETS_DIR, ARFF in WEKA_EXAMPLES_DIR), target, task, columns dropped (identifiers, free text, leaks)
    ("titanic", "titanic.csv", "Survived", "binary", ["PassengerId", "Name", "Ticket", "Cabin"]),
    ("adult", "adult.csv.gz", "income", "binary", []),
    ("california_housing", "california_housing.csv", "median_house_value", "regression", []),
    ("bike_sharing_day", "bike_sharing_day.csv", "cnt", "regression", ["instant", "dteday", "casual", "registered"]),
    # Weka's classic ARFF datasets (UCI originals): binary, several classes, regression
    ("diabetes", "diabetes.arff", "class", "binary", []),
    ("credit_g", "credit-g.arff", "class", "binary", []),
    ("breast_cancer", "breast-cancer.arff", "Class", "binary", []),
    ("ionosphere", "ionosphere.arff", "class", "binary", []),
    ("glass", "glass.arff", "Type", "multiclass", []),
    ("segment", "segment-challenge.arff", "class", "multiclass", []),
    ("soybean", "soybean.arff", "class", "multiclass", []),
    ("cpu", "cpu.arff", "class", "regression", []),
]


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def read_arff(path):
    """Header lines, attribute names, the nominal ones, and the data lines (raw text and parsed values)."""
    with open(path, newline="") as f:
        lines = f.read().split("\n")
    at = next(i for i, l in enumerate(lines) if l.strip().lower().startswith("@data"))
    header_lines = lines[:at + 1]
    names, nominal = [], set()
    for l in header_lines:
        if l.strip().lower().startswith("@attribute"):
            rest = l.strip()[len("@attribute"):].strip()
            if rest.startswith("'"):
                name, kind = rest[1:].split("'", 1)
            else:
                name, kind = rest.split(None, 1)
            names.append(name)
            if kind.strip().startswith("{"):
                nominal.add(name)
    raw = [l for l in lines[at + 1:] if l.strip() and not l.lstrip().startswith("%")]
    parsed = [[v.strip() for v in r] for r in csv.reader(raw, quotechar="'", skipinitialspace=True)]
    return header_lines, names, nominal, raw, parsed


def is_number(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


def encode(header, train, test, target, nominal=frozenset()):
    """Numbers as floats (missing NaN), categories (and ARFF's nominal attributes) one-hot by the training part's levels."""
    cols = [c for c in header if c != target]
    idx = {c: header.index(c) for c in header}
    numeric = {c: c not in nominal and all(r[idx[c]] in MISSING or is_number(r[idx[c]]) for r in train) for c in cols}
    levels = {c: sorted({r[idx[c]] for r in train if r[idx[c]] not in MISSING}) for c in cols if not numeric[c]}

    def matrix(rows):
        out = []
        for r in rows:
            v = []
            for c in cols:
                x = r[idx[c]]
                if numeric[c]:
                    v.append(float("nan") if x in MISSING else float(x))
                else:
                    v.extend(1.0 if x == level else 0.0 for level in levels[c])
            out.append(v)
        return np.array(out)

    return matrix(train), matrix(test)


def main(datasets_dir, weka_dir, out_dir, previous=None):
    known = {}
    if previous:
        with open(previous) as f:
            known = {d["name"]: d for d in json.load(f)["datasets"]}
    results = {"optuna": optuna.__version__, "xgboost": xgb.__version__, "trials": 50, "folds": 5, "datasets": []}
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for name, file, target, task, drop in DATASETS:
        arff = file.endswith(".arff")
        nominal = frozenset()
        if arff:
            header_lines, header, nominal, raw, rows = read_arff(os.path.join(weka_dir, file))
            rows = [r + [line] for r, line in zip(rows, raw)]  # the raw line rides along to be written verbatim
        else:
            header, rows = read(os.path.join(datasets_dir, file))
            keep = [i for i, c in enumerate(header) if c not in drop]
            header = [header[i] for i in keep]
            rows = [[r[i] for i in keep] for r in rows if len(r) >= len(keep)]
        t = header.index(target)
        rows = [r for r in rows if r[t] not in MISSING]
        labels = sorted({r[t] for r in rows}) if task != "regression" else None
        y_all = np.array([labels.index(r[t]) if labels else float(r[t]) for r in rows], dtype=float)
        train_rows, test_rows, y_train, y_test = train_test_split(rows, y_all, test_size=0.2, random_state=0,
                                                                  stratify=y_all if task != "regression" else None)
        d = os.path.join(out_dir, name)
        os.makedirs(d, exist_ok=True)
        ext = ".arff" if arff else ".csv"
        for part, part_rows in (("train", train_rows), ("test", test_rows)):
            with open(os.path.join(d, part + ext), "w", newline="") as f:
                if arff:
                    f.write("\n".join(header_lines) + "\n" + "\n".join(r[-1] for r in part_rows) + "\n")
                else:
                    w = csv.writer(f)
                    w.writerow(header)
                    w.writerows(part_rows)
        if name in known:
            results["datasets"].append(dict(known[name], file=file, train_file="train" + ext, test_file="test" + ext))
            continue
        x_train, x_test = encode(header, train_rows, test_rows, target, nominal)
        folds = (StratifiedKFold(5, shuffle=True, random_state=0) if task != "regression" else KFold(5, shuffle=True, random_state=0))
        splits = list(folds.split(x_train, y_train))

        def params(trial):
            return dict(n_estimators=trial.suggest_int("n_estimators", 50, 600, log=True),
                        learning_rate=trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
                        max_depth=trial.suggest_int("max_depth", 2, 10),
                        min_child_weight=trial.suggest_float("min_child_weight", 0.5, 20, log=True),
                        subsample=trial.suggest_float("subsample", 0.5, 1.0),
                        colsample_bytree=trial.suggest_float("colsample_bytree", 0.5, 1.0),
                        reg_lambda=trial.suggest_float("reg_lambda", 1e-3, 10, log=True),
                        reg_alpha=trial.suggest_float("reg_alpha", 1e-3, 10, log=True),
                        tree_method="hist", n_jobs=2, random_state=0)

        def model(p):
            return xgb.XGBClassifier(**p) if task != "regression" else xgb.XGBRegressor(**p)

        def score(m, x, y):
            if task == "binary":
                return roc_auc_score(y, m.predict_proba(x)[:, 1])
            if task == "multiclass":
                return roc_auc_score(y, m.predict_proba(x), multi_class="ovr", average="macro", labels=list(range(len(labels))))
            return math.sqrt(mean_squared_error(y, m.predict(x)))

        def objective(trial):
            p = params(trial)
            return float(np.mean([score(model(p).fit(x_train[a], y_train[a]), x_train[b], y_train[b]) for a, b in splits]))

        study = optuna.create_study(direction="maximize" if task != "regression" else "minimize", sampler=optuna.samplers.TPESampler(seed=0))
        study.optimize(objective, n_trials=50)
        best = params(study.best_trial)
        test = score(model(best).fit(x_train, y_train), x_test, y_test)
        metric = "auc" if task != "regression" else "rmse"
        results["datasets"].append({"name": name, "file": file, "train_file": "train" + ext, "test_file": "test" + ext,
                                    "target": target, "task": task, "metric": metric, "dropped": drop,
                                    "train_rows": len(train_rows), "test_rows": len(test_rows), "cv": study.best_value, "test": test,
                                    "best_params": study.best_trial.params})
        print(f"{name}: optuna+xgboost cv {metric} {study.best_value:.4f}, test {test:.4f}", file=sys.stderr)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:5])
