/**
 * `mlguide ab` / `mlguide/ab`: an A/B test from logs, one row per user (or session) with the
 * variant it saw and its outcome (book ch. 7). A binary outcome (0/1, true/false, yes/no) gives
 * the two-proportion z-test, the chi-square test, the difference with Newcombe's interval, the
 * relative lift and a Thompson-sampling allocation; a numeric outcome gives Welch's t-test and
 * Cohen's d / Hedges' g. Each treatment arm is compared with the control.
 */
import {
  differenceOfProportions,
  proportionsChiSquare,
  relativeLift,
  sampleSizeTwoProportions,
  twoProportionZTest,
  wilsonInterval,
  type ProportionArm,
  type ProportionDifference,
  type RelativeLift,
  type SampleSizeResult,
  type TwoProportionZTestResult,
} from '../../../../core/src/compare/proportions';
import {
  standardizedMeanDifference,
  welchTTest,
  type SampleSummary,
  type StandardizedMeanDifference,
  type WelchTTestResult,
} from '../../../../core/src/compare/means';
import { thompsonAllocation, type ThompsonResult } from '../../../../core/src/compare/thompson';
import { isMissing } from '../../../../core/src/csv/missing';
import { sortLabels } from '../../../../core/src/metrics';
import type { ChiSquareContingencyResult } from '../../../../core/src/stats/contingency';
import { JobInputError, columnIndex, type CsvReadSummary, type CsvReader, type ReadControl } from './source';

const TRUE = new Set(['1', 'true', 'yes', 'y', 't']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'f']);

/** Options of {@link abFile}. */
export interface AbFileOptions {
  variant: string;
  outcome: string;
  /** The control arm's name; default the first variant in sorted order. */
  control?: string;
  confidence?: number;
  /** A minimum detectable effect (absolute, in rate) for the sample size each arm needs. */
  minimumDetectableEffect?: number;
  power?: number;
  alpha?: number;
  seed?: number;
}

interface Running {
  n: number;
  sum: number;
  // Welford's running variance.
  mean: number;
  m2: number;
  binary: boolean;
  successes: number;
}

/** One arm's numbers. */
export interface AbArm {
  name: string;
  n: number;
  /** Binary outcome: successes, rate and its Wilson interval. */
  successes?: number;
  rate?: number;
  rateInterval?: [number, number];
  /** Numeric outcome: mean and sample standard deviation. */
  mean?: number;
  std?: number;
}

/** A treatment compared with the control. */
export type AbComparison =
  | {
      treatment: string;
      kind: 'binary';
      zTest: TwoProportionZTestResult;
      chiSquare: ChiSquareContingencyResult;
      difference: ProportionDifference;
      lift: RelativeLift;
    }
  | { treatment: string; kind: 'numeric'; welch: WelchTTestResult; effectSize: StandardizedMeanDifference };

/** The report of {@link abFile}. */
export interface AbFileReport {
  version: 1;
  file: string;
  variant: string;
  outcome: string;
  kind: 'binary' | 'numeric';
  control: string;
  arms: AbArm[];
  comparisons: AbComparison[];
  /** Binary outcomes: where Thompson sampling would send the next users. */
  thompson?: ThompsonResult;
  /** With a minimum detectable effect: trials each arm needs, from the control's rate. */
  sampleSize?: SampleSizeResult;
  skippedRows: number;
  csv: CsvReadSummary;
}

