"""Reference values of every metric in core/src/metrics, computed with scikit-learn.

Run from the repository root with Debian's Python (the one that has python3-sklearn):

    /usr/bin/python3 scripts/reference/metrics_reference.py

It builds a fixed set of named cases (the data come from seeded numpy RandomState generators, so a
rerun writes the same file) and writes test/fixtures/reference/metrics.json: each case's inputs,
the options it was evaluated with, and what scikit-learn returns for every metric: the value, the
warnings it raised (UserWarning and its subclass UndefinedMetricWarning, message text), or the
error it raised instead of a value. test/unit/metrics.reference.test.ts compares mlguide's metrics
with it.

Numbers that JSON cannot hold are written as the strings "NaN", "Infinity" and "-Infinity".
Classification labels are strings; a case marked `numericLabels` hands sklearn the labels as
integers, as pandas would read such a column, so that their order is numeric.
"""

import json
import math
import platform
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn import metrics as M

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test" / "fixtures" / "reference" / "metrics.json"
AVERAGES = ("micro", "macro", "weighted")


def number(value):
    """A float as JSON: finite floats as numbers, the others as strings."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def numbers(values):
    return [number(v) for v in values]


def capture(compute):
    """Runs `compute`, recording its value, its UserWarnings (deduplicated, in order) or its error."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value, error = compute(), None
        except ValueError as exc:
            value, error = None, str(exc)
    messages = []
    for item in caught:
        text = str(item.message)
        if issubclass(item.category, UserWarning) and text not in messages:
            messages.append(text)
    result = {}
    if error is None:
        if np.ndim(value) == 0:
            result["value"] = number(value)
        elif np.ndim(value) == 1:
            result["value"] = numbers(value)
        else:
            result["value"] = [[int(c) for c in row] for row in value]
    else:
        result["error"] = error
    if messages:
        result["warnings"] = messages
    return result


# ---------------------------------------------------------------------------------------------
# Classification from labels


def classification_case(name, description, y_true, y_pred, **options):
    """Every label metric of one case. `options`: labels, positive, beta, zeroDivision,
    kappaWeights, numericLabels (sklearn sees the labels as ints)."""
    numeric = options.get("numericLabels", False)
    conv = (lambda xs: [int(x) for x in xs]) if numeric else (lambda xs: list(xs))
    conv1 = (lambda x: int(x)) if numeric else (lambda x: x)
    yt, yp = conv(y_true), conv(y_pred)
    labels = options.get("labels")
    sk_labels = conv(labels) if labels is not None else None
    positive = options.get("positive")
    beta = options.get("beta")
    zd = options.get("zeroDivision", "warn")
    kappa_weights = options.get("kappaWeights")

    all_labels = sorted(set(yt) | set(yp))
    metrics = {
        "accuracy": capture(lambda: M.accuracy_score(yt, yp)),
        "balanced_accuracy": capture(lambda: M.balanced_accuracy_score(yt, yp)),
        "cohen_kappa": capture(lambda: M.cohen_kappa_score(yt, yp, labels=sk_labels, weights=kappa_weights)),
        "matthews_corrcoef": capture(lambda: M.matthews_corrcoef(yt, yp)),
    }
    scorers = [("precision", M.precision_score, {}), ("recall", M.recall_score, {}), ("f1", M.f1_score, {})]
    if beta is not None:
        scorers.append(("fbeta", M.fbeta_score, {"beta": beta}))
    for key, scorer, extra in scorers:
        for average in AVERAGES:
            metrics[f"{key}_{average}"] = capture(
                lambda: scorer(yt, yp, labels=sk_labels, average=average, zero_division=zd, **extra)
            )
        if positive is not None:
            metrics[key] = capture(
                lambda: scorer(yt, yp, average="binary", pos_label=conv1(positive), zero_division=zd, **extra)
            )

    per_class = []
    for label in sk_labels if sk_labels is not None else all_labels:
        entry = {"label": str(label), "support": int(sum(1 for y in yt if y == label))}
        for key, scorer, extra in scorers:
            entry[key] = capture(
                lambda: scorer(yt, yp, labels=[label], average=None, zero_division=zd, **extra)[0]
            )
        per_class.append(entry)

    case = {
        "name": name,
        "description": description,
        "yTrue": list(y_true),
        "yPred": list(y_pred),
        "options": {k: v for k, v in options.items()},
        "labels": [str(x) for x in all_labels],
        "confusion_matrix": M.confusion_matrix(yt, yp).tolist(),
        "metrics": metrics,
        "perClass": per_class,
    }
    if sk_labels is not None:
        case["confusion_matrix_with_labels"] = capture(lambda: M.confusion_matrix(yt, yp, labels=sk_labels))
    return case


