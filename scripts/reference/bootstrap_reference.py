"""Reference bootstrap intervals computed by SciPy, for mlguide's interval formulas.

Run from the repository root:

    /usr/bin/python3 scripts/reference/bootstrap_reference.py

SciPy draws its own resamples, so the test cannot compare whole bootstrap runs. It compares the
interval *formulas* instead: for each case this script runs `scipy.stats.bootstrap` with a fixed
seed, once with method='BCa' and once with method='percentile' (the same seed, so the same
resamples), and stores

- the data, the statistic on it (`observed`) and SciPy's replicates (`bootstrap_distribution`);
- the jackknife (leave-one-out) values of the statistic, computed the way SciPy's
  `_jackknife_resample` does (row i left out, in order);
- SciPy's BCa and percentile intervals, and its intermediate z0 and a_hat (from
  `scipy.stats._resampling._bca_interval`, for diagnostics).

test/unit/bootstrap.test.ts feeds the stored replicates and jackknife values to mlguide's
`bcaInterval` / `percentileInterval` and requires SciPy's endpoints to 1e-9. The file also holds
`np.percentile` at assorted levels (NumPy's default 'linear' quantile, which both SciPy methods use)
and `scipy.special.ndtr` / `ndtri` at assorted points.
"""

import json
import platform
from pathlib import Path

import numpy as np
import scipy
from scipy import special, stats
from scipy.stats import _resampling

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test" / "fixtures" / "reference" / "bootstrap-reference.json"


def macro_f1(y_true, y_pred, labels=(0, 1, 2)):
    """Macro-averaged F1 (scikit-learn's definition; every class here is predicted and present)."""
    scores = []
    for label in labels:
        tp = np.sum((y_true == label) & (y_pred == label))
        fp = np.sum((y_true != label) & (y_pred == label))
        fn = np.sum((y_true == label) & (y_pred != label))
        scores.append(2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores))


def mean(x, axis=-1):
    return np.mean(x, axis=axis)


def variance(x, axis=-1):
    return np.var(x, ddof=1, axis=axis)


def std(x, axis=-1):
    return np.std(x, ddof=1, axis=axis)


def jackknife(data, statistic):
    """Leave-one-out values, in the order SciPy's `_jackknife_resample` produces them."""
    n = len(data[0])
    keep = np.ones(n, dtype=bool)
    values = []
    for i in range(n):
        keep[i] = False
        values.append(float(statistic(*(sample[keep] for sample in data))))
        keep[i] = True
    return values


def case(name, data, statistic, confidence, resamples, seed, paired=False, vectorized=True, extra=None):
    data = tuple(np.asarray(sample) for sample in data)
    kwargs = dict(
        confidence_level=confidence,
        n_resamples=resamples,
        paired=paired,
        vectorized=vectorized,
    )
    if vectorized:
        kwargs["axis"] = -1
    bca = stats.bootstrap(data, statistic, method="BCa", random_state=np.random.default_rng(seed), **kwargs)
    percentile = stats.bootstrap(
        data, statistic, method="percentile", random_state=np.random.default_rng(seed), **kwargs
    )
    replicates = np.asarray(bca.bootstrap_distribution, dtype=float)
    assert np.array_equal(replicates, percentile.bootstrap_distribution), name

    scalar = (lambda *s: statistic(*s, axis=-1)) if vectorized else statistic
    observed = float(scalar(*data))

    # SciPy's own intermediate values, for diagnostics: its input standardisation, then the same
    # `_bca_interval` call as inside `bootstrap`.
    alpha = (1 - confidence) / 2
    data_iv, statistic_iv = _resampling._bootstrap_iv(
        data, statistic, vectorized, paired, -1, confidence, resamples, None, "BCa", None, None
    )[:2]
    z0 = float(special.ndtri(_resampling._percentile_of_score(replicates, observed, axis=-1)))
    alpha_1, alpha_2, a_hat = _resampling._bca_interval(data_iv, statistic_iv, -1, alpha, replicates, None)

    result = {
        "name": name,
        "confidence": confidence,
        "resamples": resamples,
        "seed": seed,
        "data": [sample.tolist() for sample in data],
        "observed": observed,
        "replicates": replicates.tolist(),
        "jackknife": jackknife(data, scalar),
        "z0": z0,
        "acceleration": float(a_hat),
        "bcaLevels": [float(alpha_1), float(alpha_2)],
        "bca": [float(bca.confidence_interval.low), float(bca.confidence_interval.high)],
        "percentile": [float(percentile.confidence_interval.low), float(percentile.confidence_interval.high)],
        "standardError": float(bca.standard_error),
    }
    if extra:
        result.update(extra)
    return result


def main():
    rng = np.random.default_rng(20260101)

    skewed = rng.exponential(2.0, size=40)
    correct = np.array([1] * 40 + [0] * 10)
    rng.shuffle(correct)
    lognormal = rng.lognormal(0.0, 0.8, size=30)
    normal = rng.normal(5.0, 2.0, size=25)

    # Three classes, every class present and predicted; the confusion matrix goes with the case so
    # the test can check the per-cell jackknife against the row jackknife.
    y_true = rng.integers(0, 3, size=60)
    y_pred = np.where(rng.random(60) < 0.7, y_true, rng.integers(0, 3, size=60))
    matrix = np.zeros((3, 3), dtype=int)
    for t, p in zip(y_true, y_pred):
        matrix[t, p] += 1

    cases = [
        case("mean of a skewed sample", [skewed], mean, 0.95, 999, 1),
        case("accuracy with ties", [correct], mean, 0.95, 2000, 2),
        case("variance at 90 %", [lognormal], variance, 0.90, 500, 3),
        case("standard deviation, 99 resamples, 80 %", [normal], std, 0.80, 99, 4),
        case(
            "macro F1 of three classes",
            [y_true, y_pred],
            macro_f1,
            0.95,
            999,
            5,
            paired=True,
            vectorized=False,
            extra={"confusionMatrix": matrix.tolist()},
        ),
    ]

    values = np.round(rng.normal(0, 1, size=37), 1)  # rounded: ties
    levels = [0, 0.1, 2.5, 5, 12.345, 25, 49.99, 50, 50.01, 75, 95, 97.5, 99.9, 100]
    percentiles = {
        "values": values.tolist(),
        "levels": levels,
        "expected": [float(np.percentile(values, level)) for level in levels],
    }

    zs = [-37.5, -30, -20, -10, -8, -5, -3.5, -2.5, -1.959963984540054, -1.5, -1, -0.3, 0, 0.3, 1, 1.96, 2.5, 5, 8]
    ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.0125, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999]
    normal_reference = {
        "ndtr": [[z, float(special.ndtr(z))] for z in zs],
        "ndtri": [[p, float(special.ndtri(p))] for p in ps],
    }

    reference = {
        "generatedBy": "scripts/reference/bootstrap_reference.py",
        "command": "/usr/bin/python3 scripts/reference/bootstrap_reference.py",
        "method": "scipy.stats.bootstrap(method='BCa' | 'percentile') with a fixed seed; replicates = "
        "bootstrap_distribution; jackknife = leave-one-out values in row order",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "cases": cases,
        "percentiles": percentiles,
        "normal": normal_reference,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(reference, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