/** Streams the logs once and analyses the experiment. */
export async function abFile(
  file: string,
  options: AbFileOptions,
  read: CsvReader,
  control: ReadControl = {},
): Promise<AbFileReport> {
  const arms = new Map<string, Running>();
  let variantColumn = -1;
  let outcomeColumn = -1;
  let skippedRows = 0;
  let firstNonNumeric: string | undefined;
  const csv = await read(
    file,
    {
      header: (cells) => {
        variantColumn = columnIndex(cells, options.variant, file, 'variant');
        outcomeColumn = columnIndex(cells, options.outcome, file, 'outcome');
      },
      row: (cells, line) => {
        const variant = cells[variantColumn] ?? '';
        const raw = (cells[outcomeColumn] ?? '').trim();
        if (isMissing(variant) || isMissing(raw)) {
          skippedRows++;
          return;
        }
        const lower = raw.toLowerCase();
        const flag = TRUE.has(lower) ? 1 : FALSE.has(lower) ? 0 : undefined;
        const value = flag ?? Number(raw);
        if (!Number.isFinite(value)) {
          firstNonNumeric ??= `"${raw}" on line ${line}`;
          skippedRows++;
          return;
        }
        let arm = arms.get(variant);
        if (!arm) {
          arm = { n: 0, sum: 0, mean: 0, m2: 0, binary: true, successes: 0 };
          arms.set(variant, arm);
        }
        arm.n++;
        arm.sum += value;
        const delta = value - arm.mean;
        arm.mean += delta / arm.n;
        arm.m2 += delta * (value - arm.mean);
        if (flag === undefined && value !== 0 && value !== 1) arm.binary = false;
        if (value === 1) arm.successes++;
      },
    },
    control,
  );
  if (firstNonNumeric !== undefined && arms.size === 0) {
    throw new JobInputError(
      `${file}: the outcome must be 0/1, true/false, yes/no or a number; found ${firstNonNumeric}`,
    );
  }
  const names = sortLabels(arms.keys());
  if (names.length < 2)
    throw new JobInputError(
      `${file}: the variant column "${options.variant}" has ${names.length} arm(s); an A/B test needs 2`,
    );
  const controlName = options.control ?? names[0];
  if (controlName === undefined || !arms.has(controlName))
    throw new JobInputError(`${file}: no variant "${String(controlName)}"; variants: ${names.join(', ')}`);
  const binary = names.every((n) => arms.get(n)?.binary);
  const confidence = options.confidence ?? 0.95;
  const proportion = (name: string): ProportionArm => {
    const arm = arms.get(name) as Running;
    return { successes: arm.successes, trials: arm.n };
  };
  const summary = (name: string): SampleSummary => {
    const arm = arms.get(name) as Running;
    return { n: arm.n, mean: arm.mean, variance: arm.n > 1 ? arm.m2 / (arm.n - 1) : NaN };
  };

  const armReports: AbArm[] = names.map((name) => {
    const arm = arms.get(name) as Running;
    return binary
      ? {
          name,
          n: arm.n,
          successes: arm.successes,
          rate: arm.successes / arm.n,
          rateInterval: wilsonInterval(proportion(name), confidence),
        }
      : { name, n: arm.n, mean: arm.mean, std: arm.n > 1 ? Math.sqrt(arm.m2 / (arm.n - 1)) : NaN };
  });
  const comparisons: AbComparison[] = names
    .filter((name) => name !== controlName)
    .map((treatment) =>
      binary
        ? {
            treatment,
            kind: 'binary' as const,
            zTest: twoProportionZTest(proportion(controlName), proportion(treatment)),
            chiSquare: proportionsChiSquare(proportion(controlName), proportion(treatment)),
            difference: differenceOfProportions(proportion(controlName), proportion(treatment), confidence),
            lift: relativeLift(proportion(controlName), proportion(treatment), confidence),
          }
        : {
            treatment,
            kind: 'numeric' as const,
            welch: welchTTest(summary(controlName), summary(treatment), { confidence }),
            effectSize: standardizedMeanDifference(summary(controlName), summary(treatment), confidence),
          },
    );
  const report: AbFileReport = {
    version: 1,
    file,
    variant: options.variant,
    outcome: options.outcome,
    kind: binary ? 'binary' : 'numeric',
    control: controlName,
    arms: armReports,
    comparisons,
    skippedRows,
    csv,
  };
  if (binary) {
    report.thompson = thompsonAllocation(
      names.map((name) => ({ name, ...proportion(name) })),
      { seed: options.seed ?? 0 },
    );
    if (options.minimumDetectableEffect !== undefined) {
      const rate = proportion(controlName).successes / proportion(controlName).trials;
      report.sampleSize = sampleSizeTwoProportions({
        baselineRate: rate,
        minimumDetectableEffect: options.minimumDetectableEffect,
        ...(options.alpha !== undefined ? { alpha: options.alpha } : {}),
        ...(options.power !== undefined ? { power: options.power } : {}),
      });
    }
  }
  return report;
}
