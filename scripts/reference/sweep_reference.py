"""Reference values of the threshold sweep and of the curves `mlguide evaluate --score` reports.

Run from the repository root with Debian's Python (the one that has python3-sklearn):

    /usr/bin/python3 scripts/reference/sweep_reference.py

Writes test/fixtures/reference/threshold-sweep.json, which test/unit/cliJobs.test.ts and
test/unit/metrics.test.ts compare mlguide with:

- `sweep`: 400 rows whose labels and scores come from integer formulas (scores are exact ratios
  k / 131, with ties). For each threshold t of a list, of an 11-point grid and of every distinct
  score: the confusion counts of (score >= t), precision, recall, F1 and F-beta (beta 0.5 and 2)
  from `precision_recall_fscore_support(average='binary', zero_division=0 and 1)`; and at the
  distinct scores, what `precision_recall_curve` and `roc_curve(drop_intermediate=False)` give
  there, which the sweep must equal.
- `large`: 20,000 rows from integer formulas (the formula is repeated in the tests), whose curves
  have far more than 1,000 points: ROC AUC, average precision and the full curves' point counts
  and endpoints, for the thinned curves' tests.
"""

import json
import platform
from pathlib import Path

import numpy as np
import sklearn
from sklearn import metrics as M

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test" / "fixtures" / "reference" / "threshold-sweep.json"
BETAS = (0.5, 2.0)


def sweep_data():
    """400 rows: about 30 % positives; scores k / 131, positives shifted up by 30 / 131."""
    y, scores = [], []
    for i in range(400):
        positive = (i * 37) % 100 < 30
        y.append("yes" if positive else "no")
        scores.append(((i * 7919) % 101 + (30 if positive else 0)) / 131)
    return y, scores


def large_data():
    """20,000 rows: score r / 19997 with r = 7919·i mod 19997; positive when r + (104729·i mod 9973) > 16000."""
    y, scores = [], []
    for i in range(20000):
        r = (i * 7919) % 19997
        y.append("yes" if r + (i * 104729) % 9973 > 16000 else "no")
        scores.append(r / 19997)
    return y, scores


def point(yb, s, t):
    yhat = (s >= t).astype(int)
    tn, fp, fn, tp = M.confusion_matrix(yb, yhat, labels=[0, 1]).ravel()
    row = {"threshold": float(t), "tp": int(tp), "fp": int(fp), "fn": int(fn), "tn": int(tn)}
    for zd in (0, 1):
        p, r, f1, _ = M.precision_recall_fscore_support(yb, yhat, average="binary", zero_division=zd)
        scores = {"precision": float(p), "recall": float(r), "f1": float(f1)}
        for beta in BETAS:
            _, _, fb, _ = M.precision_recall_fscore_support(
                yb, yhat, average="binary", beta=beta, zero_division=zd
            )
            scores[f"fbeta{beta:g}"] = float(fb)
        row[f"zd{zd}"] = scores
    return row


def sweep_case():
    y, scores = sweep_data()
    yb = np.array([1 if v == "yes" else 0 for v in y])
    s = np.array(scores, dtype=np.float64)
    listed = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.5]
    grid = [i / 10 for i in range(11)]
    precision, recall, pr_thresholds = M.precision_recall_curve(yb, s)
    fpr, tpr, roc_thresholds = M.roc_curve(yb, s, drop_intermediate=False)
    # roc_curve's first threshold is max + 1 (no row positive); the others are the distinct scores, decreasing.
    roc_at = {float(t): (float(f), float(r)) for f, r, t in zip(fpr[1:], tpr[1:], roc_thresholds[1:])}
    curve = [
        {
            "threshold": float(t),
            "precision": float(p),
            "recall": float(r),
            "fpr": roc_at[float(t)][0],
            "tpr": roc_at[float(t)][1],
        }
        for p, r, t in zip(precision[:-1], recall[:-1], pr_thresholds)
    ]
    return {
        "yTrue": y,
        "scores": [float(v) for v in s],
        "positive": "yes",
        "betas": list(BETAS),
        "listed": [point(yb, s, t) for t in listed],
        "grid": [point(yb, s, t) for t in grid],
        "curve": curve,
    }


def large_case():
    y, scores = large_data()
    yb = np.array([1 if v == "yes" else 0 for v in y])
    s = np.array(scores, dtype=np.float64)
    fpr, tpr, roc_thresholds = M.roc_curve(yb, s)
    precision, recall, pr_thresholds = M.precision_recall_curve(yb, s)
    return {
        "rows": len(y),
        "positives": int(yb.sum()),
        "roc_auc": float(M.roc_auc_score(yb, s)),
        "average_precision": float(M.average_precision_score(yb, s)),
        "roc_curve": {
            "points": len(fpr),
            "first": [float(fpr[0]), float(tpr[0]), float(roc_thresholds[0])],
            "last": [float(fpr[-1]), float(tpr[-1]), float(roc_thresholds[-1])],
        },
        "precision_recall_curve": {
            "points": len(precision),
            "first": [float(precision[0]), float(recall[0]), float(pr_thresholds[0])],
            "last": [float(precision[-1]), float(recall[-1])],
        },
    }


def main():
    reference = {
        "generatedBy": "scripts/reference/sweep_reference.py",
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "sweep": sweep_case(),
        "large": large_case(),
    }
    OUTPUT.write_text(json.dumps(reference, indent=1) + "\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
