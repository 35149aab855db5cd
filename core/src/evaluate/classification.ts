/**
 * `mlguide evaluate` for a classifier: every metric of the confusion matrix and, with scores, the
 * score metrics, each with a bootstrap interval. Pure and streaming: rows are fed one at a time
 * and memory is the confusion matrix plus one float and one label index a row for the scores.
 */
import {
  BOOTSTRAP_DEFAULTS,
  bootstrapCountsVectorSteps,
  bootstrapRowsSteps,
  runSteps,
  runStepsAsync,
  type BootstrapOptions,
  type StepControl,
  type Steps,
  type BootstrapResult,
  type IntervalMethod,
} from '../bootstrap';
import { resolveBootstrapOptions } from '../bootstrap/options';
import {
  BinaryScoreAccumulator,
  MulticlassScoreAccumulator,
  multiclassLogLoss,
  multiclassScoreMetrics,
  rocAucOvr,
  type MetricValue,
  ConfusionAccumulator,
  binaryScoreMetrics,
  classificationMetrics,
  confusionMetricDefinitions,
  flattenConfusion,
  summarizeConfusion,
  type BinaryScoreMetrics,
  type ClassificationMetrics,
  type ClassificationOptions,
  thinPrecisionRecallCurve,
  thinRocCurve,
  type ThinnedCurve,
} from '../metrics';
import { withInterval, type BootstrapReport, type ReportedMetric } from './report';
import { scoreTable, scoreTableJackknife, scoreTableMetrics } from './scoreTable';

/** Options of {@link ClassificationEvaluator}. */
export interface ClassificationEvaluationOptions extends ClassificationOptions {
  /** Bootstrap settings; `false` for none. Default: 2,000 BCa resamples at 95 %, seed 0. */
  bootstrap?: BootstrapOptions | false;
  /**
   * Thresholds of the score sweep (`scores.threshold_sweep`), or a count g ≥ 2 for an even grid
   * of g thresholds (from 0 to 1 when the scores are probabilities, else over their range).
   */
  thresholds?: readonly number[] | number;
  /**
   * The class of each score column fed with {@link ClassificationEvaluator.add}'s `classScores`
   * (one probability per class): adds one-vs-rest ROC AUC and multiclass log loss.
   */
  scoreLabels?: readonly string[];
}

/**
 * Above this many rows the multiclass score metrics get no interval: they are resampled row by
 * row (their values depend on every score, not on a small table of counts).
 */
export const MULTICLASS_SCORE_BOOTSTRAP_MAX_ROWS = 20_000;

/** The report of a classifier's evaluation (version 1 of the `evaluate --json` shape). */
export interface ClassificationReport {
  version: 1;
  task: 'classification';
  rows: number;
  labels: string[];
  confusion_matrix: number[][];
  metrics: Record<string, ReportedMetric>;
  perClass: {
    label: string;
    support: number;
    precision: ReportedMetric;
    recall: ReportedMetric;
    f1: ReportedMetric;
    fbeta?: ReportedMetric;
  }[];
  scores?: {
    positive: string;
    metrics: { roc_auc: ReportedMetric; average_precision: ReportedMetric; log_loss: ReportedMetric };
    /** At most `MAX_CURVE_POINTS` (1,000) points; `thinnedFrom` says how many the full curve has. */
    roc_curve: BinaryScoreMetrics['roc_curve'] & ThinnedCurve;
    /** At most `MAX_CURVE_POINTS` (1,000) points; `thinnedFrom` says how many the full curve has. */
    precision_recall_curve: BinaryScoreMetrics['precision_recall_curve'] & ThinnedCurve;
    threshold_sweep?: BinaryScoreMetrics['threshold_sweep'];
  };
  /** With a score column per class: one-vs-rest ROC AUC (macro, and per class) and log loss. */
  classScores?: {
    labels: string[];
    metrics: {
      roc_auc_ovr: ReportedMetric & { perClass: { label: string; roc_auc: MetricValue }[] };
      log_loss: ReportedMetric;
    };
  };
  bootstrap?: BootstrapReport;
}

