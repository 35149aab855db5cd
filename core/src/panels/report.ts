/**
 * The Markdown report an evaluation panel exports: what ran (file, columns, settings, seed,
 * versions), the tables, and the sentences the panel shows. Cells from the file (labels, column
 * names) are escaped so they cannot break the tables.
 */
import type { AnalysisModel } from '../protocol/webview';
import { baselineVerdict, metricRows } from './evaluate';
import { baselineSentences, baselineTable } from './baseline';
import { formatCount, formatInterval, formatNumber, formatPercent } from './format';

/** Text safe in a Markdown table cell. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\r\n]+/g, ' ')
    .replace(/([`*_[\]])/g, '\\$1');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The report of a panel that has a result; the marker comment lets the checklist recognise it. */
export function analysisReport(model: AnalysisModel, date: string): string {
  const result = model.result;
  if (!result) return `# ${cell(model.fileName)}\n\nNothing was run yet.\n`;
  const lines: string[] = [];
  const settings: [string, string][] = [
    ['file', model.path],
    ['rows', formatCount(model.rows)],
  ];
  const bootstrap = (resamples: number, confidence?: number, seed?: number, method?: string): void => {
    settings.push([
      'intervals',
      resamples > 0
        ? `bootstrap, ${formatCount(resamples)} resamples${confidence ? `, ${String(confidence * 100)} %` : ''}${method ? `, ${method}` : ''}${seed !== undefined ? `, seed ${String(seed)}` : ''}`
        : 'none',
    ]);
  };
  switch (result.kind) {
    case 'evaluate': {
      const report = result.report;
      const choices = model.choices.kind === 'evaluate' ? model.choices : undefined;
      lines.push('<!-- mlguide-report: evaluation intervals -->', `# Evaluation of ${cell(model.fileName)}`, '');
      if (choices) {
        settings.push(['truth', choices.truth], ['prediction', choices.predicted]);
        if (choices.score) settings.push(['score', choices.score]);
      }
      const b = report.bootstrap;
      bootstrap(b?.resamples ?? 0, b?.confidence, b?.seed, b?.method);
      lines.push(...settingsBlock(settings, model.version, date));
      lines.push(`**${baselineVerdict(report).sentence}**`, '');
      lines.push(
        table(
          ['metric', 'value', 'interval'],
          metricRows(report).map((r) => [r.name, r.value, r.interval]),
        ),
        '',
      );
      if (report.task === 'classification') {
        lines.push('## Confusion matrix', '', 'Rows: truth; columns: prediction.', '');
        lines.push(
          table(
            ['', ...report.labels.map(cell)],
            report.confusion_matrix.map((row, i) => [cell(report.labels[i] ?? ''), ...row.map(formatCount)]),
          ),
          '',
          '## Per class',
          '',
          table(
            ['class', 'support', 'precision', 'recall', 'f1'],
            report.perClass.map((c) => [
              cell(c.label),
              formatCount(c.support),
              `${formatNumber(c.precision.value)} ${formatInterval(c.precision)}`,
              `${formatNumber(c.recall.value)} ${formatInterval(c.recall)}`,
              `${formatNumber(c.f1.value)} ${formatInterval(c.f1)}`,
            ]),
          ),
          '',
        );
      }
      break;
    }
    case 'baseline': {
      const report = result.report;
      lines.push(
        '<!-- mlguide-report: baseline -->',
        `# Baselines of ${cell(report.target)} in ${cell(model.fileName)}`,
        '',
      );
      settings.push(['target', report.target], ['task', report.task], ['seed', String(report.seed)]);
      const how =
        report.evaluation.kind === 'holdout'
          ? `hold-out, ${formatPercent(report.evaluation.testFraction)} test (${formatCount(report.evaluation.testRows)} rows)${report.evaluation.stratified ? ', stratified' : ''}`
          : report.evaluation.kind === 'kfold'
            ? `${String(report.evaluation.folds)}-fold${report.evaluation.stratified ? ' stratified' : ''}`
            : `test file ${report.evaluation.testFile}`;
      settings.push(['evaluated on', how]);
      lines.push(...settingsBlock(settings, model.version, date));
      for (const sentence of baselineSentences(report)) lines.push(`- ${sentence}`);
      lines.push('');
      const baselines = baselineTable(report);
      lines.push(table(baselines.header, baselines.rows), '');
      break;
    }
    case 'compare': {
      const report = result.report;
      lines.push('<!-- mlguide-report: comparison -->', `# Comparison of two models in ${cell(model.fileName)}`, '');
      if (model.choices.kind === 'compare') {
        settings.push(['truth', model.choices.truth], ['model A', model.choices.a], ['model B', model.choices.b]);
      }
      bootstrap(
        report.bootstrap?.resamples ?? 0,
        report.bootstrap?.confidence,
        report.bootstrap?.seed,
        report.bootstrap?.method,
      );
      lines.push(...settingsBlock(settings, model.version, date));
      const m = report.mcnemar;
      lines.push(
        `McNemar (${m.method}): ${formatCount(m.b)} rows only A got right, ${formatCount(m.c)} only B; statistic ${formatNumber(m.statistic)}, p = ${formatNumber(m.pValue)}.`,
        '',
        table(
          ['metric', 'A', 'B', 'B − A', 'interval'],
          Object.entries(report.metrics).map(([name, metric]) => [
            name,
            formatNumber(metric.a),
            formatNumber(metric.b),
            formatNumber(metric.difference.value),
            formatInterval(metric.difference),
          ]),
        ),
        '',
      );
      break;
    }
    case 'ab': {
      const report = result.report;
      lines.push('<!-- mlguide-report: ab -->', `# A/B test in ${cell(model.fileName)}`, '');
      settings.push(['variant', report.variant], ['outcome', report.outcome], ['control', report.control]);
      lines.push(...settingsBlock(settings, model.version, date));
      lines.push(
        table(
          ['arm', 'n', report.kind === 'binary' ? 'rate' : 'mean', 'interval'],
          report.arms.map((arm) => [
            cell(arm.name),
            formatCount(arm.n),
            formatNumber(report.kind === 'binary' ? arm.rate : arm.mean),
            arm.rateInterval ? `[${formatNumber(arm.rateInterval[0])}, ${formatNumber(arm.rateInterval[1])}]` : '',
          ]),
        ),
        '',
      );
      for (const comparison of report.comparisons) {
        lines.push(
          comparison.kind === 'binary'
            ? `- ${cell(comparison.treatment)} vs ${cell(report.control)}: difference ${formatNumber(comparison.difference.difference)} [${formatNumber(comparison.difference.newcombe[0])}, ${formatNumber(comparison.difference.newcombe[1])}], z-test p = ${formatNumber(comparison.zTest.pValue)}.`
            : `- ${cell(comparison.treatment)} vs ${cell(report.control)}: mean difference ${formatNumber(comparison.welch.meanDifference)}, Welch p = ${formatNumber(comparison.welch.pValue)}, Hedges' g ${formatNumber(comparison.effectSize.hedgesG)}.`,
        );
      }
      if (report.sampleSize) {
        lines.push(`- Sample size for the stated effect: ${formatCount(report.sampleSize.perArm)} per arm.`);
      }
      if (report.thompson) {
        lines.push(
          '',
          '## Thompson-sampling allocation',
          '',
          table(
            ['arm', 'P(best)', 'posterior mean'],
            report.thompson.arms.map((arm) => [
              cell(arm.name),
              formatPercent(arm.probabilityBest),
              formatNumber(arm.posteriorMean),
            ]),
          ),
        );
      }
      lines.push('');
      break;
    }
  }
  return `${lines.join('\n')}\n`;
}

function settingsBlock(settings: readonly [string, string][], version: string, date: string): string[] {
  return [
    table(
      ['setting', 'value'],
      ([...settings, ['mlguide', version], ['date', date]] as const).map(([k, v]) => [k, cell(v)]),
    ),
    '',
  ];
}
