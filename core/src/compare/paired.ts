/**
 * Two classifiers on the same rows (book ch. 7): McNemar's test on their discordant pairs and a
 * paired bootstrap of every metric's difference. The rows are summarised by the joint table of
 * (true, A's prediction, B's prediction) counts; resampling rows with replacement is one
 * multinomial draw over that table, so the bootstrap costs O(B · k³) whatever the row count, and
 * A and B are always scored on the same resampled rows — the pairing the test needs.
 */
import { bootstrapCountsVectorSteps, runSteps, runStepsAsync, type StepControl, type Steps } from '../bootstrap';
import { resolveBootstrapOptions } from '../bootstrap/options';
import { withInterval, type BootstrapReport, type ReportedMetric } from '../evaluate/report';
import {
  MAX_LABELS,
  MetricInputError,
  confusionMetricDefinitions,
  sortLabels,
  summarizeConfusion,
  type ClassificationOptions,
} from '../metrics';
import type { BootstrapOptions } from '../bootstrap';
import { mcnemarTest, type McNemarResult } from './mcnemar';

/** One metric of both models and their difference B − A with its interval. */
export interface PairedMetric {
  a: number;
  b: number;
  /** B − A: positive when B scores higher. */
  difference: ReportedMetric;
}

/** The result of {@link PairedComparison.finish}. */
export interface PairedComparisonReport {
  version: 1;
  rows: number;
  labels: string[];
  /** McNemar's test on the rows one model got right and the other wrong. */
  mcnemar: McNemarResult;
  metrics: Record<string, PairedMetric>;
  bootstrap?: BootstrapReport;
}

/** Options: the metrics' ({@link ClassificationOptions}) and the bootstrap's (`false` for none). */
export interface PairedComparisonOptions extends ClassificationOptions {
  bootstrap?: BootstrapOptions | false;
}

/** Accumulates (true, A, B) rows; {@link finish} compares the models. */
export class PairedComparison {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly counts = new Map<number, number>();
  private n = 0;

  constructor(private readonly options: PairedComparisonOptions = {}) {}

  private labelIndex(label: string): number {
    let i = this.index.get(label);
    if (i === undefined) {
      if (this.names.length >= MAX_LABELS) {
        throw new MetricInputError(`more than ${MAX_LABELS} distinct labels: not class labels`);
      }
      i = this.names.length;
      this.index.set(label, i);
      this.names.push(label);
    }
    return i;
  }

  /** Adds one row: its true label and the two models' predictions. */
  add(truth: string, predictedA: string, predictedB: string): void {
    const key =
      (this.labelIndex(truth) * MAX_LABELS + this.labelIndex(predictedA)) * MAX_LABELS + this.labelIndex(predictedB);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.n++;
  }

  /** Rows added so far. */
  get count(): number {
    return this.n;
  }

  /** McNemar's test and the paired differences of every metric of the options. */
  finish(): PairedComparisonReport {
    return runSteps(this.finishSteps());
  }

  /** {@link finish} in slices that give the event loop a turn and stop on a cancellation. */
  finishAsync(control: StepControl): Promise<PairedComparisonReport> {
    return runStepsAsync(this.finishSteps(), control);
  }

  /** {@link finish} as steps (see core/src/bootstrap/steps.ts). */
  *finishSteps(): Steps<PairedComparisonReport> {
    if (this.n === 0) throw new MetricInputError('no rows to compare');
    const labels = sortLabels(this.names);
    const position = this.names.map((name) => labels.indexOf(name));
    const k = labels.length;
    // The joint table's non-empty cells, with their (true, A, B) positions in sorted label order.
    const cells: { t: number; a: number; b: number; count: number }[] = [];
    for (const [key, count] of this.counts) {
      const b = key % MAX_LABELS;
      const a = Math.floor(key / MAX_LABELS) % MAX_LABELS;
      const t = Math.floor(key / (MAX_LABELS * MAX_LABELS));
      cells.push({ t: position[t] as number, a: position[a] as number, b: position[b] as number, count });
    }
    const definitions = confusionMetricDefinitions(labels, this.options);
    const confusionA = new Float64Array(k * k);
    const confusionB = new Float64Array(k * k);
    const metricsOf = (counts: ArrayLike<number>): { a: number[]; b: number[] } => {
      confusionA.fill(0);
      confusionB.fill(0);
      cells.forEach((cell, i) => {
        const c = counts[i] as number;
        confusionA[cell.t * k + cell.a] = (confusionA[cell.t * k + cell.a] as number) + c;
        confusionB[cell.t * k + cell.b] = (confusionB[cell.t * k + cell.b] as number) + c;
      });
      const summaryA = summarizeConfusion(confusionA, k);
      const summaryB = summarizeConfusion(confusionB, k);
      return { a: definitions.map((d) => d.compute(summaryA)), b: definitions.map((d) => d.compute(summaryB)) };
    };
    const observedCounts = cells.map((c) => c.count);
    const observed = metricsOf(observedCounts);

    let discordantB = 0;
    let discordantC = 0;
    for (const cell of cells) {
      if (cell.a === cell.t && cell.b !== cell.t) discordantB += cell.count;
      if (cell.a !== cell.t && cell.b === cell.t) discordantC += cell.count;
    }

    const settings = this.options.bootstrap === false ? undefined : resolveBootstrapOptions(this.options.bootstrap);
    const results = settings
      ? yield* bootstrapCountsVectorSteps(
          observedCounts,
          (counts) => {
            const { a, b } = metricsOf(counts);
            return b.map((value, i) => value - (a[i] as number));
          },
          settings,
        )
      : [];

    const metrics: Record<string, PairedMetric> = {};
    definitions.forEach((d, i) => {
      const key = d.label === undefined ? d.key : `${d.key}[${d.label}]`;
      const a = observed.a[i] as number;
      const b = observed.b[i] as number;
      metrics[key] = { a, b, difference: withInterval({ value: b - a }, results[i], settings?.method) };
    });
    const report: PairedComparisonReport = {
      version: 1,
      rows: this.n,
      labels,
      mcnemar: mcnemarTest(discordantB, discordantC),
      metrics,
    };
    if (settings) {
      report.bootstrap = {
        resamples: settings.resamples,
        confidence: settings.confidence,
        seed: settings.seed,
        method: settings.method,
        scheme: 'multinomial',
      };
    }
    return report;
  }
}
