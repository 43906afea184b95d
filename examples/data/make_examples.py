#!/usr/bin/env python3
"""Derives the non-CSV example files from the CSV examples next to this script, so that every format
Forja reads has a real dataset to try (`forja profile examples/data/auto_mpg.arff --target mpg`).

Run from anywhere with the Python 3 standard library only:

    python3 examples/data/make_examples.py

It writes (deterministically: same inputs, same bytes):

* auto_mpg.arff          - auto_mpg.csv as dense ARFF: origin as the nominal {1,2,3}, car_name as a
                           string attribute, the 6 missing horsepower values as ?.
* sms_spam_words.arff    - the first 500 SMS messages of sms_spam.csv as sparse ARFF: counts of the 40
                           words that occur in most of those messages, plus the label {ham, spam}.
                           Sparse rows leave out zero counts and the label ham (its first declared
                           value), exactly as Weka's sparse format means them.
* titanic.jsonl          - titanic.csv as JSON lines, one passenger per line: numbers as JSON numbers
                           (written with the CSV's own digits), text as strings, a missing Age as an
                           absent key and a missing Cabin or Embarked as null.

The Parquet example (bike_sharing_day.parquet) is written by MakeParquet.java with DuckDB, since the
Python standard library has no Parquet writer.
"""
import csv
import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

SMS_ROWS = 500
SMS_WORDS = 40
WORD = re.compile(r"[a-z]+")
JSON_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")


def arff_quote(text):
    """Single-quoted ARFF value, with backslash escapes for backslashes and single quotes."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def write(path, text):
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {path.name}: {path.stat().st_size:,} bytes")


def auto_mpg():
    with open(HERE / "auto_mpg.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lines = [
        "% Auto MPG (Quinlan, 1993; UCI Machine Learning Repository, CC BY 4.0), from auto_mpg.csv.",
        "% origin: 1 = USA, 2 = Europe, 3 = Japan. model_year: 70-82 means 1970-1982.",
        "% horsepower is unknown (?) for 6 cars.",
        "@relation auto_mpg",
        "",
        "@attribute mpg numeric",
        "@attribute cylinders integer",
        "@attribute displacement numeric",
        "@attribute horsepower numeric",
        "@attribute weight numeric",
        "@attribute acceleration numeric",
        "@attribute model_year integer",
        "@attribute origin {1, 2, 3}",
        "@attribute car_name string",
        "",
        "@data",
    ]
    numeric = ["mpg", "cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year"]
    for r in rows:
        values = [r[c] if r[c] != "?" else "?" for c in numeric]
        values += [r["origin"], arff_quote(r["car_name"])]
        lines.append(",".join(values))
    write(HERE / "auto_mpg.arff", "\n".join(lines) + "\n")


def sms_words():
    with open(HERE / "sms_spam.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:SMS_ROWS]
    tokens = [WORD.findall(r["message"].lower()) for r in rows]
    document_frequency = Counter(w for t in tokens for w in set(t))
    # Most frequent first; ties by the word, so the choice is deterministic.
    vocabulary = [w for w, _ in sorted(document_frequency.items(), key=lambda kv: (-kv[1], kv[0]))[:SMS_WORDS]]
    lines = [
        f"% The first {SMS_ROWS} messages of the SMS Spam Collection v.1 (Almeida & Gomez Hidalgo, 2011;",
        "% UCI Machine Learning Repository, CC BY 4.0), from sms_spam.csv, as word counts: how often each of",
        f"% the {SMS_WORDS} words found in most of these messages occurs in a message (lower-cased, words = runs of a-z).",
        "% Sparse rows list only non-zero counts; a left-out label is ham, the first declared value.",
        "@relation sms_spam_words",
        "",
    ]
    lines += [f"@attribute {w} numeric" for w in vocabulary]
    lines += ["@attribute label {ham, spam}", "", "@data"]
    label_index = len(vocabulary)
    for r, t in zip(rows, tokens):
        counts = Counter(t)
        entries = [f"{i} {counts[w]}" for i, w in enumerate(vocabulary) if counts[w]]
        if r["label"] != "ham":
            entries.append(f"{label_index} {r['label']}")
        lines.append("{" + ", ".join(entries) + "}")
    write(HERE / "sms_spam_words.arff", "\n".join(lines) + "\n")


def titanic():
    numeric = {"PassengerId", "Survived", "Pclass", "Age", "SibSp", "Parch", "Fare"}
    with open(HERE / "titanic.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        columns = reader.fieldnames
        rows = list(reader)
    out = []
    for r in rows:
        record = []
        for c in columns:
            v = r[c]
            if c in numeric:
                if v == "":
                    if c == "Age":
                        continue  # an absent key: missing, as JSON writers often leave nulls out
                    record.append(f"{json.dumps(c)}: null")
                    continue
                if not JSON_NUMBER.fullmatch(v):
                    raise ValueError(f"{c}={v!r} is not a JSON number")
                record.append(f"{json.dumps(c)}: {v}")
            else:
                record.append(f"{json.dumps(c)}: {json.dumps(v, ensure_ascii=False) if v != '' else 'null'}")
        out.append("{" + ", ".join(record) + "}")
    write(HERE / "titanic.jsonl", "\n".join(out) + "\n")


if __name__ == "__main__":
    auto_mpg()
    sms_words()
    titanic()