def draw_labels(rng, classes, n, probabilities=None):
    return [str(x) for x in rng.choice(classes, size=n, p=probabilities)]


def noisy_predictions(rng, y_true, classes, accuracy):
    """Each prediction is right with probability `accuracy`, else another class at random."""
    out = []
    for y in y_true:
        if rng.random_sample() < accuracy:
            out.append(y)
        else:
            out.append(str(rng.choice([c for c in classes if c != y])))
    return out


def classification_cases():
    cases = []
    rng = np.random.RandomState(11)
    yt = draw_labels(rng, ["no", "yes"], 40)
    yp = noisy_predictions(rng, yt, ["no", "yes"], 0.75)
    cases.append(classification_case("binary", "two classes, 40 rows, about 75 % right", yt, yp, positive="yes", beta=2))
    cases.append(
        classification_case("binary-positive-no", "the same rows, with the other label as positive", yt, yp, positive="no")
    )

    rng = np.random.RandomState(12)
    classes = ["bird", "cat", "dog"]
    yt = draw_labels(rng, classes, 60)
    yp = noisy_predictions(rng, yt, classes, 0.7)
    cases.append(classification_case("multiclass", "three classes, 60 rows", yt, yp, beta=0.5))
    cases.append(
        classification_case("multiclass-kappa-linear", "three classes, linear-weighted kappa", yt, yp, kappaWeights="linear")
    )
    cases.append(
        classification_case(
            "multiclass-kappa-quadratic", "three classes, quadratic-weighted kappa", yt, yp, kappaWeights="quadratic"
        )
    )

    rng = np.random.RandomState(13)
    classes = ["a", "b", "c", "d", "e"]
    yt = draw_labels(rng, classes, 1000, [0.4, 0.3, 0.15, 0.1, 0.05])
    yp = noisy_predictions(rng, yt, classes, 0.8)
    cases.append(classification_case("multiclass-1000", "five classes, 1000 rows, unequal shares", yt, yp, beta=3))

    rng = np.random.RandomState(14)
    yt = draw_labels(rng, ["neg", "pos"], 200, [0.95, 0.05])
    yp = noisy_predictions(rng, yt, ["neg", "pos"], 0.9)
    cases.append(classification_case("imbalanced", "binary, 5 % positives, 200 rows", yt, yp, positive="pos", beta=2))

    # A class that is never predicted; and one predicted but never true.
    yt = ["a", "a", "a", "b", "b", "c", "c", "c", "c", "a"]
    yp = ["a", "b", "a", "b", "a", "a", "b", "b", "a", "a"]
    for zd in ("warn", 0, 1):
        cases.append(
            classification_case(
                f"never-predicted-zd-{zd}", "class c is in y_true but never predicted", yt, yp, beta=2, zeroDivision=zd
            )
        )
    cases.append(
        classification_case(
            "labels-single-never-predicted",
            "labels name one class, never predicted: a one-label average (sklearn words it 'due to')",
            yt,
            yp,
            labels=["c"],
        )
    )
    yt = ["a", "a", "b", "b", "b", "a", "b", "a"]
    yp = ["a", "c", "b", "c", "b", "a", "a", "a"]
    for zd in ("warn", 0, 1):
        cases.append(
            classification_case(
                f"never-true-zd-{zd}", "class c is predicted but never in y_true", yt, yp, beta=2, zeroDivision=zd
            )
        )
    cases.append(
        classification_case(
            "labels-with-absent-class",
            "labels list a class (z) that is neither true nor predicted",
            yt,
            yp,
            labels=["a", "b", "c", "z"],
            beta=2,
        )
    )
    cases.append(
        classification_case(
            "labels-with-absent-class-zd-1", "as above, zero_division=1", yt, yp, labels=["a", "b", "c", "z"], zeroDivision=1
        )
    )
    cases.append(
        classification_case(
            "labels-subset",
            "labels leave a class out (averages over b and c only; kappa over their rows)",
            yt,
            yp,
            labels=["c", "b"],
            kappaWeights="linear",
        )
    )
    cases.append(
        classification_case(
            "labels-only-absent-true",
            "labels name only a class never true: weighted averages have zero total weight",
            yt,
            yp,
            labels=["c"],
            zeroDivision=1,
        )
    )

    rng = np.random.RandomState(15)
    classes = ["x", "y", "z"]
    yt = draw_labels(rng, classes, 30)
    cases.append(classification_case("perfect", "every prediction right", yt, list(yt), beta=2))
    yt = draw_labels(rng, ["0", "1"], 30)
    yp = ["1" if y == "0" else "0" for y in yt]
    cases.append(classification_case("all-wrong", "every prediction wrong (binary)", yt, yp, positive="1", beta=2))
    yt = draw_labels(rng, classes, 30)
    yp = [{"x": "y", "y": "z", "z": "x"}[y] for y in yt]
    cases.append(classification_case("all-wrong-multiclass", "every prediction wrong (three classes)", yt, yp))

    cases.append(classification_case("tiny-1", "a single row", ["a"], ["a"]))
    cases.append(classification_case("tiny-1-wrong", "a single wrong row", ["a"], ["b"], positive="b"))
    cases.append(classification_case("tiny-2", "two rows", ["a", "b"], ["b", "b"], positive="a"))
    cases.append(
        classification_case("one-class", "every row the same class, predicted right", ["k"] * 5, ["k"] * 5, positive="k")
    )
    cases.append(
        classification_case(
            "positive-never-seen",
            "binary average with a positive label that appears nowhere (a single other label)",
            ["no"] * 4,
            ["no"] * 4,
            positive="yes",
        )
    )
    yt = ["10", "2", "1", "2", "10", "1", "1", "2", "10", "10"]
    yp = ["2", "2", "1", "10", "10", "1", "2", "2", "10", "1"]
    cases.append(
        classification_case(
            "numeric-labels",
            "labels that are numbers sort numerically (1, 2, 10), as sklearn sorts a pandas int column",
            yt,
            yp,
            numericLabels=True,
            kappaWeights="quadratic",
        )
    )
    return cases


