/**
 * The result shape shared by every metric: a value, and what scikit-learn would have said about
 * it (zero divisions, undefined cases) so a caller can show it instead of a silent number.
 */

/**
 * What a ratio with a zero denominator becomes — scikit-learn's `zero_division`:
 * - `'warn'` (the default): 0, with a `zero-division` warning naming the metric and the classes;
 * - `0` or `1`: that value, without a warning (the value still reports {@link ZeroDivisionReport});
 * - `'nan'`: NaN, as scikit-learn ≥ 1.3's `zero_division=np.nan`; averages then leave those classes
 *   out, and are NaN only when every class is NaN.
 */
export type ZeroDivision = 'warn' | 0 | 1 | 'nan';

/**
 * Why a metric's value deserves a remark:
 * - `zero-division`: a 0/0 ratio was replaced (scikit-learn's `UndefinedMetricWarning`);
 * - `absent-class`: a predicted class never occurs in y_true (scikit-learn's `UserWarning` of
 *   `balanced_accuracy_score`);
 * - `undefined`: the metric has no value on these data; scikit-learn warns or raises with this
 *   message, mlguide reports NaN;
 * - `note`: mlguide's own remark, with no scikit-learn counterpart (e.g. R² of a constant target).
 */
export type MetricWarningCode = 'zero-division' | 'absent-class' | 'undefined' | 'note';

/** A remark on a metric's value. For the codes scikit-learn has, `message` is scikit-learn's text. */
export interface MetricWarning {
  code: MetricWarningCode;
  message: string;
  /** The classes concerned, when the remark is about classes. */
  classes?: string[];
}

/** The classes whose ratio was 0/0, and the value it was replaced with (NaN for `'nan'`). */
export interface ZeroDivisionReport {
  classes: string[];
  value: number;
}

/**
 * One metric's result. `value` is NaN where the metric is undefined (`JSON.stringify` writes it as
 * `null`); `zeroDivision` is present when a 0/0 ratio was replaced, whatever the
 * {@link ZeroDivision} setting; `warnings` when there is something to say. A bootstrap adds its
 * interval beside these fields.
 */
export interface MetricValue {
  value: number;
  zeroDivision?: ZeroDivisionReport;
  warnings?: MetricWarning[];
}

/** What a metric has to say about its value, without the value itself. */
export interface MetricRemarks {
  zeroDivision?: ZeroDivisionReport;
  warnings?: MetricWarning[];
}

/**
 * Input a metric cannot be computed from: arrays of different lengths, scores that are not finite
 * numbers, a positive label that is not a label, and the like. The CLI reports it as a usage or
 * input error.
 */
export class MetricInputError extends Error {
  override readonly name = 'MetricInputError';
}

/** A {@link MetricValue} without empty optional fields. */
export function metricValue(value: number, remarks?: MetricRemarks): MetricValue {
  const result: MetricValue = { value };
  if (remarks?.zeroDivision) result.zeroDivision = remarks.zeroDivision;
  if (remarks?.warnings && remarks.warnings.length > 0) result.warnings = remarks.warnings;
  return result;
}

/** The number a 0/0 ratio becomes under `zeroDivision`. */
export function zeroDivisionValue(zeroDivision: ZeroDivision): number {
  if (zeroDivision === 'nan') return NaN;
  return zeroDivision === 1 ? 1 : 0;
}

/** Throws unless `zeroDivision` is one of the accepted settings (it may come from user input). */
export function checkZeroDivision(zeroDivision: unknown): ZeroDivision {
  if (zeroDivision === 'warn' || zeroDivision === 0 || zeroDivision === 1 || zeroDivision === 'nan') {
    return zeroDivision;
  }
  throw new MetricInputError(`zeroDivision must be 'warn', 0, 1 or 'nan', got ${String(zeroDivision)}`);
}
