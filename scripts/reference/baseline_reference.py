"""Reference baselines on the real corpus, computed with scikit-learn's DummyClassifier/Regressor.

Run from the repository root (with the shared corpus beside it, at ../shared):

    /usr/bin/python3 scripts/reference/baseline_reference.py

The split is deterministic and needs no random generator, so mlguide can make the same one: row i
(0-based, data rows) is in the test set when i % 5 == 4. For each case it fits the deterministic
strategies on the training rows and scores the test rows with scikit-learn's metrics, writing
test/fixtures/reference/baselines.json; test/unit/baseline.test.ts compares mlguide's baselines.
"""

import json
import platform
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn import metrics

ROOT = Path(__file__).resolve().parents[2]
CORPUS = (ROOT / ".." / "shared" / "corpus" / "csv").resolve()
OUTPUT = ROOT / "test" / "fixtures" / "reference" / "baselines.json"

CLASSIFICATION = [("iris.csv", "species"), ("penguins.csv", "island"), ("tips.csv", "smoker"), ("tips.csv", "day")]
REGRESSION = [("tips.csv", "tip"), ("diamonds.csv", "price")]


def split(frame):
    test = np.arange(len(frame)) % 5 == 4
    return frame[~test], frame[test]


def classification(file, target):
    frame = pd.read_csv(CORPUS / file)
    frame[target] = frame[target].astype(str)
    train, test = split(frame)
    results = {}
    for strategy in ["most_frequent", "prior"]:
        model = DummyClassifier(strategy=strategy).fit(np.zeros((len(train), 1)), train[target])
        predicted = model.predict(np.zeros((len(test), 1)))
        results[strategy] = {
            "classes": [str(c) for c in model.classes_],
            "priors": [float(p) for p in model.class_prior_],
            "accuracy": metrics.accuracy_score(test[target], predicted),
            "balanced_accuracy": metrics.balanced_accuracy_score(test[target], predicted),
            "f1_macro": metrics.f1_score(test[target], predicted, average="macro", zero_division=0),
            "f1_weighted": metrics.f1_score(test[target], predicted, average="weighted", zero_division=0),
        }
    return {"file": file, "target": target, "results": results}


def regression(file, target):
    frame = pd.read_csv(CORPUS / file)
    train, test = split(frame)
    results = {}
    for strategy in ["mean", "median"]:
        model = DummyRegressor(strategy=strategy).fit(np.zeros((len(train), 1)), train[target])
        predicted = model.predict(np.zeros((len(test), 1)))
        results[strategy] = {
            "value": float(model.constant_[0][0]),
            "mean_absolute_error": metrics.mean_absolute_error(test[target], predicted),
            "root_mean_squared_error": float(np.sqrt(metrics.mean_squared_error(test[target], predicted))),
            "r2": metrics.r2_score(test[target], predicted),
        }
    return {"file": file, "target": target, "results": results}


def main():
    reference = {
        "generated_by": "scripts/reference/baseline_reference.py",
        "versions": {"python": platform.python_version(), "sklearn": sklearn.__version__, "pandas": pd.__version__},
        "split": "test rows: data row index i with i % 5 == 4",
        "classification": [classification(f, t) for f, t in CLASSIFICATION],
        "regression": [regression(f, t) for f, t in REGRESSION],
    }
    OUTPUT.write_text(json.dumps(reference, indent=2) + "\n")


if __name__ == "__main__":
    main()
