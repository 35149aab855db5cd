"""Reference values of mlguide's learned baseline, computed with scikit-learn's GaussianNB.

Run from the repository root:

    /usr/bin/python3 scripts/reference/naive_bayes_reference.py

The fixture is the real penguins data (seaborn's copy, in the shared corpus) with three columns
added that the learned baseline must leave out: an identifier (`penguin_id`), free text (`note`)
and a date (`observed`). Rows i % 5 == 4 (0-based) are the test file, the others the training
file; `--make-fixture` writes both into test/fixtures/baseline/ (done once; they are committed).

For each case the pipeline is the one mlguide documents (core/src/baseline/naiveBayes.ts):
numeric features with missing values replaced by the training mean, categorical features one-hot
over the categories seen in training (a missing value, or one not seen in training, is no
category), then GaussianNB() with its defaults. It writes test/fixtures/reference/naive-bayes.json;
test/unit/baselineLearned.test.ts compares mlguide's predictions, probabilities and metrics.
"""

import json
import platform
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.naive_bayes import GaussianNB
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

ROOT = Path(__file__).resolve().parents[2]
CORPUS = (ROOT / ".." / "shared" / "corpus" / "csv").resolve()
FIXTURES = ROOT / "test" / "fixtures" / "baseline"
OUTPUT = ROOT / "test" / "fixtures" / "reference" / "naive-bayes.json"

NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
CASES = [
    # target, categorical features, positive class (binary)
    ("species", ["island", "sex"], None),
    ("sex", ["species", "island"], "MALE"),
]


def make_fixture():
    frame = pd.read_csv(CORPUS / "penguins.csv", dtype=str, keep_default_na=False)
    n = len(frame)
    frame.insert(0, "penguin_id", [f"P{1000 + i}" for i in range(n)])
    frame["note"] = [f"seen near nest {i * 7 % 97} at {i % 24:02d}:{i * 13 % 60:02d}" for i in range(n)]
    frame["observed"] = [f"2008-{1 + i % 12:02d}-{1 + i * 5 % 28:02d}" for i in range(n)]
    test = np.arange(n) % 5 == 4
    FIXTURES.mkdir(parents=True, exist_ok=True)
    frame[~test].to_csv(FIXTURES / "penguins-train.csv", index=False)
    frame[test].to_csv(FIXTURES / "penguins-test.csv", index=False)


def case(target, categorical, positive):
    train = pd.read_csv(FIXTURES / "penguins-train.csv", dtype=str)
    test = pd.read_csv(FIXTURES / "penguins-test.csv", dtype=str)
    # Rows without a target are no examples (mlguide skips them too).
    train = train[train[target].notna()].reset_index(drop=True)
    test = test[test[target].notna()].reset_index(drop=True)
    categories = [sorted(train[c].dropna().unique()) for c in categorical]

    def features(frame):
        x = frame[NUMERIC + categorical].copy()
        for c in NUMERIC:
            x[c] = x[c].astype(float)
        for c in categorical:
            # A missing category is none of the known ones: all zeros, like an unknown one.
            x[c] = x[c].fillna("\u0000missing")
        return x

    model = Pipeline(
        [
            (
                "prepare",
                ColumnTransformer(
                    [
                        ("numeric", SimpleImputer(strategy="mean"), NUMERIC),
                        ("categorical", OneHotEncoder(categories=categories, handle_unknown="ignore"), categorical),
                    ]
                ),
            ),
            ("model", GaussianNB()),
        ]
    )
    model.fit(features(train), train[target])
    predicted = model.predict(features(test))
    proba = model.predict_proba(features(test))
    classes = [str(c) for c in model.classes_]
    truth = test[target]
    result = {
        "target": target,
        "numeric": NUMERIC,
        "categorical": categorical,
        "trainRows": len(train),
        "testRows": len(test),
        "classes": classes,
        "epsilon": float(model.named_steps["model"].epsilon_),
        "predicted": [str(p) for p in predicted],
        "proba": [[float(v) for v in row] for row in proba],
        "accuracy": metrics.accuracy_score(truth, predicted),
        "balanced_accuracy": metrics.balanced_accuracy_score(truth, predicted),
        "f1_macro": metrics.f1_score(truth, predicted, average="macro", zero_division=0),
    }
    if positive is not None:
        result["positive"] = positive
        result["roc_auc"] = metrics.roc_auc_score(truth == positive, proba[:, classes.index(positive)])
        result["log_loss"] = metrics.log_loss(truth == positive, proba[:, classes.index(positive)])
    return result


def main():
    if "--make-fixture" in sys.argv:
        make_fixture()
    cases = [case(*c) for c in CASES]
    OUTPUT.write_text(
        json.dumps(
            {
                "generator": "scripts/reference/naive_bayes_reference.py",
                "versions": {"python": platform.python_version(), "sklearn": sklearn.__version__, "pandas": pd.__version__},
                "cases": cases,
            },
            indent=1,
        )
        + "\n"
    )
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(cases)} cases")


if __name__ == "__main__":
    main()