# ---------------------------------------------------------------------------------------------
# Binary scores


def binary_scores_case(name, description, y_true, scores, positive, sweep):
    yb = np.array([1 if y == positive else 0 for y in y_true])
    s = np.array(scores, dtype=np.float64)

    roc = {}
    for key, drop in (("roc_curve", True), ("roc_curve_all", False)):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fpr, tpr, thresholds = M.roc_curve(yb, s, drop_intermediate=drop)
        record = {"fpr": numbers(fpr), "tpr": numbers(tpr), "thresholds": numbers(thresholds)}
        messages = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
        if messages:
            record["warnings"] = messages
        roc[key] = record
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        precision, recall, thresholds = M.precision_recall_curve(yb, s)
    pr = {"precision": numbers(precision), "recall": numbers(recall), "thresholds": numbers(thresholds)}
    messages = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    if messages:
        pr["warnings"] = messages

    rows = []
    for t in sweep:
        yhat = (s >= t).astype(int)
        tn, fp, fn, tp = M.confusion_matrix(yb, yhat, labels=[0, 1]).ravel()
        row = {"threshold": t, "tp": int(tp), "fp": int(fp), "fn": int(fn), "tn": int(tn)}
        for zd in (0, 1):
            p, r, f, _ = M.precision_recall_fscore_support(yb, yhat, average="binary", pos_label=1, zero_division=zd)
            row[f"zd{zd}"] = {"precision": number(p), "recall": number(r), "f1": number(f)}
        row["fpr"] = number(fp / (fp + tn)) if fp + tn > 0 else "NaN"
        row["accuracy"] = number(M.accuracy_score(yb, yhat))
        rows.append(row)

    return {
        "name": name,
        "description": description,
        "yTrue": list(y_true),
        "scores": numbers(s),
        "positive": positive,
        "roc_auc": capture(lambda: M.roc_auc_score(yb, s)),
        "average_precision": capture(lambda: M.average_precision_score(yb, s)),
        "log_loss": capture(lambda: M.log_loss(yb, s, labels=[0, 1])),
        **roc,
        "precision_recall_curve": pr,
        "sweep": rows,
    }


