"""The data-backed split checks written the obvious way in pandas, the peer of mlguide's in
`npm run bench` (scripts/bench/leakage.ts): train and test read whole, then per check what a
data scientist would type. Usage: peer_leakage.py TRAIN.csv TEST.csv"""
import sys

import numpy as np
import pandas as pd
from scipy.stats import chi2_contingency, ks_2samp
from sklearn.metrics import balanced_accuracy_score

train = pd.read_csv(sys.argv[1])
test = pd.read_csv(sys.argv[2])
target, group, time = "label", "user_id", "event_time"
report = {}

# 1. Exact and normalised duplicates across splits.
cols = list(train.columns)
report["exact"] = int(test.merge(train.drop_duplicates(), on=cols, how="inner").shape[0])


def normalise(df):
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = out[c].astype(str).str.strip().str.lower()
    return out


report["normalised"] = int(normalise(test).merge(normalise(train).drop_duplicates(), on=cols, how="inner").shape[0])

# 2. Group overlap.
shared = set(test[group]) & set(train[group])
report["shared_ids"] = len(shared)
report["test_rows_shared"] = int(test[group].isin(shared).sum())

# 3. Time leakage.
end = pd.to_datetime(train[time]).max()
report["earlier"] = int((pd.to_datetime(test[time]) < end).sum())

# 4. Unseen categories and labels.
categorical = [c for c in cols if train[c].dtype == object and c not in (group, time)]
report["unseen"] = {c: len(set(test[c].dropna()) - set(train[c].dropna())) for c in categorical}


# 5. Distribution shift: KS for numeric, chi-square for categorical, PSI on train deciles.
def psi(expected, actual):
    e = np.where(expected == 0, 1e-4, expected / expected.sum())
    a = np.where(actual == 0, 1e-4, actual / actual.sum())
    return float(np.sum((a - e) * np.log(a / e)))


shift = {}
for c in cols:
    if c in (group, time):
        continue
    if c in categorical:
        table = pd.crosstab(
            np.r_[np.zeros(len(train)), np.ones(len(test))], pd.concat([train[c], test[c]], ignore_index=True)
        )
        chi2, p, _, _ = chi2_contingency(table.values)
        shift[c] = (p, psi(table.values[0].astype(float), table.values[1].astype(float)))
    else:
        stat, p = ks_2samp(train[c].dropna(), test[c].dropna())
        edges = np.unique(np.quantile(train[c].dropna(), np.linspace(0.1, 0.9, 9)))
        e = np.bincount(np.searchsorted(edges, train[c].dropna()), minlength=len(edges) + 1).astype(float)
        a = np.bincount(np.searchsorted(edges, test[c].dropna()), minlength=len(edges) + 1).astype(float)
        shift[c] = (p, psi(e, a))
report["shifted"] = sorted(c for c, (p, v) in shift.items() if p < 0.05 and v >= 0.1)

# 6. Single-feature target leakage: majority label per value (numeric: 20 quantile bins).
scores = {}
for c in cols:
    if c in (target, group, time):
        continue
    if c in categorical:
        tr, te = train[c], test[c]
    else:
        edges = np.unique(np.quantile(test[c].dropna(), np.linspace(0.05, 0.95, 19)))
        tr = pd.Series(np.searchsorted(edges, train[c]), index=train.index)
        te = pd.Series(np.searchsorted(edges, test[c]), index=test.index)
    majority = train[target].groupby(tr).agg(lambda s: s.value_counts().idxmax())
    fallback = train[target].value_counts().idxmax()
    predicted = te.map(majority).fillna(fallback)
    scores[c] = balanced_accuracy_score(test[target], predicted)
report["leaks"] = sorted(c for c, s in scores.items() if s >= 0.95)

# 7. Sizes.
report["sizes"] = (len(train), len(test), len(train) / (len(train) + len(test)))
print(report)
