/**
 * Confusion matrices: counted in one pass over (true, predicted) label pairs with a label → index
 * map, so a million rows cost two map look-ups each and no allocation.
 */
import { sortLabels } from './labels';
import { MetricInputError } from './types';

/**
 * A confusion matrix as scikit-learn's `confusion_matrix` returns it: `matrix[i][j]` counts the
 * rows whose true label is `labels[i]` and whose predicted label is `labels[j]` (rows = true,
 * columns = predicted).
 */
export interface ConfusionMatrix {
  labels: string[];
  matrix: number[][];
}

/**
 * The most distinct labels an accumulator takes. The matrix is dense (labels² cells); a column
 * with more distinct values than this is not a class label.
 */
export const MAX_LABELS = 2048;

/**
 * Counts (true, predicted) pairs as they stream in; `finish()` gives the matrix over the sorted
 * union of the labels seen (and any given to the constructor), as scikit-learn orders them.
 */
export class ConfusionAccumulator {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private stride = 4;
  private cells = new Float64Array(16);
  private rows = 0;

  /** `labels`: classes to include even if no row has them (they get zero rows and columns). */
  constructor(labels?: Iterable<string>) {
    if (labels) for (const label of labels) this.indexOf(label);
  }

  /** Pairs counted so far. */
  get count(): number {
    return this.rows;
  }

  /** Counts one row. */
  add(trueLabel: string, predictedLabel: string): void {
    const t = this.indexOf(trueLabel);
    const p = this.indexOf(predictedLabel);
    const cell = t * this.stride + p;
    this.cells[cell] = (this.cells[cell] as number) + 1;
    this.rows++;
  }

  /** Counts a chunk of rows; the two arrays are aligned. */
  addBatch(yTrue: readonly string[], yPred: readonly string[]): void {
    if (yTrue.length !== yPred.length) {
      throw new MetricInputError(`y_true has ${yTrue.length} rows but y_pred has ${yPred.length}`);
    }
    // Consecutive rows often repeat a label: remember the last look-up of each column.
    let lastTrue: string | undefined;
    let lastPred: string | undefined;
    let t = 0;
    let p = 0;
    for (let i = 0; i < yTrue.length; i++) {
      const trueLabel = yTrue[i] as string;
      const predictedLabel = yPred[i] as string;
      if (trueLabel !== lastTrue) {
        t = this.indexOf(trueLabel);
        lastTrue = trueLabel;
      }
      if (predictedLabel !== lastPred) {
        p = this.indexOf(predictedLabel);
        lastPred = predictedLabel;
      }
      const cell = t * this.stride + p;
      this.cells[cell] = (this.cells[cell] as number) + 1;
    }
    this.rows += yTrue.length;
  }

  /** The matrix over the sorted labels. The accumulator can keep counting afterwards. */
  finish(): ConfusionMatrix {
    const labels = sortLabels(this.names);
    const order = labels.map((label) => this.index.get(label) as number);
    const matrix = order.map((t) => order.map((p) => this.cells[t * this.stride + p] as number));
    return { labels, matrix };
  }

  private indexOf(label: string): number {
    let i = this.index.get(label);
    if (i === undefined) {
      i = this.names.length;
      if (i >= MAX_LABELS) {
        throw new MetricInputError(
          `more than ${MAX_LABELS} distinct labels: is this column a class label? (last seen: ${JSON.stringify(label)})`,
        );
      }
      if (i >= this.stride) this.widen();
      this.index.set(label, i);
      this.names.push(label);
    }
    return i;
  }

  private widen(): void {
    const stride = this.stride * 2;
    const cells = new Float64Array(stride * stride);
    for (let t = 0; t < this.stride; t++) {
      cells.set(this.cells.subarray(t * this.stride, (t + 1) * this.stride), t * stride);
    }
    this.stride = stride;
    this.cells = cells;
  }
}

/**
 * scikit-learn's `confusion_matrix(y_true, y_pred, labels=labels)`. Without `labels`, the matrix
 * covers the sorted union of both columns. With `labels`, it has exactly those rows and columns in
 * that order, and rows whose true or predicted label is not among them are left out — as
 * scikit-learn does, which also refuses a list none of whose labels occurs in y_true.
 */
export function confusionMatrix(
  yTrue: readonly string[],
  yPred: readonly string[],
  labels?: readonly string[],
): ConfusionMatrix {
  const accumulator = new ConfusionAccumulator();
  accumulator.addBatch(yTrue, yPred);
  const full = accumulator.finish();
  if (labels === undefined) return full;
  if (labels.length === 0) throw new MetricInputError("'labels' should contains at least one label.");
  if (new Set(labels).size !== labels.length) throw new MetricInputError("'labels' has duplicates.");
  if (yTrue.length > 0) {
    const inTrue = new Set(full.labels.filter((_, i) => (full.matrix[i] ?? []).some((count) => count > 0)));
    if (!labels.some((label) => inTrue.has(label))) {
      throw new MetricInputError('At least one label specified must be in y_true');
    }
  }
  return selectLabels(full, labels);
}

/**
 * The rows and columns of `labels`, in that order (labels absent from `confusion` get zeros):
 * the pairs whose true or predicted label is not among them are left out.
 */
export function selectLabels(confusion: ConfusionMatrix, labels: readonly string[]): ConfusionMatrix {
  const position = new Map(confusion.labels.map((label, i) => [label, i]));
  const indices = labels.map((label) => position.get(label) ?? -1);
  const matrix = indices.map((t) => indices.map((p) => (t < 0 || p < 0 ? 0 : ((confusion.matrix[t] ?? [])[p] ?? 0))));
  return { labels: [...labels], matrix };
}

/** The matrix's counts row-major in one Float64Array (`cells[i * k + j]` = `matrix[i][j]`). */
export function flattenConfusion(confusion: ConfusionMatrix): Float64Array {
  const k = confusion.labels.length;
  const cells = new Float64Array(k * k);
  confusion.matrix.forEach((row, i) => {
    if (row.length !== k) throw new MetricInputError(`confusion matrix row ${i} has ${row.length} cells, not ${k}`);
    cells.set(row, i * k);
  });
  if (confusion.matrix.length !== k) {
    throw new MetricInputError(`confusion matrix has ${confusion.matrix.length} rows for ${k} labels`);
  }
  return cells;
}
