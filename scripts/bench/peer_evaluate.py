"""The peer a user would otherwise run to evaluate predictions with intervals.

pandas reads the predictions; scikit-learn computes the classification metrics; SciPy's
`scipy.stats.bootstrap` (2,000 percentile resamples of the rows, in batches so memory stays
bounded) gives the accuracy interval. Percentile, not BCa: SciPy's BCa jackknifes every row, n
evaluations on n − 1 rows, which does not finish on a million rows. Only accuracy gets an interval here — the same for every metric would
multiply the time by the number of metrics — so the measured ratio understates mlguide's lead,
which computes intervals for all of them.
"""
import sys

import numpy as np
import pandas as pd
from scipy import stats
from sklearn import metrics

df = pd.read_csv(sys.argv[1])
y = df["y"].to_numpy()
p = df["y_hat"].to_numpy()
values = {
    "accuracy": metrics.accuracy_score(y, p),
    "balanced_accuracy": metrics.balanced_accuracy_score(y, p),
    "f1_macro": metrics.f1_score(y, p, average="macro"),
    "f1_micro": metrics.f1_score(y, p, average="micro"),
    "f1_weighted": metrics.f1_score(y, p, average="weighted"),
    "precision_macro": metrics.precision_score(y, p, average="macro"),
    "recall_macro": metrics.recall_score(y, p, average="macro"),
    "cohen_kappa": metrics.cohen_kappa_score(y, p),
    "matthews_corrcoef": metrics.matthews_corrcoef(y, p),
}
right = (y == p).astype(float)
interval = stats.bootstrap(
    (right,),
    np.mean,
    n_resamples=2000,
    batch=20,
    method="percentile",
    random_state=0,
).confidence_interval
print(values["accuracy"], interval.low, interval.high)
