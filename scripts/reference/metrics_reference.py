#!/usr/bin/python3
"""scikit-learn values for Forja's metrics (forja-core MetricsTest).

Seeded random cases, with tied scores, sample weights, binary, multiclass and regression, written with
their inputs to forja-core/src/test/resources/reference/metrics/cases.json.

    /usr/bin/python3 scripts/reference/metrics_reference.py
"""
import json
from pathlib import Path

import numpy as np
import sklearn
from sklearn import metrics as M
from sklearn.preprocessing import label_binarize

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "forja-core" / "src" / "test" / "resources" / "reference" / "metrics" / "cases.json"
rng = np.random.default_rng(20261125)


def classification(k, n, weighted, ties):
    y = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k)) + np.eye(k)[y] * 1.2
    if ties:
        logits = np.round(logits, 1)
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    w = rng.uniform(0.2, 3.0, n) if weighted else None
    if k == 2:
        pred = (p[:, 1] >= 0.5).astype(int)
        avg = "binary"
        auc = M.roc_auc_score(y, p[:, 1], sample_weight=w)
        ap = M.average_precision_score(y, p[:, 1], sample_weight=w)
        brier = M.brier_score_loss(y, p[:, 1], sample_weight=w)
    else:
        pred = p.argmax(axis=1)
        avg = "macro"
        auc = M.roc_auc_score(y, p, multi_class="ovr", average="macro", sample_weight=w)
        ap = M.average_precision_score(label_binarize(y, classes=list(range(k))), p, average="macro", sample_weight=w)
        onehot = np.eye(k)[y]
        brier = float(np.average(((p - onehot) ** 2).sum(axis=1), weights=w))
    expected = {
        "auc": auc, "pr_auc": ap,
        "accuracy": M.accuracy_score(y, pred, sample_weight=w),
        "balanced_accuracy": M.balanced_accuracy_score(y, pred, sample_weight=w),
        "f1": M.f1_score(y, pred, average=avg, sample_weight=w, zero_division=0),
        "precision": M.precision_score(y, pred, average=avg, sample_weight=w, zero_division=0),
        "recall": M.recall_score(y, pred, average=avg, sample_weight=w, zero_division=0),
        "log_loss": M.log_loss(y, p, sample_weight=w, labels=list(range(k))),
        "brier": brier,
        "mcc": M.matthews_corrcoef(y, pred, sample_weight=w),
    }
    return {"kind": "binary" if k == 2 else "multiclass", "classes": k, "y": y.tolist(), "p": p.ravel().tolist(),
            "w": None if w is None else w.tolist(), "expected": {k2: float(v) for k2, v in expected.items()}}


def regression(n, weighted):
    y = rng.normal(10, 5, n)
    y[:3] = [0.0, -2.5, 1e-3]
    p = y + rng.normal(0, 2, n)
    w = rng.uniform(0.2, 3.0, n) if weighted else None
    expected = {
        "rmse": np.sqrt(M.mean_squared_error(y, p, sample_weight=w)),
        "mse": M.mean_squared_error(y, p, sample_weight=w),
        "mae": M.mean_absolute_error(y, p, sample_weight=w),
        "r2": M.r2_score(y, p, sample_weight=w),
        "mape": M.mean_absolute_percentage_error(y, p, sample_weight=w),
    }
    return {"kind": "regression", "classes": 0, "y": y.tolist(), "p": p.tolist(), "w": None if w is None else w.tolist(),
            "expected": {k2: float(v) for k2, v in expected.items()}}


cases = []
for k in (2, 3, 5):
    for weighted in (False, True):
        for ties in (False, True):
            cases.append(classification(k, 300, weighted, ties))
for weighted in (False, True):
    cases.append(regression(300, weighted))
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"generated_by": "scripts/reference/metrics_reference.py", "sklearn": sklearn.__version__,
                           "cases": cases}) + "\n", encoding="utf-8")
print(f"wrote {OUT.relative_to(ROOT)}: {len(cases)} cases")