/**
 * Evaluates a classifier from (true, predicted[, score]) rows. With scores, the problem must be
 * binary: the score is the positive class's (`positive`, else the greater label).
 */
export class ClassificationEvaluator {
  private readonly confusion: ConfusionAccumulator;
  private scores: BinaryScoreAccumulator | undefined;
  private classScores: MulticlassScoreAccumulator | undefined;

  constructor(private readonly options: ClassificationEvaluationOptions = {}) {
    this.confusion = new ConfusionAccumulator();
  }

  /** Rows added so far. */
  get count(): number {
    return this.confusion.count;
  }

  /**
   * Adds one row; `score` (the positive class's) only if every row has one, `classScores` (one
   * per class of the `scoreLabels` option) likewise.
   */
  add(trueLabel: string, predictedLabel: string, score?: number, classScores?: readonly number[]): void {
    this.confusion.add(trueLabel, predictedLabel);
    if (score !== undefined) {
      this.scores ??= new BinaryScoreAccumulator(this.options.positive);
      this.scores.add(trueLabel, score);
    }
    if (classScores !== undefined) {
      this.classScores ??= new MulticlassScoreAccumulator(this.options.scoreLabels ?? []);
      this.classScores.addBatch(
        [trueLabel],
        classScores.map((s) => [s]),
      );
    }
  }

  /** The report; the bootstrap runs here (milliseconds for the matrix, whatever the row count). */
  finish(): ClassificationReport {
    return runSteps(this.finishSteps());
  }

  /** {@link finish} in slices that give the event loop a turn and stop on a cancellation. */
  finishAsync(control: StepControl): Promise<ClassificationReport> {
    return runStepsAsync(this.finishSteps(), control);
  }

  /** {@link finish} as steps (see core/src/bootstrap/steps.ts). */
  *finishSteps(): Steps<ClassificationReport> {
    const confusion = this.confusion.finish();
    const base: ClassificationMetrics = classificationMetrics(confusion, this.options);
    const bootstrapOptions =
      this.options.bootstrap === false ? undefined : resolveBootstrapOptions(this.options.bootstrap);
    const asked = bootstrapOptions?.method ?? BOOTSTRAP_DEFAULTS.method;

    const intervals = new Map<string, BootstrapResult>();
    if (bootstrapOptions && base.rows > 0) {
      const definitions = confusionMetricDefinitions(confusion.labels, this.options);
      const k = confusion.labels.length;
      const results = yield* bootstrapCountsVectorSteps(
        flattenConfusion(confusion),
        (cells) => {
          const summary = summarizeConfusion(cells, k);
          return definitions.map((d) => d.compute(summary));
        },
        bootstrapOptions,
      );
      definitions.forEach((d, i) => {
        const result = results[i];
        if (result) intervals.set(d.label === undefined ? d.key : `${d.label}\u0000${d.key}`, result);
      });
    }

    const metrics: Record<string, ReportedMetric> = {};
    for (const [key, value] of Object.entries(base.metrics)) {
      metrics[key] = withInterval(value, intervals.get(key), asked);
    }
    const perClass = base.perClass.map((c) => {
      const at = (key: string): BootstrapResult | undefined => intervals.get(`${c.label}\u0000${key}`);
      return {
        label: c.label,
        support: c.support,
        precision: withInterval(c.precision, at('precision'), asked),
        recall: withInterval(c.recall, at('recall'), asked),
        f1: withInterval(c.f1, at('f1'), asked),
        ...(c.fbeta ? { fbeta: withInterval(c.fbeta, at('fbeta'), asked) } : {}),
      };
    });

    const report: ClassificationReport = {
      version: 1,
      task: 'classification',
      rows: base.rows,
      labels: base.labels,
      confusion_matrix: base.confusion_matrix,
      metrics,
      perClass,
    };
    if (this.scores) report.scores = yield* this.scoreReport(bootstrapOptions, asked);
    if (this.classScores) report.classScores = yield* this.classScoreReport(bootstrapOptions, asked);
    if (bootstrapOptions) {
      report.bootstrap = {
        resamples: bootstrapOptions.resamples,
        confidence: bootstrapOptions.confidence,
        seed: bootstrapOptions.seed,
        method: bootstrapOptions.method,
        scheme: 'multinomial',
      };
    }
    return report;
  }

