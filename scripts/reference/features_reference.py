#!/usr/bin/python3
"""scikit-learn outputs for Forja's feature transformers (forja-learn FeaturePipelineReferenceTest).

A small numeric matrix with missing values and outliers, and a categorical column; each transformer
of Forja has a scikit-learn counterpart fitted on the first 30 rows (train) and applied to all 40.

    /usr/bin/python3 scripts/reference/features_reference.py
"""
import json
from pathlib import Path

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, RobustScaler, StandardScaler

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "forja-learn" / "src" / "test" / "resources" / "reference" / "features" / "transformers.json"
rng = np.random.default_rng(7)
n, train = 40, 30
x = np.column_stack([rng.normal(50, 10, n), rng.exponential(3, n), rng.integers(0, 5, n).astype(float)])
x[[3, 17, 33], 0] = np.nan
x[[5], 1] = 250.0  # an outlier
cat = np.array(rng.choice(["red", "green", "blue", "violet"], n, p=[0.5, 0.3, 0.17, 0.03]), dtype=object)
cat[[2, 9]] = None
cat[35] = "never-seen"

cases = {}
imp = SimpleImputer(strategy="median").fit(x[:train])
xi = imp.transform(x)
cases["median_then_standard"] = StandardScaler().fit(xi[:train]).transform(xi).tolist()
imp_mean = SimpleImputer(strategy="mean").fit(x[:train])
xm = imp_mean.transform(x)
cases["mean_then_minmax"] = MinMaxScaler().fit(xm[:train]).transform(xm).tolist()
cases["median_then_robust"] = RobustScaler().fit(xi[:train]).transform(xi).tolist()
pca = PCA(n_components=2).fit(StandardScaler().fit(xi[:train]).transform(xi[:train]))
z = pca.transform(StandardScaler().fit(xi[:train]).transform(xi))
# Forja fixes each component's sign so its largest |loading| is positive
for c in range(2):
    comp = pca.components_[c]
    if comp[np.argmax(np.abs(comp))] < 0:
        z[:, c] = -z[:, c]
cases["median_standard_pca2"] = z.tolist()
filled = np.where(cat == None, "__missing__", cat).astype(str)  # noqa: E711
enc = OneHotEncoder(handle_unknown="ignore").fit(filled[:train].reshape(-1, 1))
cases["onehot_levels"] = [str(c) for c in enc.categories_[0]]
cases["onehot"] = enc.transform(filled.reshape(-1, 1)).toarray().tolist()

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"generated_by": "scripts/reference/features_reference.py", "sklearn": sklearn.__version__, "train_rows": train,
                           "x": [[None if np.isnan(v) else v for v in row] for row in x.tolist()],
                           "cat": [None if c is None else str(c) for c in cat], "expected": cases}, indent=1) + "\n")
print(f"wrote {OUT.relative_to(ROOT)}")
