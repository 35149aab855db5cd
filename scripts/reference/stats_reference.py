"""Reference values for mlguide's statistics engine (core/src/stats, compare, drift), from SciPy.

Run from the repository root:

    /usr/bin/python3 scripts/reference/stats_reference.py

It writes test/fixtures/reference/stats.json: named, deterministic cases for the distributions
(normal, Student t, chi-square, binomial, Kolmogorov/Smirnov), scipy.stats.binomtest,
scipy.stats.ks_2samp, scipy.stats.chi2_contingency and association, Welch's t-test, the
two-proportion z-test, McNemar's test, effect-size intervals, the PSI / Jensen-Shannon distance of
the drift module, and the sample-size formula. The unit tests test/unit/{stats,compare,drift}*
compare mlguide with it.

statsmodels is not installed on the machine these were made on (Debian has no python3-statsmodels
here), so McNemar's test and the two-proportion z-test are computed from SciPy primitives exactly
as statsmodels defines them:
  mcnemar(exact=True)  -> statistic min(b, c), p = scipy.stats.binomtest(b, b + c, 0.5).pvalue
  mcnemar(exact=False, correction=True) -> (|b - c| - 1)^2 / (b + c), p = chi2.sf(stat, 1)
  proportions_ztest (pooled) -> z = (p1 - p2) / sqrt(p(1 - p)(1/n1 + 1/n2)), p = 2 norm.sf(|z|)
SciPy 1.10's ttest_ind has no .df or .confidence_interval(), so Welch's degrees of freedom and
interval are written out with scipy.stats.t; the interval's quantile is t.ppf polished by Newton
steps on t.cdf, because t.ppf itself is accurate to about 1e-9 only.

Larger samples are not stored: they come from a generator both sides implement with exact
integer arithmetic (MINSTD, x <- 48271 x mod 2^31 - 1), so Python and TypeScript see the same
doubles. A sample spec {"seed", "n", "terms", "shift", "tieDivisor"} means: for each value, add
`terms` draws; with tieDivisor, the value is floor(sum / tieDivisor) + shift (heavy ties),
otherwise (sum - terms * M / 2) / M + shift with M = 2^31 - 1.

Non-finite numbers are written as the strings "NaN", "Infinity" and "-Infinity".
"""

import json
import math
import platform
from pathlib import Path

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial.distance import jensenshannon

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test" / "fixtures" / "reference" / "stats.json"
MINSTD_M = 2**31 - 1