def binary_scores_cases():
    cases = []
    default_sweep = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.5]

    rng = np.random.RandomState(21)
    y = rng.random_sample(50) < 0.4
    scores = np.clip(0.3 * y + rng.random_sample(50) * 0.7, 0, 1)
    yt = ["yes" if v else "no" for v in y]
    cases.append(binary_scores_case("binary", "50 rows, distinct scores", yt, scores, "yes", default_sweep))

    rng = np.random.RandomState(22)
    y = rng.random_sample(80) < 0.5
    scores = np.round(0.25 * y + rng.random_sample(80) * 0.75, 1)
    yt = ["1" if v else "0" for v in y]
    cases.append(
        binary_scores_case(
            "ties", "80 rows, scores rounded to one decimal: many ties", yt, scores, "1", [0.0, 0.3, 0.5, 0.6, 0.7, 1.0]
        )
    )
    cases.append(
        binary_scores_case(
            "all-tied", "every score the same", ["a", "b", "a", "b", "b"], [0.5] * 5, "b", [0.4, 0.5, 0.6]
        )
    )
    rng = np.random.RandomState(23)
    y = rng.random_sample(300) < 0.05
    scores = np.clip(0.35 * y + rng.beta(2, 5, 300), 0, 1)
    yt = ["pos" if v else "neg" for v in y]
    cases.append(binary_scores_case("imbalanced", "300 rows, 5 % positives", yt, scores, "pos", default_sweep))
    cases.append(
        binary_scores_case(
            "perfect", "scores separate the classes", ["n", "n", "p", "p", "n"], [0.1, 0.2, 0.9, 0.8, 0.3], "p", default_sweep
        )
    )
    cases.append(
        binary_scores_case(
            "inverted", "scores rank every negative above every positive", ["n", "n", "p", "p"], [0.9, 0.8, 0.1, 0.2], "p", [0.5]
        )
    )
    cases.append(
        binary_scores_case(
            "extreme-probabilities",
            "probabilities of exactly 0 and 1 (log loss clips them with float64 eps)",
            ["n", "p", "p", "n", "p"],
            [0.0, 1.0, 0.0, 1.0, 0.7],
            "p",
            [0.0, 1.0],
        )
    )
    cases.append(
        binary_scores_case(
            "collinear", "points on one line on the ROC curve (dropped by drop_intermediate)",
            ["p", "n", "p", "n", "p", "n", "n", "p"],
            [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2],
            "p",
            [0.45],
        )
    )
    cases.append(
        binary_scores_case("no-positives", "y_true has no positive row", ["n", "n", "n"], [0.1, 0.4, 0.3], "p", [0.2, 0.5])
    )
    cases.append(
        binary_scores_case("no-negatives", "y_true has no negative row", ["p", "p", "p"], [0.1, 0.4, 0.3], "p", [0.2])
    )
    cases.append(binary_scores_case("tiny-2", "two rows", ["n", "p"], [0.3, 0.6], "p", [0.5]))
    cases.append(
        binary_scores_case(
            "scores-not-probabilities", "decision-function scores outside [0, 1] (log loss clips them)",
            ["n", "p", "p", "n", "p", "n"],
            [-2.5, 3.0, 0.5, -0.1, 1.2, 0.5],
            "p",
            [-1.0, 0.0, 0.5, 2.0],
        )
    )
    return cases


