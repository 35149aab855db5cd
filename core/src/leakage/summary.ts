/**
 * The words of the data-backed split checks: one headline per check (what the rules MLS016–MLS022
 * put in their diagnostics), and the plain-text summary the "Check Split for Leakage" command
 * writes to its output channel.
 */
import type { CheckStatus, LeakageReport, RowRef } from './types';

/** Which check: the keys of {@link LeakageReport} that hold one. */
export type LeakageCheckKey =
  'duplicates' | 'groupOverlap' | 'timeLeakage' | 'unseenCategories' | 'distributionShift' | 'targetLeakage' | 'sizes';

/** The checks in rule order, with the rule each one reports as. */
export const LEAKAGE_CHECKS: readonly { key: LeakageCheckKey; ruleId: string; title: string }[] = [
  { key: 'duplicates', ruleId: 'MLS016', title: 'Duplicate rows across splits' },
  { key: 'groupOverlap', ruleId: 'MLS017', title: 'Group / entity overlap' },
  { key: 'timeLeakage', ruleId: 'MLS018', title: 'Time leakage' },
  { key: 'unseenCategories', ruleId: 'MLS019', title: 'Labels and categories unseen in train' },
  { key: 'distributionShift', ruleId: 'MLS020', title: 'Distribution shift' },
  { key: 'targetLeakage', ruleId: 'MLS021', title: 'Single-feature target leakage' },
  { key: 'sizes', ruleId: 'MLS022', title: 'Split sizes' },
];

/** One check's outcome in words. */
export interface CheckHeadline {
  key: LeakageCheckKey;
  ruleId: string;
  title: string;
  status: CheckStatus;
  /** One paragraph: what was found, with counts and examples, or why the check was skipped. */
  message: string;
}

const n = (x: number): string => x.toLocaleString('en-US');
const pct = (x: number): string => `${(100 * x).toFixed(x < 0.001 && x > 0 ? 3 : 1)} %`;

/** `file:line`, the file relative to `base` when given. */
export function rowRef(ref: RowRef, base?: string): string {
  const file = base !== undefined ? relativeTo(base, ref.file) : ref.file;
  return `${file}:${ref.line}`;
}

/** `file` relative to the folder `base` when inside it (core does no path I/O: plain text). */
function relativeTo(base: string, file: string): string {
  const folder = base.replace(/[\\/]+$/, '');
  if (file.startsWith(`${folder}/`) || file.startsWith(`${folder}\\`)) return file.slice(folder.length + 1);
  return file;
}

/** The folder part of a path, `/` or `\\` separated. */
function dirname(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? file.slice(0, cut) : file;
}

function p(value: number): string {
  return value < 1e-4 ? value.toExponential(1) : value.toPrecision(2);
}

/** The headline of every check, in rule order. `base`: folder file names are shown relative to. */
export function checkHeadlines(report: LeakageReport, base?: string): CheckHeadline[] {
  return LEAKAGE_CHECKS.map(({ key, ruleId, title }) => ({
    key,
    ruleId,
    title,
    status: report[key].status,
    message: headline(report, key, base),
  }));
}

