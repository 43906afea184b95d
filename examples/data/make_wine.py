#!/usr/bin/env python3
"""Writes wine.csv from the copy of UCI's Wine data that scikit-learn bundles (Debian's python3-sklearn:
sklearn/datasets/data/wine_data.csv, whose first line is a count header instead of column names).

    python3 examples/data/make_wine.py /usr/lib/python3/dist-packages/sklearn/datasets/data/wine_data.csv

Values are copied unchanged; the header gets UCI's attribute names (snake_case) and the class column,
coded 0/1/2 in the source, becomes `cultivar` with the values cultivar_1..cultivar_3 (UCI's classes 1-3),
so that it reads as a label, not a number. Standard library only, deterministic.
"""
import csv
import sys
from pathlib import Path

NAMES = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols",
         "proanthocyanins", "color_intensity", "hue", "od280_od315_of_diluted_wines", "proline", "cultivar"]


def main(source):
    with open(source, newline="") as f:
        rows = list(csv.reader(f))[1:]
    out = Path(__file__).resolve().parent / "wine.csv"
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(NAMES)
        for r in rows:
            w.writerow(r[:-1] + ["cultivar_%d" % (int(r[-1]) + 1)])


if __name__ == "__main__":
    main(sys.argv[1])