# ---------------------------------------------------------------------------------------------
# Multiclass scores


def multiclass_scores_case(name, description, y_true, labels, columns):
    """`labels` sorted (sklearn wants them so); `columns[i]` is the score of labels[i]."""
    matrix = np.array(columns, dtype=np.float64).T
    per_class = []
    for i, label in enumerate(labels):
        yb = np.array([1 if y == label else 0 for y in y_true])
        per_class.append({"label": label, "roc_auc": capture(lambda: M.roc_auc_score(yb, matrix[:, i]))})
    return {
        "name": name,
        "description": description,
        "yTrue": list(y_true),
        "labels": list(labels),
        "columns": [numbers(c) for c in columns],
        "roc_auc_ovr": capture(
            lambda: M.roc_auc_score(y_true, matrix, multi_class="ovr", average="macro", labels=labels)
        ),
        "log_loss": capture(lambda: M.log_loss(y_true, matrix, labels=labels)),
        "perClass": per_class,
    }


def softmax_rows(rng, y_true, labels, strength, decimals=None):
    logits = rng.normal(size=(len(y_true), len(labels)))
    for row, y in enumerate(y_true):
        logits[row, labels.index(y)] += strength
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    if decimals is not None:
        p = np.round(p, decimals)
    return [list(p[:, i]) for i in range(len(labels))]


def vote_rows(rng, y_true, labels, votes):
    """Scores that are shares of `votes` votes (k / votes): rows sum to 1 and scores tie often."""
    columns = [[] for _ in labels]
    for y in y_true:
        p = np.full(len(labels), 1.0)
        p[labels.index(y)] += 2.0
        counts = rng.multinomial(votes, p / p.sum())
        for i, count in enumerate(counts):
            columns[i].append(count / votes)
    return columns


def multiclass_scores_cases():
    cases = []
    rng = np.random.RandomState(31)
    labels = ["bird", "cat", "dog"]
    yt = draw_labels(rng, labels, 90)
    cases.append(multiclass_scores_case("three-classes", "90 rows, softmax scores", yt, labels, softmax_rows(rng, yt, labels, 1.5)))
    rng = np.random.RandomState(32)
    labels = ["a", "b", "c", "d"]
    yt = draw_labels(rng, labels, 400, [0.55, 0.25, 0.15, 0.05])
    cases.append(
        multiclass_scores_case(
            "four-classes-ties", "400 rows, unequal shares, scores in steps of 1/20 (many ties)",
            yt, labels, vote_rows(rng, yt, labels, 20),
        )
    )
    cases.append(
        multiclass_scores_case(
            "rounded-not-summing-to-one", "scores rounded to 2 decimals: rows no longer sum to 1 within 1e-5",
            yt, labels, softmax_rows(rng, yt, labels, 1.0, decimals=2),
        )
    )
    yt = ["a", "b", "c", "a", "b", "c"]
    cases.append(
        multiclass_scores_case(
            "perfect", "each row's own class has all the probability", yt, ["a", "b", "c"],
            [[1.0 if y == label else 0.0 for y in yt] for label in ["a", "b", "c"]],
        )
    )
    yt = ["a", "b", "a", "b", "a"]
    cases.append(
        multiclass_scores_case(
            "class-never-true", "a score column for class c, which is never true", yt, ["a", "b", "c"],
            [[0.5, 0.2, 0.6, 0.1, 0.4], [0.3, 0.6, 0.2, 0.8, 0.3], [0.2, 0.2, 0.2, 0.1, 0.3]],
        )
    )
    yt = ["a", "b", "c", "a"]
    cases.append(
        multiclass_scores_case(
            "not-probabilities", "rows do not sum to 1", yt, ["a", "b", "c"],
            [[0.9, 0.1, 0.1, 0.8], [0.5, 0.9, 0.1, 0.1], [0.1, 0.1, 0.9, 0.1]],
        )
    )
    return cases


