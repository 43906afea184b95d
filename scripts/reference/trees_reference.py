#!/usr/bin/python3
"""Reference values for Forja's tree learners, computed with scikit-learn and Python XGBoost.

Run from the repository root:

    /usr/bin/python3 scripts/reference/trees_reference.py

It writes, under forja-learn/src/test/resources/reference/trees/:

* cart_structure.json: small data sets (continuous features without ties, plus one integer feature
  with ties) and the exact trees scikit-learn grows on them (DecisionTreeClassifier/Regressor with
  every feature tried at each split), node by node, with test-set predictions.
  dev.forja.learn.tree.CartReferenceTest grows our trees on the same data and compares structure,
  thresholds, leaf values and predictions.
* ensembles_adult.json / ensembles_bike.json: test-set metrics of scikit-learn's decision tree,
  random forest and extra trees, and of Python XGBoost, on two real data sets from examples/data
  (adult: binary, AUC; bike sharing per day: regression, RMSE), for several seeds.
  dev.forja.learn.tree.EnsembleReferenceTest and dev.forja.learn.boosting.XGBoostReferenceTest
  train ours on the same rows and compare the metrics (forests are random: within a tolerance).

Encoding shared with the Java tests (ReferenceData): every categorical column becomes the code of
its level in order of first appearance (0, 1, ...); in adult, '?' is its own level for the
scikit-learn models (which cannot take NaN in this version) and NaN for XGBoost. Rows whose index is
a multiple of 4 are the test set, the rest the training set.

Written with scikit-learn 1.2, XGBoost 1.7, numpy 1.24 and pandas 1.5 (Debian 12's packages). Forja
uses XGBoost 3.1 through XGBoost4J, which starts boosting from the label mean (its estimated intercept)
where 1.7 starts from base_score = 0.5; the Python runs pass base_score = the training label mean so
that both start alike. The metric comparison tolerates what else changed between versions.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
import xgboost as xgb
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier,
                              RandomForestRegressor)
from sklearn.metrics import accuracy_score, mean_squared_error, roc_auc_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "forja-learn", "src", "test", "resources", "reference", "trees")
SEEDS = [0, 1, 2]


def tree_arrays(t, classifier):
    tree = t.tree_
    value = tree.value[:, 0, :]
    if classifier:
        value = value / value.sum(axis=1, keepdims=True)
    return {
        "left": tree.children_left.tolist(),
        "right": tree.children_right.tolist(),
        "feature": [int(f) if l >= 0 else -1 for f, l in zip(tree.feature, tree.children_left)],
        "threshold": [float(x) if l >= 0 else 0.0 for x, l in zip(tree.threshold, tree.children_left)],
        "value": value.tolist(),
        "samples": tree.n_node_samples.tolist(),
    }


def proxy(criterion, left_stats, right_stats):
    """scikit-learn's proxy impurity improvement of one candidate split (larger is better)."""
    if criterion == "squared_error":
        (wl, sl), (wr, sr) = left_stats, right_stats
        return sl * sl / wl + sr * sr / wr
    wl, wr = left_stats.sum(), right_stats.sum()
    if criterion == "gini":
        return (left_stats ** 2).sum() / wl + (right_stats ** 2).sum() / wr
    v = 0.0
    for side, w in ((left_stats, wl), (right_stats, wr)):
        nz = side[side > 0]
        v += (nz * np.log(nz / w)).sum()
    return v


def has_no_ties(model, x, y, w, params, classes):
    """False if some split of the tree had a rival on another feature scoring the same.

    scikit-learn visits features in a random order and keeps the first best split; an independent
    implementation visits them in another order, so equally good splits on two features would make the
    trees differ for no fault of either. The fixtures must not contain such nodes.
    """
    tree = model.tree_
    criterion = params.get("criterion", "gini")
    min_leaf = params.get("min_samples_leaf", 1)
    node_rows = model.decision_path(x).toarray().astype(bool)
    for node in range(tree.node_count):
        if tree.children_left[node] < 0:
            continue
        rows = node_rows[:, node]
        xs, ys, ws = x[rows], y[rows], w[rows]
        best = []
        for f in range(x.shape[1]):
            order = np.argsort(xs[:, f], kind="stable")
            v, t, ww = xs[order, f], ys[order], ws[order]
            top = -np.inf
            for i in range(min_leaf, len(v) - min_leaf + 1):
                if v[i] <= v[i - 1]:
                    continue
                if classes == 0:
                    ls, rs = (ww[:i].sum(), (ww[:i] * t[:i]).sum()), (ww[i:].sum(), (ww[i:] * t[i:]).sum())
                else:
                    ls = np.array([ww[:i][t[:i] == k].sum() for k in range(classes)])
                    rs = np.array([ww[i:][t[i:] == k].sum() for k in range(classes)])
                top = max(top, proxy(criterion, ls, rs))
            best.append(top)
        best = sorted(best, reverse=True)
        if len(best) > 1 and best[1] >= best[0] - 1e-9 * abs(best[0]):
            return False
    return True


