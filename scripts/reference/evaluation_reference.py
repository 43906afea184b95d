#!/usr/bin/python3
"""scikit-learn values for forja evaluate's extra metrics (forja-learn EvaluationReferenceTest).

Per-class precision / recall / F1 and their support-weighted averages (binary and multiclass), the
median absolute error (regression), and the reliability curve of calibration_curve(n_bins=10,
strategy="uniform") with the expected calibration error computed from it. Seeded cases, written with
their inputs to forja-learn/src/test/resources/reference/evaluation/cases.json.

    /usr/bin/python3 scripts/reference/evaluation_reference.py
"""
import json
from pathlib import Path

import numpy as np
import sklearn
from sklearn import metrics as M
from sklearn.calibration import calibration_curve

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "forja-learn" / "src" / "test" / "resources" / "reference" / "evaluation" / "cases.json"
rng = np.random.default_rng(20261204)


def classification(k, n):
    y = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k)) + np.eye(k)[y] * 1.0
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    pred = (p[:, 1] >= 0.5).astype(int) if k == 2 else p.argmax(axis=1)
    labels = list(range(k))
    prec, rec, f1, support = M.precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    case = {
        "kind": "binary" if k == 2 else "multiclass",
        "y": y.tolist(),
        "p": p.ravel().tolist(),
        "per_class": {"precision": prec.tolist(), "recall": rec.tolist(), "f1": f1.tolist(), "support": support.tolist()},
        "precision_weighted": M.precision_score(y, pred, average="weighted", zero_division=0),
        "recall_weighted": M.recall_score(y, pred, average="weighted", zero_division=0),
        "f1_weighted": M.f1_score(y, pred, average="weighted", zero_division=0),
    }
    if k == 2:
        fpr, tpr, roc_t = M.roc_curve(y, p[:, 1], drop_intermediate=False)
        prec, rec, pr_t = M.precision_recall_curve(y, p[:, 1])
        # sklearn's first ROC threshold is a sentinel above every score (max + 1, or inf in newer versions): left out.
        case["roc"] = {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": roc_t[1:].tolist()}
        case["pr"] = {"precision": prec[:-1].tolist(), "recall": rec[:-1].tolist(), "thresholds": pr_t.tolist()}
        prob_true, prob_pred = calibration_curve(y, p[:, 1], n_bins=10, strategy="uniform")
        bins = np.searchsorted(np.linspace(0.0, 1.0, 11)[1:-1], p[:, 1])  # as calibration_curve bins them
        counts = np.bincount(bins, minlength=10)
        weights = counts[counts > 0] / len(y)
        case["calibration"] = {"prob_true": prob_true.tolist(), "prob_pred": prob_pred.tolist(),
                               "ece": float(np.sum(weights * np.abs(prob_true - prob_pred)))}
    return case


def regression(n):
    y = rng.normal(10, 3, n)
    pred = y + rng.normal(0, 1.5, n)
    return {"kind": "regression", "y": y.tolist(), "p": pred.tolist(), "median_ae": M.median_absolute_error(y, pred)}


cases = [classification(2, 300), classification(2, 1001), classification(3, 400), classification(5, 250), regression(301), regression(400)]
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}))
print("wrote", OUT)
