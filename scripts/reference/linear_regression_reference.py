"""Reference values of mlguide's learned regression baseline, computed with scikit-learn.

Run from the repository root:

    /usr/bin/python3 scripts/reference/linear_regression_reference.py

On the penguins fixture of naive_bayes_reference.py (test/fixtures/baseline/), the target
body_mass_g is predicted by the pipeline mlguide documents (core/src/baseline/linearRegression.ts):
numeric features with missing values replaced by the training mean, categorical features one-hot
over the categories seen in training (a missing value, or one not seen in training, is no
category), then LinearRegression() with its defaults. A full one-hot encoding is collinear with
the intercept, so the fit is rank-deficient and lstsq's minimum-norm solution decides the
prediction of a row whose category was not seen in training: the second case (the test file with
every island renamed to one never seen, written as penguins-test-unseen-island.csv) checks that.
It writes test/fixtures/reference/linear-regression.json; test/unit/baselineLearned.test.ts
compares mlguide's predictions and metrics.
"""

import json
import platform
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "test" / "fixtures" / "baseline"
OUTPUT = ROOT / "test" / "fixtures" / "reference" / "linear-regression.json"

TARGET = "body_mass_g"
NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm"]
CATEGORICAL = ["species", "island", "sex"]


def write_unseen_island():
    test = pd.read_csv(FIXTURES / "penguins-test.csv", dtype=str, keep_default_na=False)
    test["island"] = "Atlantis"
    test.to_csv(FIXTURES / "penguins-test-unseen-island.csv", index=False)


def case(test_file):
    train = pd.read_csv(FIXTURES / "penguins-train.csv", dtype=str)
    test = pd.read_csv(FIXTURES / test_file, dtype=str)
    train = train[train[TARGET].notna()].reset_index(drop=True)
    test = test[test[TARGET].notna()].reset_index(drop=True)
    categories = [sorted(train[c].dropna().unique()) for c in CATEGORICAL]

    def features(frame):
        x = frame[NUMERIC + CATEGORICAL].copy()
        for c in NUMERIC:
            x[c] = x[c].astype(float)
        for c in CATEGORICAL:
            x[c] = x[c].fillna("\u0000missing")
        return x

    model = Pipeline(
        [
            (
                "prepare",
                ColumnTransformer(
                    [
                        ("numeric", SimpleImputer(strategy="mean"), NUMERIC),
                        ("categorical", OneHotEncoder(categories=categories, handle_unknown="ignore"), CATEGORICAL),
                    ]
                ),
            ),
            ("model", LinearRegression()),
        ]
    )
    y = train[TARGET].astype(float)
    model.fit(features(train), y)
    predicted = model.predict(features(test))
    truth = test[TARGET].astype(float)
    fitted = model.named_steps["model"]
    return {
        "test": test_file,
        "target": TARGET,
        "numeric": NUMERIC,
        "categorical": CATEGORICAL,
        "trainRows": len(train),
        "testRows": len(test),
        "rank": int(fitted.rank_),
        "width": int(len(fitted.coef_)),
        "predicted": [float(p) for p in predicted],
        "mean_absolute_error": metrics.mean_absolute_error(truth, predicted),
        "root_mean_squared_error": float(np.sqrt(metrics.mean_squared_error(truth, predicted))),
        "r2": metrics.r2_score(truth, predicted),
    }


def main():
    write_unseen_island()
    cases = [case("penguins-test.csv"), case("penguins-test-unseen-island.csv")]
    OUTPUT.write_text(
        json.dumps(
            {
                "generator": "scripts/reference/linear_regression_reference.py",
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