def structure_cases():
    cases = []

    def data(rng, n, classes):
        # scikit-learn's trees work on float32 copies of the features: values that are floats already
        # make its thresholds (midpoints computed in double) the very numbers an exact double search finds.
        x = rng.uniform(-1, 1, size=(n, 5)).astype(np.float32).astype(np.float64)
        x[:, 4] = rng.integers(0, 6, size=n)  # a feature with ties
        s = x[:, 0] + 0.8 * x[:, 1] * x[:, 2] + 0.3 * (x[:, 4] - 2.5) + rng.normal(0, 0.3, size=n)
        # Labels are drawn, not thresholded, so few regions are pure (pure regions breed ties).
        if classes == 0:
            y = 10 * s + rng.normal(0, 1, size=n)
        elif classes == 2:
            y = (rng.uniform(size=n) < 1 / (1 + np.exp(-2 * s))).astype(int)
        else:
            y = np.digitize(s + rng.normal(0, 0.5, size=n), [-0.6, 0.4])
        return x, y

    specs = [
        ("gini_3_classes_min_leaf_10", 3, dict(criterion="gini", max_depth=6, min_samples_leaf=10)),
        ("entropy_binary_min_leaf_10", 2, dict(criterion="entropy", max_depth=7, min_samples_leaf=10)),
        ("gini_balanced_min_decrease", 3, dict(criterion="gini", class_weight="balanced", min_impurity_decrease=0.004,
                                               min_samples_split=30, min_samples_leaf=10)),
        ("squared_error_min_leaf_5", 0, dict(criterion="squared_error", max_depth=8, min_samples_leaf=5)),
    ]
    for name, classes, params in specs:
        # Draw data sets in a fixed sequence until one grows a tree without cross-feature ties.
        for attempt in range(100):
            rng = np.random.default_rng(20261122 + attempt)
            x, y = data(rng, 600, classes)
            xt, _ = data(rng, 200, classes)
            if classes == 0:
                model = DecisionTreeRegressor(random_state=0, **params).fit(x, y)
            else:
                model = DecisionTreeClassifier(random_state=0, **params).fit(x, y)
            w = np.ones(len(y))
            if params.get("class_weight") == "balanced":
                counts = np.bincount(y)
                w = len(y) / (len(counts) * counts[y])
            if has_no_ties(model, x, y, w, params, classes):
                break
        else:
            raise SystemExit(name + ": every data set drawn had ties")
        pred = model.predict(xt).reshape(-1, 1) if classes == 0 else model.predict_proba(xt)
        cases.append({
            "name": name,
            "classes": classes,
            "params": params,
            "data_seed": 20261122 + attempt,
            "x_train": x.tolist(),
            "y_train": y.tolist(),
            "x_test": xt.tolist(),
            "tree": tree_arrays(model, classes > 0),
            "predictions": pred.tolist(),
        })
    return cases


def encode(frame, columns, question_mark_is_nan):
    """Categorical columns to codes in order of first appearance; numbers as they are."""
    out = np.empty((len(frame), len(columns)))
    for j, c in enumerate(columns):
        col = frame[c]
        if col.dtype == object:
            levels = {}
            codes = []
            for v in col:
                if v == "?" and question_mark_is_nan:
                    codes.append(np.nan)
                    continue
                if v not in levels:
                    levels[v] = len(levels)
                codes.append(levels[v])
            out[:, j] = codes
        else:
            out[:, j] = col.astype(float)
    return out


def auc(y, p):
    return float(roc_auc_score(y, p))


def rmse(y, p):
    return float(np.sqrt(mean_squared_error(y, p)))


