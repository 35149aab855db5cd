/**
 * The baseline and A/B job results as the editor's panels read them (the server's
 * `BaselineFileReport` and `AbFileReport` must stay assignable to these: checked at compile time
 * in server/src/engineRequests.ts).
 */
import type { ClassificationReport } from '../evaluate/classification';
import type { RegressionReport } from '../evaluate/regression';
import type {
  TwoProportionZTestResult,
  ProportionDifference,
  RelativeLift,
  SampleSizeResult,
} from '../compare/proportions';
import type { ThompsonResult } from '../compare/thompson';
import type { WelchTTestResult, StandardizedMeanDifference } from '../compare/means';
import type { JobCsvSummary } from './lsp';

/** Result of `mlguide/baseline`. */
export interface BaselineResult {
  version: 1;
  file: string;
  target: string;
  task: 'classification' | 'regression';
  rows: number;
  skippedRows: number;
  seed: number;
  evaluation:
    | { kind: 'holdout'; testFraction: number; stratified: boolean; trainRows: number; testRows: number }
    | { kind: 'kfold'; folds: number; stratified: boolean; rows: number }
    | { kind: 'test'; testFile: string; trainRows: number; testRows: number };
  baselines: {
    strategy: string;
    report: ClassificationReport | RegressionReport;
    learned?: {
      model: string;
      features: { name: string; kind: 'numeric' | 'categorical'; categories?: number }[];
      excluded: { name: string; reason: string }[];
      trainRows: number;
    };
  }[];
  skipped?: { strategy: string; reason: string }[];
  csv: JobCsvSummary;
}

/** Result of `mlguide/ab`. */
export interface AbResult {
  version: 1;
  file: string;
  variant: string;
  outcome: string;
  kind: 'binary' | 'numeric';
  control: string;
  arms: {
    name: string;
    n: number;
    successes?: number;
    rate?: number;
    rateInterval?: [number, number];
    mean?: number;
    std?: number;
  }[];
  comparisons: (
    | {
        treatment: string;
        kind: 'binary';
        zTest: TwoProportionZTestResult;
        difference: ProportionDifference;
        lift: RelativeLift;
      }
    | { treatment: string; kind: 'numeric'; welch: WelchTTestResult; effectSize: StandardizedMeanDifference }
  )[];
  thompson?: ThompsonResult;
  sampleSize?: SampleSizeResult;
  skippedRows: number;
  csv: JobCsvSummary;
}