function headline(report: LeakageReport, key: LeakageCheckKey, base?: string): string {
  const t = report.thresholds;
  switch (key) {
    case 'duplicates': {
      const c = report.duplicates;
      if (c.status === 'skip') return 'needs at least two split files';
      const found = c.pairs.filter((pair) => pair.normalizedRowsB > 0);
      if (found.length === 0)
        return 'no row of one split appears in another (exactly or after normalising case, spaces and number formats)';
      return found
        .map((pair) => {
          const extra = pair.normalizedRowsB - pair.rowsB;
          const examples = pair.examples.map(
            (e) => `${rowRef(e.a, base)} ↔ ${rowRef(e.b, base)}${e.normalized ? ' (normalised)' : ''}`,
          );
          const extraA = pair.normalizedRowsA - pair.rowsA;
          return `${n(pair.rowsA)} ${pair.a} row${pair.rowsA === 1 ? '' : 's'} also occur${pair.rowsA === 1 ? 's' : ''} in ${pair.b} (${n(pair.rowsB)} ${pair.b} row${pair.rowsB === 1 ? '' : 's'})${extra > 0 || extraA > 0 ? `, and ${n(extraA)} more once case, surrounding spaces and number formats are normalised (${n(extra)} ${pair.b} rows)` : ''}: ${pct(pair.shareOfSmaller)} of the smaller split; first pairs ${examples.join(', ')}`;
        })
        .join('; ');
    }
    case 'groupOverlap': {
      const c = report.groupOverlap;
      if (c.status === 'skip') return c.reason ?? 'skipped';
      if (c.pairs.length === 0) return `no ${c.columns.join(', ')} value appears in two splits`;
      return (
        c.pairs
          .map(
            (pair) =>
              `${n(pair.sharedIds)} ${pair.column} values are in both ${pair.a} and ${pair.b} (${n(pair.rowsA)} ${pair.a} rows, ${n(pair.rowsB)} ${pair.b} rows), e.g. ${pair.examples.map((e) => `${e.id} at ${rowRef(e.a, base)} ↔ ${rowRef(e.b, base)}`).join(', ')}`,
          )
          .join('; ') + (c.source === 'id-like' ? ' (id-like columns; set group_by to name the entity)' : '')
      );
    }
    case 'timeLeakage': {
      const c = report.timeLeakage;
      if (c.status === 'skip') return c.reason ?? 'skipped';
      const end = c.referenceEnd ? `${c.referenceEnd.value} (${rowRef(c.referenceEnd.at, base)})` : '?';
      const leaky = c.splits.filter((s) => s.earlier > 0);
      if (leaky.length === 0)
        return `every ${c.splits.map((s) => s.split).join(' and ')} row is dated at or after the end of ${report.reference}, ${end}`;
      return (
        leaky
          .map(
            (s) =>
              `${n(s.earlier)} of ${n(s.rows)} ${s.split} rows (${pct(s.earlier / Math.max(1, s.rows))}) are dated before the end of ${report.reference}, ${end}; the earliest ${s.split} row is ${s.earliest ? `${s.earliest.value} (${rowRef(s.earliest.at, base)})` : '?'}`,
          )
          .join('; ') + (c.referenceEarliest ? `; ${report.reference} starts ${c.referenceEarliest.value}` : '')
      );
    }
    case 'unseenCategories': {
      const c = report.unseenCategories;
      if (c.status === 'skip') return 'no categorical column or target to compare';
      if (c.findings.length === 0)
        return `every value of ${c.columns.join(', ')} in the other splits occurs in ${report.reference}`;
      return c.findings
        .map(
          (f) =>
            `${f.isTarget ? 'label' : 'column'} ${f.column}: ${n(f.values)} value${f.values === 1 ? '' : 's'} in ${f.split} never seen in ${report.reference} (${n(f.rows)} rows: ${f.examples.map((e) => `${JSON.stringify(e.value)} ×${n(e.rows)}`).join(', ')})`,
        )
        .join('; ');
    }
    case 'distributionShift': {
      const c = report.distributionShift;
      if (c.status === 'skip') return c.reason ?? 'skipped';
      return c.pairs
        .map((pair) => {
          const moved = pair.columns.filter((col) => col.status !== 'stable').sort((x, y) => y.psi - x.psi);
          if (moved.length === 0)
            return `${pair.a} → ${pair.b}: no column shifted (${pair.columns.length} compared; KS / chi-square at α ${t.alpha}, Holm, and PSI ≥ ${t.psiModerate})`;
          return `${pair.a} → ${pair.b}: ${moved
            .map(
              (col) =>
                `${col.isTarget ? 'label ' : ''}${col.column} ${col.status === 'drift' ? 'shifted' : 'moved'} (${col.kind === 'numeric' ? `KS D = ${col.statistic.toFixed(3)}` : `chi-square = ${col.statistic.toFixed(1)}, Cramér's V = ${(col.cramersV ?? 0).toFixed(3)}`}, p = ${p(col.adjustedPValue)} < ${t.alpha}, PSI ${col.psi.toFixed(3)} ≥ ${col.status === 'drift' ? t.psiSignificant : t.psiModerate})`,
            )
            .join(', ')}`;
        })
        .join('; ');
    }
    case 'targetLeakage': {
      const c = report.targetLeakage;
      if (c.status === 'skip') return c.reason ?? 'skipped';
      const show = (s: { column: string; balancedAccuracy: number; grouping: string }): string =>
        `${s.column} ${s.balancedAccuracy.toFixed(3)}${s.grouping === 'bins' ? ' (binned)' : ''}`;
      if (c.leaks.length === 0)
        return `no single column predicts ${c.target ?? 'the target'} with balanced accuracy ≥ ${t.targetScore} on ${c.evaluatedOn ?? 'test'} (best: ${c.scores.slice(0, 3).map(show).join(', ')})`;
      return `${c.leaks.map(show).join(', ')}: alone, ${c.leaks.length === 1 ? 'this column predicts' : 'each predicts'} ${c.target ?? 'the target'} on ${c.evaluatedOn ?? 'test'} with balanced accuracy ≥ ${t.targetScore} (majority label per value learnt on ${report.reference})`;
    }
    case 'sizes': {
      const c = report.sizes;
      if (c.status === 'skip') return 'no split file was read';
      const rows = c.splits
        .map(
          (s) =>
            `${s.split} ${n(s.rows)} rows (${pct(s.actualShare)}${s.configured !== undefined ? `, configured ${s.configured <= 1 ? pct(s.configuredShare ?? s.configured) : n(s.configured)}` : ''})${s.off ? ' ← off' : ''}`,
        )
        .join(', ');
      return `${c.problem ? `${c.problem}; ` : ''}${rows}${c.splits.some((s) => s.off) ? ` (tolerance ${pct(t.sizeTolerance)})` : ''}`;
    }
  }
}

const MARK: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

/**
 * The plain-text summary of a report: a header naming the split file and the files read, one
 * `PASS` / `WARN` / `FAIL` / `SKIP` line per check with its rule id, the headline indented under
 * it, and a last line counting each status.
 */
export function formatLeakageSummary(report: LeakageReport, splitFile: string, seconds?: number): string {
  const base = dirname(splitFile);
  const lines = [`mlguide: leakage checks of ${splitFile}`];
  for (const f of report.files) {
    lines.push(
      `  ${f.split}: ${rowRef({ file: f.file, line: 0 }, base).replace(/:0$/, '')}, ${n(f.rows)} rows${f.warnings.length > 0 ? ` (${f.warnings.length} CSV warning${f.warnings.length === 1 ? '' : 's'})` : ''}`,
    );
  }
  lines.push('');
  const headlines = checkHeadlines(report, base);
  for (const h of headlines) {
    lines.push(`${MARK[h.status]}  ${h.ruleId}  ${h.title}`);
    lines.push(`      ${h.message}`);
  }
  const count = (s: CheckStatus): number => headlines.filter((h) => h.status === s).length;
  lines.push('');
  lines.push(
    `${count('pass')} passed, ${count('warn')} warned, ${count('fail')} failed, ${count('skip')} skipped${seconds !== undefined ? ` in ${seconds.toFixed(1)} s` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
