#!/usr/bin/python3
"""scikit-learn fits for Forja's logistic and linear learners (forja-learn LinearModelsReferenceTest).

Feature matrices are built here from the example data (numeric columns, standardised with the training
rows' mean and std), split by row position, and written with sklearn's coefficients, intercepts and
test metrics. Convergence tolerances are tight so the comparison measures the objective, not solver noise.

    /usr/bin/python3 scripts/reference/linear_reference.py
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import mean_squared_error, roc_auc_score

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
OUT = ROOT / "forja-learn" / "src" / "test" / "resources" / "reference" / "linear" / "linear_models.json"


def standardise(x, train):
    mu = x[:train].mean(axis=0)
    sd = x[:train].std(axis=0)
    return (x - mu) / sd


def fit_info(model, names):
    coef = np.atleast_2d(model.coef_)
    return {"coefficients": coef.tolist(), "intercepts": np.atleast_1d(model.intercept_).tolist(), "features": names}


out = {"generated_by": "scripts/reference/linear_reference.py", "sklearn": sklearn.__version__}

adult = pd.read_csv(DATA / "adult.csv.gz").head(3000)
names = ["age", "fnlwgt", "education_num", "capital_gain", "capital_loss", "hours_per_week"]
x = standardise(adult[names].to_numpy(float), 2400)
y = (adult["income"] == ">50K").astype(int).to_numpy()
binary = {"x": x.tolist(), "y": y.tolist(), "train": 2400, "fits": {}}
for key, model in {
    "l2_c1": LogisticRegression(C=1.0, tol=1e-10, max_iter=100000),
    "l2_c0.01": LogisticRegression(C=0.01, tol=1e-10, max_iter=100000),
    "none": LogisticRegression(penalty="none", tol=1e-10, max_iter=100000),
    "l1_c0.05": LogisticRegression(penalty="l1", C=0.05, solver="saga", tol=1e-12, max_iter=1000000, random_state=0),
    "elasticnet_c0.05": LogisticRegression(penalty="elasticnet", C=0.05, l1_ratio=0.5, solver="saga", tol=1e-12, max_iter=1000000, random_state=0),
    "balanced": LogisticRegression(C=1.0, class_weight="balanced", tol=1e-10, max_iter=100000),
}.items():
    model.fit(x[:2400], y[:2400])
    info = fit_info(model, names)
    info["test_auc"] = roc_auc_score(y[2400:], model.predict_proba(x[2400:])[:, 1])
    binary["fits"][key] = info
out["binary"] = binary

mpg = pd.read_csv(DATA / "auto_mpg.csv", na_values=["?"]).dropna()
mnames = ["mpg", "displacement", "horsepower", "weight", "acceleration", "model_year"]
xm = standardise(mpg[mnames].to_numpy(float), 300)
ym = (mpg["origin"].to_numpy() - 1).astype(int)
model = LogisticRegression(C=1.0, tol=1e-10, max_iter=100000).fit(xm[:300], ym[:300])
info = fit_info(model, mnames)
info["test_proba"] = model.predict_proba(xm[300:]).tolist()
out["multiclass"] = {"x": xm.tolist(), "y": ym.tolist(), "train": 300, "fits": {"l2_c1": info}}

bike = pd.read_csv(DATA / "bike_sharing_day.csv")
bnames = ["season", "yr", "holiday", "workingday", "weathersit", "temp", "atemp", "hum", "windspeed"]
xb = standardise(bike[bnames].to_numpy(float), 600)
yb = bike["cnt"].to_numpy(float)
reg = {"x": xb.tolist(), "y": yb.tolist(), "train": 600, "fits": {}}
for key, model in {
    "none": LinearRegression(),
    "l2_alpha10": Ridge(alpha=10.0),
    "l1_alpha20": Lasso(alpha=20.0, tol=1e-12, max_iter=1000000),
    "elasticnet_alpha1": ElasticNet(alpha=1.0, l1_ratio=0.5, tol=1e-12, max_iter=1000000),
}.items():
    model.fit(xb[:600], yb[:600])
    info = fit_info(model, bnames)
    info["test_rmse"] = float(np.sqrt(mean_squared_error(yb[600:], model.predict(xb[600:]))))
    reg["fits"][key] = info
out["regression"] = reg

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(out) + "\n")
print(f"wrote {OUT.relative_to(ROOT)}")

# Naive Bayes and k-NN on the same matrices (forja-learn BayesNeighborsReferenceTest)
from sklearn.naive_bayes import GaussianNB, MultinomialNB  # noqa: E402
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor  # noqa: E402

nb = {}
g = GaussianNB().fit(x[:2400], y[:2400])
nb["gaussian_binary"] = g.predict_proba(x[2400:]).tolist()
g3 = GaussianNB().fit(xm[:300], ym[:300])
nb["gaussian_multiclass"] = g3.predict_proba(xm[300:]).tolist()
counts = np.abs(np.round(x * 3))
m = MultinomialNB(alpha=1.0).fit(counts[:2400], y[:2400])
nb["multinomial_binary"] = m.predict_proba(counts[2400:]).tolist()
knn = {}
knn["uniform_binary"] = KNeighborsClassifier(n_neighbors=7).fit(x[:2400], y[:2400]).predict_proba(x[2400:]).tolist()
knn["distance_regression"] = KNeighborsRegressor(n_neighbors=5, weights="distance").fit(xb[:600], yb[:600]).predict(xb[600:]).tolist()
knn["manhattan_multiclass"] = KNeighborsClassifier(n_neighbors=9, p=1).fit(xm[:300], ym[:300]).predict_proba(xm[300:]).tolist()
OUT2 = OUT.parent / "bayes_neighbors.json"
OUT2.write_text(json.dumps({"generated_by": "scripts/reference/linear_reference.py", "naive_bayes": nb, "knn": knn,
                            "counts": counts.tolist()}) + "\n")
print(f"wrote {OUT2.relative_to(ROOT)}")
