"""Reference values for Forja's probability calibration (forja-learn calibrate/).

Platt scaling: scikit-learn's _sigmoid_calibration (Platt 2000 with Lin et al.'s target smoothing)
fitted on the log-odds of the uncalibrated probability, which is what Forja feeds it.
Isotonic: scikit-learn's IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip").
Run once with Debian's python3-sklearn; the output is committed as calibration/cases.json.
"""
import json
import numpy as np
from sklearn.calibration import _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression

rng = np.random.default_rng(7)
cases = []


def case(name, p, y):
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=int)
    logit = np.log(np.clip(p, 1e-15, 1 - 1e-15) / (1 - np.clip(p, 1e-15, 1 - 1e-15)))
    a, b = _sigmoid_calibration(logit, y)
    iso = IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip").fit(p, y)
    queries = np.concatenate([[-0.1, 0.0, 1.0, 1.2], np.linspace(0.01, 0.99, 25), p[:10]])
    cases.append({
        "name": name, "probability": p.tolist(), "label": y.tolist(),
        "platt": {"a": float(a), "b": float(b)},
        "queries": queries.tolist(), "isotonic": iso.predict(queries).tolist(),
    })


# an over-confident model: true log-odds are half what it says
z = rng.normal(0, 2, 400)
case("overconfident", 1 / (1 + np.exp(-2 * z)), (rng.random(400) < 1 / (1 + np.exp(-z))).astype(int))
# an under-confident, shifted model
z = rng.normal(0, 2, 300)
case("underconfident_shifted", 1 / (1 + np.exp(-(0.4 * z - 0.5))), (rng.random(300) < 1 / (1 + np.exp(-z))).astype(int))
# heavy ties: scores rounded to one decimal, as a shallow tree gives
z = rng.normal(0, 1.5, 250)
case("ties", np.round(1 / (1 + np.exp(-z)), 1), (rng.random(250) < 1 / (1 + np.exp(-z))).astype(int))
# tiny and separable
case("separable", [0.1, 0.2, 0.3, 0.7, 0.8, 0.9], [0, 0, 0, 1, 1, 1])

print(json.dumps({"sklearn": __import__("sklearn").__version__, "cases": cases}))
