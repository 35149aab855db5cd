// Helpers shared by the unit tests (not a test file itself: the runner picks up `*.test.ts`).
import { runCli } from '../../server/src/cli';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TextEditLike } from '../../server/src/fixes';

/** The repository root. */
export const repoRoot = path.resolve(__dirname, '../..');

/** The shared real-world corpus, checked out beside the repository (`../shared`). */
export const corpusDir = path.resolve(__dirname, '../../../shared/corpus');

/** A scratch folder under the OS temp dir; `remove()` deletes it with everything in it. */
export interface ScratchDir {
  dir: string;
  /** Writes `content` to `name` (folders created as needed) and returns the full path. */
  write(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export function scratchDir(): ScratchDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlguide-unit-'));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return file;
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Applies an LSP-style edit (zero-based lines, UTF-16 columns) to `text`, whatever its line endings. */
export function applyEdit(text: string, edit: TextEditLike): string {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (position: { line: number; character: number }): number => {
    const start = lineStarts[position.line];
    if (start === undefined) throw new RangeError(`line ${position.line} is past the end of the text`);
    return start + position.character;
  };
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

/** A small deterministic pseudo-random generator (mulberry32), so generated data is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Asserts `actual` is within `relative` of `expected` (absolute near zero). */
export function assertClose(actual: number | undefined, expected: number, relative: number, what: string): void {
  if (actual === undefined || !Number.isFinite(actual)) {
    throw new Error(`${what}: expected ${expected}, got ${String(actual)}`);
  }
  const tolerance = relative * Math.max(1, Math.abs(expected));
  if (Math.abs(actual - expected) > tolerance) {
    throw new Error(`${what}: expected ${expected}, got ${actual} (difference ${Math.abs(actual - expected)})`);
  }
}

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process in `cwd`, capturing its output. */
export async function cli(args: readonly string[], cwd: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Metrics of a confusion matrix written out plainly, for the bootstrap tests to resample.

/** Accuracy: the diagonal's share of the rows. */
export function accuracyOfMatrix(matrix: number[][]): number {
  let total = 0;
  let correct = 0;
  matrix.forEach((row, i) =>
    row.forEach((count, j) => {
      total += count;
      if (i === j) correct += count;
    }),
  );
  return correct / total;
}

/** Macro-averaged F1 (scikit-learn's definition, 0 for a class with no true or predicted rows). */
export function macroF1OfMatrix(matrix: number[][]): number {
  const k = matrix.length;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const tp = matrix[c]?.[c] ?? 0;
    let predicted = 0;
    let actual = 0;
    for (let i = 0; i < k; i++) {
      predicted += matrix[i]?.[c] ?? 0;
      actual += matrix[c]?.[i] ?? 0;
    }
    const denominator = predicted + actual;
    sum += denominator === 0 ? 0 : (2 * tp) / denominator;
  }
  return sum / k;
}
