#!/usr/bin/python3
"""Independent reference values for the example files of every format (forja-core's ExampleFilesTest).

Each file is summarised by pandas, read from the *source* it was derived from or with pandas' own
reader, never with Forja: rows, and per column the missing count, and the sum and mean of numeric
columns or the count of each level of categorical ones. Output: one JSON file per example under
forja-core/src/test/resources/reference/readers/.

    /usr/bin/python3 scripts/reference/readers_expected.py
"""
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
OUT = ROOT / "forja-core" / "src" / "test" / "resources" / "reference" / "readers"


def summary(df, numeric, levels, source, note):
    columns = {}
    for c in df.columns:
        entry = {"missing": int(df[c].isna().sum())}
        if c in numeric:
            values = df[c].astype("float64")
            entry["sum"] = float(np.nansum(values.to_numpy()))
            entry["mean"] = float(values.mean())
        if c in levels:
            counts = df[c].dropna().astype(str).value_counts()
            entry["levels"] = {k: int(v) for k, v in sorted(counts.items())}
        columns[c] = entry
    return {"source": source, "how": note, "rows": int(len(df)), "columns": columns}


def write(name, data):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(data, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


def auto_mpg():
    df = pd.read_csv(DATA / "auto_mpg.csv", na_values=["?"], keep_default_na=False)
    numeric = ["mpg", "cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year"]
    write("auto_mpg_arff.json", summary(df, numeric, ["origin"], "examples/data/auto_mpg.arff",
                                        "pandas.read_csv of auto_mpg.csv (the ARFF's source), '?' as missing"))


def sms_spam_words():
    # The vocabulary is the ARFF's attribute list; the counts are recomputed from the messages with a
    # regular expression per word, not with the generator's tokenizer.
    header = (DATA / "sms_spam_words.arff").read_text(encoding="utf-8")
    words = re.findall(r"^@attribute (\S+) numeric$", header, flags=re.MULTILINE)
    rows = int(re.search(r"The first (\d+) messages", header).group(1))
    sms = pd.read_csv(DATA / "sms_spam.csv", keep_default_na=False).head(rows)
    text = sms["message"].str.lower()
    df = pd.DataFrame({w: text.str.count(rf"(?<![a-z]){w}(?![a-z])") for w in words})
    df["label"] = sms["label"]
    write("sms_spam_words_arff.json", summary(df, words, ["label"], "examples/data/sms_spam_words.arff",
                                              "word counts recomputed by regex from the first messages of sms_spam.csv"))


def titanic():
    df = pd.read_json(DATA / "titanic.jsonl", lines=True, dtype=False)
    numeric = ["PassengerId", "Survived", "Pclass", "Age", "SibSp", "Parch", "Fare"]
    write("titanic_jsonl.json", summary(df, numeric, ["Sex", "Embarked", "Cabin", "Ticket"], "examples/data/titanic.jsonl",
                                        "pandas.read_json(lines=True) of titanic.jsonl itself"))


def bike_sharing_day():
    df = pd.read_csv(DATA / "bike_sharing_day.csv", keep_default_na=False)
    numeric = [c for c in df.columns if c != "dteday"]
    data = summary(df, numeric, [], "examples/data/bike_sharing_day.parquet",
                   "pandas.read_csv of bike_sharing_day.csv (the Parquet's source); dteday as epoch milliseconds (UTC)")
    days = pd.to_datetime(df["dteday"]).astype("int64") // 1_000_000
    data["columns"]["dteday"].update({"min": int(days.min()), "max": int(days.max()), "sum": float(days.sum())})
    write("bike_sharing_day_parquet.json", data)


def csv_files():
    # pandas.read_csv with Forja's default missing markers and nothing else (keep_default_na=False,
    # so pandas' longer default list does not apply), numbers as pandas infers them.
    markers = ["", "?", "NA", "N/A", "n/a", "null", "NULL", "NaN", "nan"]
    files = {
        "titanic.csv": ["Sex", "Embarked", "Cabin", "Ticket"],
        "auto_mpg.csv": ["car_name"],
        "adult.csv.gz": ["workclass", "education", "marital_status", "occupation", "relationship", "race", "sex",
                         "native_country", "income"],
        "sms_spam.csv": ["label"],
        "bike_sharing_day.csv": [],
    }
    for name, levels in files.items():
        df = pd.read_csv(DATA / name, na_values=markers, keep_default_na=False)
        numeric = [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c])]
        stem = name.split(".")[0]
        write(f"{stem}_csv.json", summary(df, numeric, levels, f"examples/data/{name}",
                                          "pandas.read_csv with Forja's default missing markers"))


if __name__ == "__main__":
    csv_files()
    auto_mpg()
    sms_spam_words()
    titanic()
    bike_sharing_day()