  private *classScoreReport(
    bootstrapOptions: Required<BootstrapOptions> | undefined,
    asked: IntervalMethod,
  ): Steps<ClassificationReport['classScores']> {
    const scores = (this.classScores as MulticlassScoreAccumulator).finish();
    const base = multiclassScoreMetrics(scores);
    const n = base.rows;
    let results: (BootstrapResult | undefined)[] = [];
    let note: string | undefined;
    if (bootstrapOptions && n > 0) {
      if (n <= MULTICLASS_SCORE_BOOTSTRAP_MAX_ROWS) {
        const rows = Array.from({ length: n }, (_, i) => i);
        const subset = (sample: number[]): typeof scores => ({
          labels: scores.labels,
          trueClass: Uint32Array.from(sample, (i) => scores.trueClass[i] as number),
          columns: scores.columns.map((column) => Float64Array.from(sample, (i) => column[i] as number)),
          rowsSumToOne: scores.rowsSumToOne,
        });
        results = [
          yield* bootstrapRowsSteps(rows, (sample) => rocAucOvr(subset(sample)).value, bootstrapOptions),
          yield* bootstrapRowsSteps(rows, (sample) => multiclassLogLoss(subset(sample)).value, bootstrapOptions),
        ];
      } else {
        note = `no interval: multiclass score metrics are resampled row by row, done up to ${MULTICLASS_SCORE_BOOTSTRAP_MAX_ROWS.toLocaleString('en-US')} rows`;
      }
    }
    return {
      labels: base.labels,
      metrics: {
        roc_auc_ovr: {
          ...withInterval(base.metrics.roc_auc_ovr, results[0], asked, note),
          perClass: base.metrics.roc_auc_ovr.perClass,
        },
        log_loss: withInterval(base.metrics.log_loss, results[1], asked, note),
      },
    };
  }

  private *scoreReport(
    bootstrapOptions: Required<BootstrapOptions> | undefined,
    asked: IntervalMethod,
  ): Steps<ClassificationReport['scores']> {
    const sorted = (this.scores as BinaryScoreAccumulator).finish();
    const base = binaryScoreMetrics(sorted, {
      thresholds: this.options.thresholds,
      zeroDivision: this.options.zeroDivision,
      beta: this.options.beta,
    });
    let results: BootstrapResult[] = [];
    if (bootstrapOptions) {
      const table = scoreTable(sorted);
      const cells = new Float64Array(table.values.length * 2);
      cells.set(table.positives, 0);
      cells.set(table.negatives, table.values.length);
      results = yield* bootstrapCountsVectorSteps(
        cells,
        (resampled) => scoreTableMetrics(table.values, resampled),
        bootstrapOptions,
        // One evaluation per cell would be O(d²) for d distinct scores: minutes for continuous ones.
        (counts) => scoreTableJackknife(table.values, counts),
      );
    }
    return {
      positive: base.positive,
      metrics: {
        roc_auc: withInterval(base.metrics.roc_auc, results[0], asked),
        average_precision: withInterval(base.metrics.average_precision, results[1], asked),
        log_loss: withInterval(base.metrics.log_loss, results[2], asked),
      },
      // The areas above are computed on the full curves; clients get them thinned.
      roc_curve: thinRocCurve(base.roc_curve),
      precision_recall_curve: thinPrecisionRecallCurve(base.precision_recall_curve),
      ...(base.threshold_sweep ? { threshold_sweep: base.threshold_sweep } : {}),
    };
  }
}
