/** What every evaluation report shares: metrics with intervals, and how the intervals were made. */
import type { BootstrapResult, IntervalMethod } from '../bootstrap';
import type { MetricValue } from '../metrics';

/** A metric with its bootstrap interval, as `mlguide evaluate --json` prints it. */
export interface ReportedMetric extends MetricValue {
  /** The interval `[low, high]`; absent when no bootstrap was asked for. */
  ci?: [number, number];
  /** The interval's method when it differs from the one asked for, with the reason. */
  ciMethod?: IntervalMethod;
  ciNote?: string;
}

/** How the intervals were made. */
export interface BootstrapReport {
  resamples: number;
  confidence: number;
  seed: number;
  method: IntervalMethod;
  /** Confusion-matrix metrics: a multinomial over the matrix's cells; scores: over distinct scores. */
  scheme: 'multinomial';
}

/**
 * A metric with the interval of `result` (when there is one): `ciMethod` and `ciNote` say when the
 * interval is not of the method asked for, or not there, and why; `note` overrides the reason.
 */
export function withInterval(
  metric: MetricValue,
  result: BootstrapResult | undefined,
  asked: IntervalMethod | undefined,
  note?: string,
): ReportedMetric {
  const reported: ReportedMetric = { ...metric };
  if (result) {
    reported.ci = [result.low, result.high];
    if (result.method !== asked) reported.ciMethod = result.method;
    const reason = result.undefinedReason ?? result.fallbackReason;
    if (reason) reported.ciNote = reason;
  }
  if (note) reported.ciNote = note;
  return reported;
}
