"""The peer a user would otherwise run: pandas reads the CSV and profiles it.

read_csv + describe(include='all') + nunique + isna().sum(), as issue 3 defines the task.
"""
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1])
summary = df.describe(include="all")
distinct = df.nunique()
missing = df.isna().sum()
print(len(df), len(summary.columns), int(distinct.sum()), int(missing.sum()))
