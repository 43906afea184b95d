"""Reference values for Forja's drift statistics (forja-serve monitor/drift).

Two-sample Kolmogorov-Smirnov statistic and p-value: scipy.stats.ks_2samp (method="auto": exact
below 10,000 rows per side, asymptotic above). Chi-square: scipy.stats.chi2_contingency on the
2 x K table of reference and current category counts, without Yates' correction. Jensen-Shannon
distance: scipy.spatial.distance.jensenshannon in base 2. PSI has no scipy function: it is computed
here with numpy from its definition on the reference's decile bins, empty bins counted as 0.0001.
Run once with Debian's python3-scipy; the output is committed as drift/cases.json.
"""
import json
import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

rng = np.random.default_rng(11)
EPS = 1e-4


def decile_edges(v):
    v = np.sort(v[~np.isnan(v)])
    edges = []
    for q in range(1, 10):
        e = np.percentile(v, q * 10)  # linear interpolation, as Forja's reference statistics
        if not edges or e > edges[-1]:
            edges.append(float(e))
    return edges


def shares(v, edges):
    v = v[~np.isnan(v)]
    # bin i holds (edge[i-1], edge[i]]: searchsorted left gives exactly that
    idx = np.searchsorted(np.array(edges), v, side="left")
    counts = np.bincount(idx, minlength=len(edges) + 1)
    return counts / max(len(v), 1)


def psi(expected, actual):
    e = np.where(expected == 0, EPS, expected)
    a = np.where(actual == 0, EPS, actual)
    return float(np.sum((a - e) * np.log(a / e)))


numeric = []


def numeric_case(name, ref, cur):
    edges = decile_edges(ref)
    e = shares(ref, edges)
    a = shares(cur, edges)
    r = ref[~np.isnan(ref)]
    c = cur[~np.isnan(cur)]
    ks = stats.ks_2samp(r, c) if len(r) and len(c) else None
    numeric.append({
        "name": name, "reference": [None if np.isnan(x) else float(x) for x in ref],
        "current": [None if np.isnan(x) else float(x) for x in cur],
        "edges": edges, "reference_shares": e.tolist(), "current_shares": a.tolist(), "psi": psi(e, a),
        "ks_statistic": None if ks is None else float(ks.statistic), "ks_p_value": None if ks is None else float(ks.pvalue),
    })


numeric_case("small_shift", rng.normal(0, 1, 50), rng.normal(0.5, 1, 60))
numeric_case("same_distribution", rng.normal(3, 2, 800), rng.normal(3, 2, 700))
numeric_case("exact_regime_shift", rng.normal(0, 1, 3000), rng.normal(0.1, 1.1, 2000))
numeric_case("asymptotic_regime", rng.exponential(1, 12000), rng.exponential(1.05, 10500))
numeric_case("integer_ties", rng.integers(0, 5, 400).astype(float), rng.integers(0, 6, 300).astype(float))
numeric_case("single_value_reference", np.full(200, 7.0), np.concatenate([np.full(150, 7.0), np.full(50, 8.0)]))
with_missing = rng.normal(0, 1, 500)
with_missing[rng.random(500) < 0.1] = np.nan
current_missing = rng.normal(0.2, 1, 400)
current_missing[rng.random(400) < 0.3] = np.nan
numeric_case("missing_values", with_missing, current_missing)
numeric_case("out_of_range", rng.uniform(0, 1, 300), rng.uniform(0.5, 1.5, 300))

categorical = []


def categorical_case(name, ref, cur):
    levels = sorted(set(ref) | set(cur))
    rc = np.array([ref.count(x) for x in levels], dtype=float)
    cc = np.array([cur.count(x) for x in levels], dtype=float)
    chi2, p, dof, _ = stats.chi2_contingency(np.vstack([rc, cc]), correction=False)
    js = distance.jensenshannon(rc / rc.sum(), cc / cc.sum(), base=2)
    e = rc / rc.sum()
    a = cc / cc.sum()
    categorical.append({"name": name, "reference": ref, "current": cur, "chi2_statistic": float(chi2), "chi2_p_value": float(p),
                        "chi2_dof": int(dof), "js_distance": float(js), "psi": psi(e, a),
                        "unseen_rate": float(sum(1 for x in cur if x not in set(ref)) / len(cur))})


def draw(levels, p, n):
    return [str(x) for x in rng.choice(levels, size=n, p=p)]


categorical_case("stable", draw(["a", "b", "c"], [0.5, 0.3, 0.2], 1000), draw(["a", "b", "c"], [0.5, 0.3, 0.2], 800))
categorical_case("shifted", draw(["a", "b", "c", "d"], [0.4, 0.3, 0.2, 0.1], 600), draw(["a", "b", "c", "d"], [0.2, 0.3, 0.2, 0.3], 500))
categorical_case("unseen_category", draw(["x", "y"], [0.7, 0.3], 300), draw(["x", "y", "z"], [0.5, 0.3, 0.2], 300))
categorical_case("two_levels", draw(["yes", "no"], [0.5, 0.5], 100), draw(["yes", "no"], [0.6, 0.4], 120))

print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "numeric": numeric, "categorical": categorical}))