# ---------------------------------------------------------------------------------------------
# Regression


def regression_case(name, description, y_true, y_pred):
    yt = np.array(y_true, dtype=np.float64)
    yp = np.array(y_pred, dtype=np.float64)
    return {
        "name": name,
        "description": description,
        "yTrue": numbers(yt),
        "yPred": numbers(yp),
        "metrics": {
            "mean_absolute_error": capture(lambda: M.mean_absolute_error(yt, yp)),
            "mean_squared_error": capture(lambda: M.mean_squared_error(yt, yp)),
            "root_mean_squared_error": capture(lambda: M.mean_squared_error(yt, yp, squared=False)),
            "r2": capture(lambda: M.r2_score(yt, yp)),
            "mean_absolute_percentage_error": capture(lambda: M.mean_absolute_percentage_error(yt, yp)),
            "median_absolute_error": capture(lambda: M.median_absolute_error(yt, yp)),
        },
    }


def regression_cases():
    cases = []
    rng = np.random.RandomState(41)
    yt = rng.normal(10, 3, 50)
    cases.append(regression_case("basic", "50 rows, normal noise", yt, yt + rng.normal(0, 1, 50)))
    yt = rng.normal(0, 1, 51)
    cases.append(regression_case("odd-n", "51 rows (median of an odd count)", yt, 0.8 * yt + rng.normal(0, 0.5, 51)))
    yt = rng.lognormal(3, 1, 1000)
    cases.append(regression_case("skewed-1000", "1000 rows, log-normal target", yt, yt * rng.lognormal(0, 0.3, 1000)))
    yt = 1e6 + rng.normal(0, 1e-3, 40)
    cases.append(regression_case("large-offset", "values near 1e6 with tiny spread", yt, yt + rng.normal(0, 1e-3, 40)))
    cases.append(regression_case("constant-true-imperfect", "constant y_true, imperfect predictions: r2 forced to 0", [3.0] * 6, [3.0, 3.0, 2.5, 3.0, 3.5, 3.0]))
    cases.append(regression_case("constant-true-perfect", "constant y_true, perfect predictions: r2 forced to 1", [-2.0] * 4, [-2.0] * 4))
    cases.append(
        regression_case(
            "zeros-in-true", "y_true has zeros: MAPE divides by float64 eps there",
            [0.0, 1.5, 0.0, -2.0, 4.0, 0.0], [0.5, 1.0, 0.0, -2.5, 3.0, -1e-9],
        )
    )
    cases.append(regression_case("perfect", "every prediction exact", [1.0, 2.5, -3.0, 7.25], [1.0, 2.5, -3.0, 7.25]))
    cases.append(regression_case("tiny-1", "a single row: r2 undefined", [2.0], [1.0]))
    cases.append(regression_case("tiny-2", "two rows", [2.0, 4.0], [1.0, 5.0]))
    cases.append(regression_case("integers", "integer values, even count", [3, -1, 4, 1, 5, 9, 2, 6], [2, 0, 4, 3, 5, 7, 2, 8]))
    return cases


def main() -> None:
    reference = {
        "generatedBy": "scripts/reference/metrics_reference.py",
        "command": "/usr/bin/python3 scripts/reference/metrics_reference.py",
        "method": "sklearn.metrics with default arguments unless a case's options say otherwise; warnings are "
        "the UserWarning messages sklearn raised (deduplicated), errors the ValueError message",
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "classification": classification_cases(),
        "binaryScores": binary_scores_cases(),
        "multiclassScores": multiclass_scores_cases(),
        "regression": regression_cases(),
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(reference, indent=1) + "\n", encoding="utf-8")
    counts = {k: len(reference[k]) for k in ("classification", "binaryScores", "multiclassScores", "regression")}
    print(f"wrote {OUTPUT.relative_to(ROOT)} {counts}")


if __name__ == "__main__":
    main()