def adult():
    frame = pd.read_csv(os.path.join(ROOT, "examples", "data", "adult.csv.gz"), keep_default_na=False)
    features = [c for c in frame.columns if c != "income"]
    y = (frame["income"] == ">50K").astype(int).to_numpy()
    test = np.arange(len(frame)) % 4 == 0
    x = encode(frame, features, question_mark_is_nan=False)
    xn = encode(frame, features, question_mark_is_nan=True)
    out = {"features": features, "target": "income", "positive": ">50K", "test_rule": "row index % 4 == 0",
           "train_rows": int((~test).sum()), "test_rows": int(test.sum())}
    runs = {}
    for name, make in [
        ("forest", lambda s: RandomForestClassifier(n_estimators=100, random_state=s, n_jobs=2)),
        ("extra_trees", lambda s: ExtraTreesClassifier(n_estimators=100, random_state=s, n_jobs=2)),
        ("extra_trees_min_leaf_5", lambda s: ExtraTreesClassifier(n_estimators=100, min_samples_leaf=5, random_state=s, n_jobs=2)),
        ("tree_depth_8", lambda s: DecisionTreeClassifier(max_depth=8, random_state=s)),
    ]:
        aucs = []
        accs = []
        for s in SEEDS:
            m = make(s).fit(x[~test], y[~test])
            p = m.predict_proba(x[test])[:, 1]
            aucs.append(auc(y[test], p))
            accs.append(float(accuracy_score(y[test], (p > 0.5).astype(int))))
        runs[name] = {"auc": aucs, "accuracy": accs, "auc_mean": float(np.mean(aucs))}
    params = {"objective": "binary:logistic", "eta": 0.3, "max_depth": 6, "tree_method": "hist", "max_bin": 256,
              "nthread": 2}
    aucs = []
    for s in SEEDS:
        d = xgb.DMatrix(xn[~test], label=y[~test], missing=np.nan)
        b = xgb.train(dict(params, seed=s, base_score=float(y[~test].mean())), d, num_boost_round=100)
        aucs.append(auc(y[test], b.predict(xgb.DMatrix(xn[test], missing=np.nan))))
    runs["xgboost"] = {"params": dict(params, num_boost_round=100), "auc": aucs, "auc_mean": float(np.mean(aucs))}
    out["models"] = runs
    return out


def bike():
    frame = pd.read_csv(os.path.join(ROOT, "examples", "data", "bike_sharing_day.csv"))
    features = ["season", "yr", "mnth", "holiday", "weekday", "workingday", "weathersit", "temp", "atemp", "hum",
                "windspeed"]
    y = frame["cnt"].to_numpy(dtype=float)
    x = frame[features].to_numpy(dtype=float)
    test = np.arange(len(frame)) % 4 == 0
    out = {"features": features, "target": "cnt", "test_rule": "row index % 4 == 0",
           "train_rows": int((~test).sum()), "test_rows": int(test.sum())}
    runs = {}
    for name, make in [
        ("forest", lambda s: RandomForestRegressor(n_estimators=100, random_state=s, n_jobs=2)),
        ("extra_trees", lambda s: ExtraTreesRegressor(n_estimators=100, random_state=s, n_jobs=2)),
        ("tree_depth_6", lambda s: DecisionTreeRegressor(max_depth=6, random_state=s)),
    ]:
        errs = [rmse(y[test], make(s).fit(x[~test], y[~test]).predict(x[test])) for s in SEEDS]
        runs[name] = {"rmse": errs, "rmse_mean": float(np.mean(errs))}
    params = {"objective": "reg:squarederror", "eta": 0.3, "max_depth": 6, "tree_method": "hist", "max_bin": 256,
              "nthread": 2}
    errs = []
    for s in SEEDS:
        b = xgb.train(dict(params, seed=s, base_score=float(y[~test].mean())), xgb.DMatrix(x[~test], label=y[~test]),
                      num_boost_round=100)
        errs.append(rmse(y[test], b.predict(xgb.DMatrix(x[test]))))
    runs["xgboost"] = {"params": dict(params, num_boost_round=100), "rmse": errs, "rmse_mean": float(np.mean(errs))}
    out["models"] = runs
    return out


def write(name, obj, indent=1):
    obj = dict(obj, generated_by="scripts/reference/trees_reference.py",
               versions={"sklearn": sklearn.__version__, "xgboost": xgb.__version__, "numpy": np.__version__,
                         "pandas": pd.__version__})
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, indent=indent, separators=None if indent else (",", ":"))
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    write("cart_structure.json", {"cases": structure_cases()}, indent=None)
    write("ensembles_adult.json", adult())
    write("ensembles_bike.json", bike())


if __name__ == "__main__":
    main()
