"""Reference profile of the real CSV corpus, computed with pandas.

Run from the repository root (with the shared corpus checked out beside it, at ../shared):

    /usr/bin/python3 scripts/reference/profile_reference.py

It reads every ../shared/corpus/csv/*.csv with `pd.read_csv` defaults and writes
test/fixtures/reference/corpus-profile.json: per file the row count, the number of duplicated
rows (`duplicated().sum()`), the column names, each column's missing count (`isna().sum()`) and
distinct count (`nunique()`), and, for numeric columns, min / max / mean / std (pandas' std,
ddof=1) and the quantiles `quantile([.05, .25, .5, .75, .95])` (pandas' default linear
interpolation), with the SHA-256 of the file it read. test/unit/corpus.test.ts compares mlguide's
profiler with it, and asks for a rerun when a corpus file no longer matches its hash.
"""

import hashlib
import json
import math
import platform
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
CORPUS = (ROOT / ".." / "shared" / "corpus" / "csv").resolve()
OUTPUT = ROOT / "test" / "fixtures" / "reference" / "corpus-profile.json"
# The levels mlguide reports, named as in its JSON (p5 … p95).
QUANTILES = {"p5": 0.05, "p25": 0.25, "p50": 0.5, "p75": 0.75, "p95": 0.95}


def number(value):
    """A JSON-safe float (NaN and infinities become None)."""
    value = float(value)
    return value if math.isfinite(value) else None


def profile(path: Path) -> dict:
    frame = pd.read_csv(path)
    columns = []
    for name in frame.columns:
        series = frame[name]
        column = {
            "name": str(name),
            "dtype": str(series.dtype),
            "missing": int(series.isna().sum()),
            "distinct": int(series.nunique()),
        }
        # Booleans are not numbers here: mlguide types them `bool`, without numeric summaries.
        if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            column.update(
                min=number(series.min()),
                max=number(series.max()),
                mean=number(series.mean()),
                std=number(series.std(ddof=1)),
                quantiles={
                    key: number(value)
                    for key, value in zip(QUANTILES, series.quantile(list(QUANTILES.values())))
                },
            )
        columns.append(column)
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    return {
        "sha256": sha256,
        "rows": int(len(frame)),
        "duplicateRows": int(frame.duplicated().sum()),
        "columns": columns,
    }


def main() -> None:
    files = sorted(CORPUS.glob("*.csv"))
    if not files:
        sys.exit(f"no CSV files under {CORPUS}")
    reference = {
        "generatedBy": "scripts/reference/profile_reference.py",
        "command": "/usr/bin/python3 scripts/reference/profile_reference.py",
        "method": "pd.read_csv(path) with defaults; duplicateRows = duplicated().sum(); missing = isna().sum(); "
        "distinct = nunique(); numeric columns (not bool): min, max, mean, std (ddof=1), "
        "quantile([.05, .25, .5, .75, .95]) (linear interpolation)",
        "corpus": "../shared/corpus/csv (mwaskom/seaborn-data, see ../shared/corpus/README.md)",
        "python": platform.python_version(),
        "pandas": pd.__version__,
        "numpy": np.__version__,
        "files": {path.name: profile(path) for path in files},
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(reference, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(files)} files)")


if __name__ == "__main__":
    main()