def num(value):
    """A JSON-safe float: non-finite values as strings."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def sample(seed, n, terms=4, shift=0.0, tieDivisor=None):
    """The shared deterministic sample generator (see the module docstring)."""
    state = seed
    values = []
    for _ in range(n):
        total = 0
        for _ in range(terms):
            state = (state * 48271) % MINSTD_M
            total += state
        if tieDivisor is not None:
            values.append(float(total // tieDivisor) + shift)
        else:
            values.append((total - terms * MINSTD_M // 2) / MINSTD_M + shift)
    return np.array(values, dtype=float)


def spec(seed, n, terms=4, shift=0.0, tieDivisor=None):
    return {"seed": seed, "n": n, "terms": terms, "shift": shift, "tieDivisor": tieDivisor}


def from_spec(s):
    return sample(s["seed"], s["n"], s["terms"], s["shift"], s["tieDivisor"])


# ---------------------------------------------------------------- distributions


def distributions():
    normal = []
    for x in [-38, -30, -20, -8, -5.7, -3, -1.96, -1, -0.66291, -0.5, -1e-3, 0, 1e-9, 0.3, 0.7, 2, 5.6, 5.7, 10, 30, 37]:
        normal.append({"x": x, "cdf": num(stats.norm.cdf(x)), "sf": num(stats.norm.sf(x)), "pdf": num(stats.norm.pdf(x))})
    normal_quantile = []
    for p in [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.075, 0.3, 0.5, 0.9, 0.925, 0.975, 0.999, 1 - 1e-10]:
        normal_quantile.append({"p": p, "x": num(stats.norm.ppf(p))})
    student_t = []
    for df in [1, 2, 2.5, 5, 10, 30, 100, 1000, 1e4, 1e5, 1e6]:
        for t in [-50, -5, -2, -0.5, 0, 0.1, 1, 2, 3, 10, 50, 300]:
            student_t.append({"t": t, "df": df, "cdf": num(stats.t.cdf(t, df)), "sf": num(stats.t.sf(t, df))})
    student_t_quantile = []
    for df in [1, 3, 10, 100, 1e4]:
        for p in [1e-10, 0.001, 0.025, 0.3, 0.6, 0.975, 0.9999]:
            student_t_quantile.append({"p": p, "df": df, "t": num(stats.t.ppf(p, df))})
    chi_square = []
    for df in [0.5, 1, 2, 3, 5, 10, 50, 100, 1000, 1e4]:
        for ratio in [1e-6, 0.01, 0.5, 1, 2, 5, 20]:
            x = ratio * df
            chi_square.append({"x": x, "df": df, "cdf": num(stats.chi2.cdf(x, df)), "sf": num(stats.chi2.sf(x, df))})
    for x, df in [(100, 1), (1000, 1), (1300, 1), (3.841458820694124, 1), (200, 3)]:
        chi_square.append({"x": x, "df": df, "cdf": num(stats.chi2.cdf(x, df)), "sf": num(stats.chi2.sf(x, df))})
    binomial = []
    for k, n, p in [
        (0, 10, 0.5), (3, 20, 0.5), (10, 20, 0.5), (19, 20, 0.5), (0, 100, 0.3), (5, 1000, 0.2),
        (700, 1000, 0.5), (30, 100000, 0.0005), (900, 1000000, 0.001), (59000, 100000, 0.6),
        (1, 24, 0.5), (12, 3000, 0.001), (40, 50, 0.95),
    ]:
        binomial.append({
            "k": k, "n": n, "p": p, "pmf": num(stats.binom.pmf(k, n, p)),
            "cdf": num(stats.binom.cdf(k, n, p)), "sf": num(stats.binom.sf(k, n, p)),
        })
    binomtest = []
    for name, k, n, p, alternative in [
        ("symmetric small", 3, 20, 0.5, "two-sided"),
        ("symmetric middle", 10, 20, 0.5, "two-sided"),
        ("all successes", 24, 24, 0.5, "two-sided"),
        ("none", 0, 5, 0.5, "two-sided"),
        ("below p*n", 7, 30, 0.3, "two-sided"),
        ("above p*n", 60, 100, 0.45, "two-sided"),
        ("k equals p*n", 2, 10, 0.2, "two-sided"),
        ("large n", 1000, 3000, 0.3, "two-sided"),
        ("far tail", 10, 1000, 0.1, "two-sided"),
        ("rare events", 3, 100000, 0.0001, "two-sided"),
        ("less", 7, 30, 0.3, "less"),
        ("greater", 60, 100, 0.45, "greater"),
    ]:
        binomtest.append({"name": name, "k": k, "n": n, "p": p, "alternative": alternative,
                          "pValue": num(stats.binomtest(k, n, p, alternative=alternative).pvalue)})
    kolmogorov = [{"x": x, "sf": num(special.kolmogorov(x)), "cdf": num(stats.kstwobign.cdf(x))}
                  for x in [0.03, 0.05, 0.1, 0.3, 0.5, 0.82, 0.83, 1, 1.36, 2, 5, 10]]
    smirnov = []
    for n in [1, 2, 5, 20, 100, 1000, 10000, 100000]:
        for d in [0.01, 0.05, 0.1, 0.3, 0.6, 0.95]:
            smirnov.append({"n": n, "d": d, "sf": num(special.smirnov(n, d))})
    kstwo = []
    for n in [1, 2, 3, 5, 10, 50, 140, 141, 500, 1000, 5000, 20000, 100000, 200000]:
        for d in [0.001, 0.01, 0.03, 0.05, 0.08, 0.1, 0.2, 0.3, 0.45, 0.5, 0.6, 0.9, 0.99]:
            kstwo.append({"n": n, "d": d, "sf": num(stats.kstwo.sf(d, n)), "cdf": num(stats.kstwo.cdf(d, n))})
    return {
        "normal": normal, "normalQuantile": normal_quantile, "studentT": student_t,
        "studentTQuantile": student_t_quantile, "chiSquare": chi_square, "binomial": binomial,
        "binomtest": binomtest, "kolmogorov": kolmogorov, "smirnov": smirnov, "kstwo": kstwo,
    }


# ---------------------------------------------------------------- two-sample KS


def ks_cases():
    cases = [
        ("disjoint small", {"values": [1, 2, 3, 4, 5]}, {"values": [6, 7, 8, 9, 10]}),
        ("interleaved with ties", {"values": [1, 2, 2, 3, 3, 3, 4]}, {"values": [2, 3, 3, 4, 4, 5]}),
        ("identical", {"values": [1.5, 2.5, 3.5]}, {"values": [1.5, 2.5, 3.5]}),
        ("one value each", {"values": [0.0]}, {"values": [1.0]}),
        ("small shift 20 v 30", spec(11, 20), spec(12, 30, shift=0.25)),
        ("equal sizes 100", spec(13, 100), spec(14, 100, shift=0.05)),
        ("equal sizes far tail", spec(15, 500), spec(16, 500, shift=0.6)),
        ("ties 200 v 150", spec(17, 200, tieDivisor=2**29), spec(18, 150, tieDivisor=2**29, shift=1)),
        ("ties equal sizes", spec(19, 300, tieDivisor=2**30), spec(20, 300, tieDivisor=2**30)),
        ("3000 v 2000", spec(21, 3000), spec(22, 2000, shift=0.02)),
        ("3000 v 2000 far tail", spec(23, 3000), spec(24, 2000, shift=0.3)),
        ("9999 v 10000 exact", spec(25, 9999), spec(26, 10000, shift=0.01)),
        ("12000 v 15000 asymptotic", spec(27, 12000), spec(28, 15000, shift=0.01)),
        ("10001 v 10001 half-even", spec(29, 10001), spec(30, 10001, shift=0.005)),
        ("30000 v 20 asymptotic small en", spec(31, 30000), spec(32, 20, shift=0.1)),
        ("20000 v 20000 ties asymptotic", spec(33, 20000, tieDivisor=2**28), spec(34, 20000, tieDivisor=2**28)),
        ("15000 v 12000 far tail asymptotic", spec(35, 15000), spec(36, 12000, shift=0.05)),
    ]
    out = []
    for name, a, b in cases:
        xa = np.array(a["values"], dtype=float) if "values" in a else from_spec(a)
        xb = np.array(b["values"], dtype=float) if "values" in b else from_spec(b)
        r = stats.ks_2samp(xa, xb)
        method = "exact" if max(len(xa), len(xb)) <= 10000 else "asymp"
        out.append({"name": name, "a": a, "b": b, "statistic": num(r.statistic), "pValue": num(r.pvalue),
                    "location": num(r.statistic_location), "sign": int(r.statistic_sign), "method": method})
    return out


# ---------------------------------------------------------------- comparisons


def mcnemar_cases():
    out = []
    for name, b, c in [
        ("no discordant pairs", 0, 0), ("exact small", 2, 9), ("exact balanced", 7, 7),
        ("exact all one way", 0, 24), ("boundary 12+12", 12, 12), ("chi-square 13+12", 13, 12),
        ("chi-square moderate", 30, 48), ("chi-square balanced", 40, 40),
        ("chi-square far tail", 0, 400), ("chi-square large", 1200, 1350),
    ]:
        n = b + c
        if n < 25:
            statistic = min(b, c)
            p = 1.0 if n == 0 else stats.binomtest(b, n, 0.5).pvalue
            method = "exact"
        else:
            statistic = (abs(b - c) - 1) ** 2 / n
            p = stats.chi2.sf(statistic, 1)
            method = "chi-square"
        out.append({"name": name, "b": b, "c": c, "method": method, "statistic": num(statistic), "pValue": num(p)})
    return out


ARMS = [
    ("typical", (120, 1000), (150, 1000)),
    ("unequal sizes", (45, 800), (70, 950)),
    ("no difference", (50, 500), (50, 500)),
    ("small counts", (1, 12), (6, 14)),
    ("zero in control", (0, 40), (7, 40)),
    ("far tail", (1000, 100000), (1500, 100000)),
    ("newcombe 1998 example", (48, 80), (56, 70)),
]


def proportion_cases():
    z_tests, chi_tables, effects = [], [], []
    for name, (xc, nc), (xt, nt) in ARMS:
        pc, pt = xc / nc, xt / nt
        pooled = (xc + xt) / (nc + nt)
        se = math.sqrt(pooled * (1 - pooled) * (1 / nc + 1 / nt))
        z = (pt - pc) / se
        p = 2 * stats.norm.sf(abs(z))
        table = [[xc, nc - xc], [xt, nt - xt]]
        uncorrected = stats.chi2_contingency(table, correction=False)
        assert abs(uncorrected.statistic - z * z) < 1e-9 * max(1, z * z)
        z_tests.append({"name": name, "control": [xc, nc], "treatment": [xt, nt], "z": num(z), "pValue": num(p),
                        "pValueGreater": num(stats.norm.sf(z))})
        for correction in (True, False):
            r = stats.chi2_contingency(table, correction=correction)
            chi_tables.append({"name": f"{name} ({'Yates' if correction else 'no correction'})", "table": table,
                               "correction": correction, "statistic": num(r.statistic), "pValue": num(r.pvalue),
                               "dof": int(r.dof)})
        lc, uc = stats.binomtest(xc, nc).proportion_ci(0.95, method="wilson")
        lt, ut = stats.binomtest(xt, nt).proportion_ci(0.95, method="wilson")
        d = pt - pc
        newcombe = [d - math.sqrt((pt - lt) ** 2 + (uc - pc) ** 2), d + math.sqrt((ut - pt) ** 2 + (pc - lc) ** 2)]
        zq = stats.norm.ppf(0.975)
        wse = math.sqrt(pc * (1 - pc) / nc + pt * (1 - pt) / nt)
        rr = stats.contingency.relative_risk(xt, nt, xc, nc)
        ci = rr.confidence_interval(0.95)
        effects.append({"name": name, "control": [xc, nc], "treatment": [xt, nt], "difference": num(d),
                        "newcombe": [num(newcombe[0]), num(newcombe[1])],
                        "wald": [num(d - zq * wse), num(d + zq * wse)],
                        "wilsonControl": [num(lc), num(uc)], "wilsonTreatment": [num(lt), num(ut)],
                        "lift": num(rr.relative_risk - 1), "liftInterval": [num(ci.low - 1), num(ci.high - 1)]})
    # Tables with zeros and bigger than 2x2 for the general contingency test.
    for name, table in [
        ("zero cell", [[0, 10], [5, 5]]),
        ("Yates clipped at zero", [[5, 5], [5, 6]]),
        ("2x3", [[10, 20, 30], [12, 18, 45]]),
        ("3x4 with zeros", [[0, 3, 5, 9], [4, 0, 6, 2], [7, 1, 0, 8]]),
        ("1x3 (no degrees of freedom)", [[3, 4, 5]]),
        ("far tail 2x3", [[5000, 100, 30], [100, 5000, 30]]),
    ]:
        r = stats.chi2_contingency(table)
        chi_tables.append({"name": name, "table": table, "correction": True, "statistic": num(r.statistic),
                           "pValue": num(r.pvalue), "dof": int(r.dof)})
        if len(table) > 1 and len(table[0]) > 1:
            chi_tables[-1]["cramersV"] = num(stats.contingency.association(np.array(table), method="cramer"))
    return z_tests, chi_tables, effects


def t_quantile(p, df):
    """stats.t.ppf polished by Newton steps on stats.t.cdf: SciPy 1.10's ppf (cephes stdtri) is
    accurate to about 1e-9 relative only, its cdf to about 1e-15."""
    q = stats.t.ppf(p, df)
    for _ in range(2):
        q -= (stats.t.cdf(q, df) - p) / stats.t.pdf(q, df)
    return q


def welch_cases():
    out = []
    cases = [
        ("small explicit", {"values": [1.0, 2.0, 3.0, 4.5]}, {"values": [2.0, 3.0, 5.0, 7.0, 9.1]}),
        ("equal means", {"values": [1.0, 2.0, 3.0]}, {"values": [0.0, 2.0, 4.0]}),
        ("unequal variances", spec(41, 40), spec(42, 25, shift=0.3, terms=8)),
        ("large", spec(43, 5000), spec(44, 6000, shift=0.01)),
        ("far tail", spec(45, 2000), spec(46, 2000, shift=0.3)),
        ("integers with ties", spec(47, 300, tieDivisor=2**28), spec(48, 250, tieDivisor=2**28, shift=1)),
    ]
    for name, c, t in cases:
        xc = np.array(c["values"], dtype=float) if "values" in c else from_spec(c)
        xt = np.array(t["values"], dtype=float) if "values" in t else from_spec(t)
        r = stats.ttest_ind(xt, xc, equal_var=False)
        vc, vt = xc.var(ddof=1) / len(xc), xt.var(ddof=1) / len(xt)
        df = (vc + vt) ** 2 / (vc**2 / (len(xc) - 1) + vt**2 / (len(xt) - 1))
        se = math.sqrt(vc + vt)
        diff = xt.mean() - xc.mean()
        q = t_quantile(0.975, df)
        # Standardized mean difference with Hedges and Olkin's normal-approximation interval.
        nc, nt = len(xc), len(xt)
        m = nc + nt - 2
        sp = math.sqrt(((nc - 1) * xc.var(ddof=1) + (nt - 1) * xt.var(ddof=1)) / m)
        d = diff / sp
        j = math.exp(special.gammaln(m / 2) - special.gammaln((m - 1) / 2)) / math.sqrt(m / 2)
        sed = math.sqrt((nc + nt) / (nc * nt) + d * d / (2 * (nc + nt)))
        zq = stats.norm.ppf(0.975)
        out.append({
            "name": name, "control": c, "treatment": t, "t": num(r.statistic), "pValue": num(r.pvalue), "df": num(df),
            "meanDifference": num(diff), "interval": [num(diff - q * se), num(diff + q * se)],
            "pValueLess": num(stats.ttest_ind(xt, xc, equal_var=False, alternative="less").pvalue),
            "cohensD": num(d), "hedgesG": num(j * d), "cohensDInterval": [num(d - zq * sed), num(d + zq * sed)],
            "hedgesGInterval": [num(j * (d - zq * sed)), num(j * (d + zq * sed))],
        })
    return out


def sample_size_cases():
    out = []
    for p1, mde, relative, alpha, power, two_sided in [
        (0.10, 0.02, False, 0.05, 0.8, True), (0.10, 0.05, True, 0.05, 0.8, True),
        (0.5, 0.05, False, 0.01, 0.9, True), (0.03, 0.005, False, 0.05, 0.8, False),
        (0.2, -0.04, False, 0.05, 0.95, True),
    ]:
        p2 = p1 + (p1 * mde if relative else mde)
        za = stats.norm.ppf(1 - alpha / 2) if two_sided else stats.norm.ppf(1 - alpha)
        zb = stats.norm.ppf(power)
        pbar = (p1 + p2) / 2
        n = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
        out.append({"baselineRate": p1, "minimumDetectableEffect": mde, "relative": relative, "alpha": alpha,
                    "power": power, "alternative": "two-sided" if two_sided else "one-sided",
                    "unrounded": num(n), "perArm": int(math.ceil(n))})
    return out


# ---------------------------------------------------------------- drift

PSI_EPSILON = 1e-4


def psi(expected, actual, eps=PSI_EPSILON):
    e = np.asarray(expected, dtype=float) / np.sum(expected)
    a = np.asarray(actual, dtype=float) / np.sum(actual)
    e = np.where(e == 0, eps, e)
    a = np.where(a == 0, eps, a)
    return float(np.sum((a - e) * np.log(a / e)))


def numeric_drift_cases():
    out = []
    for name, ref, cur in [
        ("same distribution", spec(510511, 2000), spec(9699690, 1500)),
        ("shifted", spec(53, 2000), spec(54, 1500, shift=0.15)),
        ("wider", spec(55, 3000, terms=2), spec(56, 3000, terms=8)),
        ("heavily tied reference", spec(57, 1000, tieDivisor=2**30), spec(58, 800, tieDivisor=2**30, shift=1)),
        ("small samples", spec(59, 30), spec(60, 25, shift=0.2)),
        ("large asymptotic", spec(61, 20000), spec(62, 12000, shift=0.03)),
    ]:
        x, y = from_spec(ref), from_spec(cur)
        qs = [i / 10 for i in range(1, 10)]
        edges = []
        for q in qs:
            e = float(np.quantile(np.sort(x), q))
            if not edges or e > edges[-1]:
                edges.append(e)
        ref_counts = np.bincount(np.searchsorted(edges, x, side="left"), minlength=len(edges) + 1)
        cur_counts = np.bincount(np.searchsorted(edges, y, side="left"), minlength=len(edges) + 1)
        ks = stats.ks_2samp(x, y)
        out.append({"name": name, "reference": ref, "current": cur, "edges": [num(e) for e in edges],
                    "referenceCounts": ref_counts.tolist(), "currentCounts": cur_counts.tolist(),
                    "psi": num(psi(ref_counts, cur_counts)),
                    "jensenShannon": num(jensenshannon(ref_counts, cur_counts, base=2)),
                    "ksStatistic": num(ks.statistic), "ksPValue": num(ks.pvalue)})
    return out


def categorical_drift_cases():
    out = []
    for name, ref, cur in [
        ("same mix", {"a": 500, "b": 300, "c": 200}, {"a": 251, "b": 148, "c": 101}),
        ("shifted mix", {"a": 500, "b": 300, "c": 200}, {"a": 200, "b": 300, "c": 500}),
        ("new category", {"a": 900, "b": 100}, {"a": 850, "b": 100, "new": 50}),
        ("vanished category", {"a": 400, "b": 400, "gone": 200}, {"a": 520, "b": 480}),
        ("two categories (Yates)", {"yes": 120, "no": 880}, {"yes": 150, "no": 850}),
        ("many categories far tail", {f"k{i:02d}": 100 + 3 * i for i in range(30)},
         {f"k{i:02d}": 100 + 3 * (29 - i) for i in range(30)}),
        ("one category", {"only": 10}, {"only": 20}),
    ]:
        names = sorted(set(ref) | set(cur))
        r = [ref.get(k, 0) for k in names]
        c = [cur.get(k, 0) for k in names]
        table = [r, c]
        test = stats.chi2_contingency(table)
        if len(names) > 1:
            v = stats.contingency.association(np.array(table), method="cramer")
        else:
            v = 0.0
        out.append({"name": name, "reference": ref, "current": cur, "chiSquare": num(test.statistic),
                    "pValue": num(test.pvalue), "dof": int(test.dof), "cramersV": num(v),
                    "psi": num(psi(r, c)), "jensenShannon": num(jensenshannon(r, c, base=2))})
    return out


def main() -> None:
    z_tests, chi_tables, effects = proportion_cases()
    reference = {
        "generatedBy": "scripts/reference/stats_reference.py",
        "command": "/usr/bin/python3 scripts/reference/stats_reference.py",
        "method": "SciPy functions named per section; McNemar and the z-test from SciPy primitives as statsmodels "
                  "defines them (statsmodels not installed); large samples from the MINSTD generator described "
                  "in the script; non-finite numbers as strings",
        "python": platform.python_version(),
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "distributions": distributions(),
        "ks2samp": ks_cases(),
        "mcnemar": mcnemar_cases(),
        "twoProportionZ": z_tests,
        "chiSquareContingency": chi_tables,
        "proportionEffects": effects,
        "welch": welch_cases(),
        "sampleSize": sample_size_cases(),
        "numericDrift": numeric_drift_cases(),
        "categoricalDrift": categorical_drift_cases(),
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(reference, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
