/**
 * The evaluation panels' page: the choices form, then the result of the job that ran. Everything
 * from the file (column names, labels, messages) is set as text. F-beta and the threshold control
 * recompute here at once, from the report, without asking the host.
 */
import type { ClassificationReport } from '../../core/src/evaluate/classification';
import type { RegressionReport } from '../../core/src/evaluate/regression';
import { baselineSentences, baselineTable } from '../../core/src/panels/baseline';
import { atThreshold, baselineVerdict, macroFbeta, metricRows, perClassFbeta } from '../../core/src/panels/evaluate';
import { formatCount, formatInterval, formatNumber, formatPercent } from '../../core/src/panels/format';
import type { AbResult, BaselineResult } from '../../core/src/protocol/reports';
import type { CompareResult } from '../../core/src/protocol/lsp';
import type { CsvProfile } from '../../core/src/profile/profile';
import type {
  AnalysisChoices,
  AnalysisModel,
  AnalysisPageMessage,
  CompareChoices,
  DatasetChoices,
  EvaluateChoices,
} from '../../core/src/protocol/webview';
import { heatmap, histogramChart, pngDataUrl, scatterChart, standaloneSvg, unitLineChart } from './charts';

type Child = Node | string;
type Post = (message: AnalysisPageMessage) => void;

/** Creates an element. Text is always set as text, never parsed as HTML. */
function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

/** What the page keeps between renders of the same result (the controls the user moved). */
export interface LocalState {
  beta: number;
  threshold: number;
  normalised: boolean;
}

const TITLES = { dataset: 'Dataset & baseline', evaluate: 'Evaluate predictions', compare: 'Compare models' } as const;

/** Renders the whole page for `model`. */
export function renderAnalysis(root: HTMLElement, model: AnalysisModel, local: LocalState, post: Post): void {
  const header = el(
    'header',
    {},
    el('h1', { title: model.path }, `${TITLES[model.kind]}: ${model.fileName}`),
    el('p', { class: 'muted' }, `${formatCount(model.rows)} rows · ${String(model.columns.length)} columns`),
  );
  const form = renderForm(model, local, post);
  const children: HTMLElement[] = [header, form];
  if (model.running) {
    const cancel = el('vscode-button', { secondary: '', 'data-action': 'cancel' }, 'Cancel');
    cancel.addEventListener('click', () => post({ type: 'cancel' }));
    children.push(
      el(
        'div',
        { class: 'running', role: 'status' },
        el('vscode-progress-bar', { indeterminate: '' }),
        el('span', { 'data-progress': '' }, 'Running in the language server…'),
        cancel,
      ),
    );
  }
  if (model.error) children.push(el('p', { class: 'error', role: 'alert' }, model.error));
  if (model.kind === 'dataset' && model.profile) {
    const target = model.choices.kind === 'dataset' ? model.choices.target : '';
    children.push(...renderProfile(model.profile, target, model.profilePartial === true));
  }
  if (model.result) {
    const exportButton = el('vscode-button', { secondary: '', 'data-action': 'export' }, 'Export report…');
    exportButton.addEventListener('click', () => post({ type: 'export' }));
    children.push(el('div', { class: 'toolbar' }, exportButton));
    const result = model.result;
    switch (result.kind) {
      case 'evaluate':
        children.push(...renderEvaluation(result.report, local, post, () => renderAnalysis(root, model, local, post)));
        break;
      case 'baseline':
        children.push(...renderBaselines(result.report));
        break;
      case 'compare':
        children.push(...renderComparison(result.report));
        break;
      case 'ab':
        children.push(...renderAb(result.report));
        break;
    }
  }
  root.replaceChildren(...children);
}

/** Shows `message` where the progress is. */
export function renderProgress(root: HTMLElement, message: string): void {
  const progress = root.querySelector('[data-progress]');
  if (progress) progress.textContent = message;
}

// ---------------------------------------------------------------------------------------------
// The choices form

function columnSelect(label: string, name: string, model: AnalysisModel, value: string, optional = false): HTMLElement {
  const select = el('vscode-single-select', { name, 'aria-label': label });
  if (optional) select.append(el('vscode-option', { value: '' }, '(none)'));
  for (const column of model.columns) {
    const option = el('vscode-option', { value: column.name, description: column.type }, column.name);
    if (column.name === value) option.setAttribute('selected', '');
    select.append(option);
  }
  return field(label, select);
}

function numberField(label: string, name: string, value: number, attributes: Record<string, string> = {}): HTMLElement {
  return field(
    label,
    el('vscode-textfield', { type: 'number', name, value: String(value), 'aria-label': label, ...attributes }),
  );
}

function choiceSelect(label: string, name: string, options: readonly [string, string][], value: string): HTMLElement {
  const select = el('vscode-single-select', { name, 'aria-label': label });
  for (const [optionValue, text] of options) {
    const option = el('vscode-option', { value: optionValue }, text);
    if (optionValue === value) option.setAttribute('selected', '');
    select.append(option);
  }
  return field(label, select);
}

function field(label: string, control: HTMLElement): HTMLElement {
  return el('label', { class: 'field' }, el('span', { class: 'field-label' }, label), control);
}

/** The value of a form control (the web components keep it in their `value` property). */
function valueOf(form: HTMLElement, name: string): string {
  const control = form.querySelector<HTMLElement & { value?: unknown }>(`[name="${CSS.escape(name)}"]`);
  return typeof control?.value === 'string' ? control.value : '';
}

function numberOf(form: HTMLElement, name: string, fallback: number): number {
  const value = Number(valueOf(form, name));
  return Number.isFinite(value) && valueOf(form, name) !== '' ? value : fallback;
}

function renderForm(model: AnalysisModel, local: LocalState, post: Post): HTMLElement {
  const choices = model.choices;
  const fields: HTMLElement[] = [];
  switch (choices.kind) {
    case 'dataset':
      fields.push(
        columnSelect('Target', 'target', model, choices.target),
        choiceSelect(
          'Task',
          'task',
          [
            ['auto', 'detect'],
            ['classification', 'classification'],
            ['regression', 'regression'],
          ],
          choices.task,
        ),
        choiceSelect(
          'Evaluated on',
          'evaluation',
          [
            ['holdout', 'seeded hold-out'],
            ['kfold', 'stratified k-fold'],
          ],
          choices.evaluation === 'test' ? 'holdout' : choices.evaluation,
        ),
        numberField('Test share', 'testFraction', choices.testFraction, { min: '0.05', max: '0.95', step: '0.05' }),
        numberField('Folds', 'folds', choices.folds, { min: '2', max: '20', step: '1' }),
      );
      break;
    case 'evaluate':
      fields.push(
        columnSelect('Truth', 'truth', model, choices.truth),
        columnSelect('Prediction', 'predicted', model, choices.predicted),
        columnSelect('Score (positive class)', 'score', model, choices.score, true),
        field(
          'Positive class',
          el('vscode-textfield', {
            name: 'positive',
            value: choices.positive,
            placeholder: 'auto',
            'aria-label': 'Positive class',
          }),
        ),
        numberField('Confidence', 'confidence', choices.confidence, { min: '0.5', max: '0.999', step: '0.01' }),
        choiceSelect(
          'Interval',
          'method',
          [
            ['bca', 'BCa'],
            ['percentile', 'percentile'],
          ],
          choices.method,
        ),
      );
      break;
    case 'compare':
      fields.push(
        choiceSelect(
          'Mode',
          'mode',
          [
            ['paired', 'two models on the same rows'],
            ['ab', 'A/B test logs'],
          ],
          choices.mode,
        ),
      );
      if (choices.mode === 'paired') {
        fields.push(
          columnSelect('Truth', 'truth', model, choices.truth),
          columnSelect('Model A (current)', 'a', model, choices.a),
        );
        const other = model.other;
        if (other && choices.otherUri) {
          const otherModel = { ...model, columns: other.columns };
          fields.push(columnSelect(`Model B (in ${other.fileName})`, 'b', otherModel, choices.b));
          const shared = other.columns.filter((c) => model.columns.some((mine) => mine.name === c.name));
          fields.push(
            choiceSelect(
              'Match rows',
              'joinOn',
              [['', 'by position'], ...shared.map((c): [string, string] => [c.name, `on ${c.name}`])],
              choices.joinOn,
            ),
          );
          const clear = el('vscode-button', { secondary: '', 'data-action': 'clear-other' }, 'Model B from this file');
          clear.addEventListener('click', () => post({ type: 'clearOther' }));
          fields.push(clear);
        } else {
          fields.push(columnSelect('Model B (new)', 'b', model, choices.b));
          const pick = el(
            'vscode-button',
            { secondary: '', 'data-action': 'pick-other' },
            'Model B from another file…',
          );
          pick.addEventListener('click', () => post({ type: 'pickOther' }));
          fields.push(pick);
        }
      } else {
        fields.push(
          columnSelect('Variant', 'variant', model, choices.variant),
          columnSelect('Outcome', 'outcome', model, choices.outcome),
          numberField('Minimum effect (rate)', 'mde', choices.mde, { min: '0', max: '1', step: '0.005' }),
        );
      }
      fields.push(
        numberField('Confidence', 'confidence', choices.confidence, { min: '0.5', max: '0.999', step: '0.01' }),
      );
      break;
  }
  fields.push(
    numberField('Resamples', 'resamples', choices.resamples, { min: '0', max: '100000', step: '100' }),
    numberField('Seed', 'seed', choices.seed, { min: '0', step: '1' }),
  );
  const form = el('form', { class: 'choices', 'aria-label': 'Choices' }, ...fields);
  const run = el('vscode-button', { 'data-action': 'run' }, model.result ? 'Run again' : 'Run');
  if (model.running) run.setAttribute('disabled', '');
  // The beta the control shows is the one run (and remembered with the file's other choices).
  run.addEventListener('click', () => {
    const read = readChoices(form, choices);
    post({ type: 'run', choices: read.kind === 'evaluate' ? { ...read, beta: local.beta } : read });
  });
  form.append(run);
  // The mode changes which fields apply: re-run the form's shape through the host.
  form.querySelector('[name="mode"]')?.addEventListener('change', () => {
    post({ type: 'run', choices: { ...readChoices(form, choices), resamples: 0 } });
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

function readChoices(form: HTMLElement, current: AnalysisChoices): AnalysisChoices {
  const common = {
    seed: Math.max(0, Math.round(numberOf(form, 'seed', current.seed))),
    resamples: Math.max(0, Math.min(100_000, Math.round(numberOf(form, 'resamples', current.resamples)))),
  };
  switch (current.kind) {
    case 'dataset': {
      const evaluation = valueOf(form, 'evaluation');
      const task = valueOf(form, 'task');
      const next: DatasetChoices = {
        ...current,
        ...common,
        target: valueOf(form, 'target') || current.target,
        task: task === 'classification' || task === 'regression' ? task : 'auto',
        evaluation: evaluation === 'kfold' ? 'kfold' : 'holdout',
        testFraction: Math.max(0.05, Math.min(0.95, numberOf(form, 'testFraction', current.testFraction))),
        folds: Math.max(2, Math.min(20, Math.round(numberOf(form, 'folds', current.folds)))),
      };
      return next;
    }
    case 'evaluate': {
      const next: EvaluateChoices = {
        ...current,
        ...common,
        truth: valueOf(form, 'truth') || current.truth,
        predicted: valueOf(form, 'predicted') || current.predicted,
        score: valueOf(form, 'score'),
        positive: valueOf(form, 'positive').trim(),
        confidence: Math.max(0.5, Math.min(0.999, numberOf(form, 'confidence', current.confidence))),
        method: valueOf(form, 'method') === 'percentile' ? 'percentile' : 'bca',
      };
      return next;
    }
    case 'compare': {
      const next: CompareChoices = {
        ...current,
        ...common,
        mode: valueOf(form, 'mode') === 'ab' ? 'ab' : 'paired',
        truth: valueOf(form, 'truth') || current.truth,
        a: valueOf(form, 'a') || current.a,
        b: valueOf(form, 'b') || current.b,
        joinOn: current.otherUri ? valueOf(form, 'joinOn') : '',
        variant: valueOf(form, 'variant') || current.variant,
        outcome: valueOf(form, 'outcome') || current.outcome,
        mde: Math.max(0, Math.min(1, numberOf(form, 'mde', current.mde))),
        confidence: Math.max(0.5, Math.min(0.999, numberOf(form, 'confidence', current.confidence))),
      };
      return next;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Results

function table(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  attributes: Record<string, string> = {},
): HTMLElement {
  return el(
    'table',
    { 'aria-label': caption, ...attributes },
    el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el('tr', {}, ...row.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))),
      ),
    ),
  );
}

/** A chart with its copy buttons. */
function chartFigure(chart: SVGSVGElement, name: string, post: Post): HTMLElement {
  const copy = el('vscode-button', { secondary: '', 'data-action': 'copy-svg' }, 'Copy SVG');
  copy.addEventListener('click', () => post({ type: 'copySvg', svg: standaloneSvg(chart) }));
  const png = el('vscode-button', { secondary: '', 'data-action': 'save-png' }, 'Save PNG…');
  png.addEventListener('click', () => {
    void pngDataUrl(chart).then((dataUrl) => post({ type: 'savePng', dataUrl, name: `${name}.png` }));
  });
  return el('figure', { class: 'chart-figure' }, chart, el('div', { class: 'chart-actions' }, copy, png));
}

function renderEvaluation(
  report: ClassificationReport | RegressionReport,
  local: LocalState,
  post: Post,
  rerender: () => void,
): HTMLElement[] {
  const verdict = baselineVerdict(report);
  const out: HTMLElement[] = [
    el(
      'p',
      { class: `verdict verdict-${verdict.verdict.replace(' ', '-')}`, 'data-verdict': verdict.verdict },
      verdict.sentence,
    ),
  ];
  const bootstrap = report.bootstrap;
  out.push(
    el(
      'p',
      { class: 'muted', 'data-bootstrap': '' },
      bootstrap
        ? `Intervals: ${formatCount(bootstrap.resamples)} bootstrap resamples, ${String(Math.round(bootstrap.confidence * 1000) / 10)} %, ${bootstrap.method}, seed ${String(bootstrap.seed)}${'scheme' in bootstrap ? ` (${bootstrap.scheme})` : ''}.`
        : 'No intervals (0 resamples).',
    ),
  );
  out.push(
    el('h2', {}, 'Metrics'),
    table(
      'Metrics',
      ['metric', 'value', 'interval', 'note'],
      metricRows(report).map((r) => [r.name, r.value, r.interval, r.note ?? '']),
      { 'data-table': 'metrics' },
    ),
  );
  if (report.task === 'regression') {
    const plots = report.plots;
    if (plots) {
      out.push(
        el('h2', {}, 'Residuals and predictions'),
        el(
          'p',
          { class: 'muted' },
          plots.sampled
            ? `Residual histogram over all ${formatCount(report.rows)} rows; the scatter shows ${formatCount(plots.points.actual.length)} of them (every k-th row).`
            : `All ${formatCount(report.rows)} rows.`,
        ),
        el(
          'div',
          { class: 'charts' },
          chartFigure(
            histogramChart({
              title: 'Residuals (actual − predicted)',
              edges: plots.residualHistogram.edges,
              counts: plots.residualHistogram.counts,
              xLabel: 'actual − predicted',
            }),
            'residuals',
            post,
          ),
          chartFigure(
            scatterChart({
              title: 'Predicted against actual',
              x: plots.points.actual,
              y: plots.points.predicted,
              xLabel: 'actual',
              yLabel: 'predicted',
            }),
            'predicted-vs-actual',
            post,
          ),
        ),
      );
    }
    return out;
  }

  // F-beta for any beta, at once, from the confusion matrix.
  const betaInput = el('input', {
    type: 'range',
    min: '0.1',
    max: '5',
    step: '0.1',
    value: String(local.beta),
    'aria-label': 'beta',
  }) as HTMLInputElement;
  const betaValue = el('output', { 'data-beta': '' }, local.beta.toFixed(1));
  const macro = macroFbeta(report.confusion_matrix, report.labels, local.beta);
  const fbetaLine = el(
    'p',
    { 'data-fbeta': '' },
    `F-beta (macro) at beta ${local.beta.toFixed(1)}: ${formatNumber(macro)}`,
  );
  betaInput.addEventListener('input', () => {
    local.beta = Number(betaInput.value);
    rerender();
  });
  out.push(
    el('h2', {}, 'F-beta'),
    el(
      'p',
      { class: 'muted' },
      'beta = 2 weighs recall twice as much as precision; beta = 0.5 half as much. Intervals for a new beta: run again.',
    ),
    el('div', { class: 'control' }, el('label', {}, 'beta ', betaInput), betaValue),
    fbetaLine,
  );

  // Confusion matrix heatmap.
  const toggle = el('vscode-checkbox', { label: 'normalised by row', 'data-action': 'normalise' });
  if (local.normalised) toggle.setAttribute('checked', '');
  toggle.addEventListener('change', () => {
    local.normalised = !local.normalised;
    rerender();
  });
  let matrix = report.confusion_matrix;
  const scores = report.scores;
  const sweep = scores?.threshold_sweep;
  const at = sweep ? atThreshold(sweep, local.threshold, local.beta) : undefined;
  let labels = report.labels;
  if (at && scores) {
    // With the threshold control, the binary matrix follows the chosen threshold.
    labels = [report.labels.find((l) => l !== scores.positive) ?? 'negative', scores.positive];
    matrix = at.confusion;
  }
  out.push(
    el('h2', {}, at ? `Confusion matrix at threshold ${formatNumber(at.threshold)}` : 'Confusion matrix'),
    toggle,
    chartFigure(
      heatmap({ title: 'Confusion matrix', labels, matrix, normalised: local.normalised }),
      'confusion-matrix',
      post,
    ),
  );

  // Curves with the threshold control.
  if (scores) {
    const controls: HTMLElement[] = [];
    if (sweep && sweep.length > 0 && at) {
      const thresholds = sweep.map((p) => p.threshold);
      const slider = el('input', {
        type: 'range',
        min: String(Math.min(...thresholds)),
        max: String(Math.max(...thresholds)),
        step: String((Math.max(...thresholds) - Math.min(...thresholds)) / Math.max(1, thresholds.length - 1) || 0.01),
        value: String(at.threshold),
        'aria-label': 'threshold',
      }) as HTMLInputElement;
      slider.addEventListener('input', () => {
        local.threshold = Number(slider.value);
        rerender();
      });
      controls.push(
        el(
          'div',
          { class: 'control' },
          el('label', {}, 'threshold ', slider),
          el('output', { 'data-threshold': '' }, formatNumber(at.threshold)),
        ),
        el(
          'p',
          { 'data-at-threshold': '' },
          `At ${formatNumber(at.threshold)}: precision ${formatNumber(at.precision)}, recall ${formatNumber(at.recall)}, F-beta ${formatNumber(at.fbeta)} (beta ${local.beta.toFixed(1)}).`,
        ),
      );
    }
    const roc = scores.roc_curve;
    const pr = scores.precision_recall_curve;
    const rocMarker = at
      ? {
          x: at.confusion[0][1] / Math.max(1, at.confusion[0][0] + at.confusion[0][1]),
          y: at.recall,
          label: formatNumber(at.threshold),
        }
      : undefined;
    const prMarker = at ? { x: at.recall, y: at.precision, label: formatNumber(at.threshold) } : undefined;
    out.push(
      el('h2', {}, `ROC and precision–recall (positive class: ${scores.positive})`),
      ...controls,
      el(
        'div',
        { class: 'charts' },
        chartFigure(
          unitLineChart({
            title: `ROC curve, AUC ${formatNumber(scores.metrics.roc_auc.value)}`,
            x: roc.fpr,
            y: roc.tpr,
            xLabel: 'false positive rate',
            yLabel: 'true positive rate',
            diagonal: true,
            ...(rocMarker ? { marker: rocMarker } : {}),
          }),
          'roc-curve',
          post,
        ),
        chartFigure(
          unitLineChart({
            title: `Precision–recall, AP ${formatNumber(scores.metrics.average_precision.value)}`,
            x: pr.recall,
            y: pr.precision,
            xLabel: 'recall',
            yLabel: 'precision',
            ...(prMarker ? { marker: prMarker } : {}),
          }),
          'precision-recall-curve',
          post,
        ),
      ),
    );
  }

  // Per class, with F-beta at the chosen beta.
  const fb = perClassFbeta(report.confusion_matrix, report.labels, local.beta);
  out.push(
    el('h2', {}, 'Per class'),
    table(
      'Per class',
      ['class', 'support', 'precision', 'recall', 'f1', `f-beta (${local.beta.toFixed(1)})`],
      report.perClass.map((c, i) => [
        c.label,
        formatCount(c.support),
        `${formatNumber(c.precision.value)} ${formatInterval(c.precision)}`,
        `${formatNumber(c.recall.value)} ${formatInterval(c.recall)}`,
        `${formatNumber(c.f1.value)} ${formatInterval(c.f1)}`,
        formatNumber(fb[i]?.fbeta),
      ]),
      { 'data-table': 'per-class' },
    ),
  );
  return out;
}

function renderBaselines(report: BaselineResult): HTMLElement[] {
  const baselines = baselineTable(report);
  const how =
    report.evaluation.kind === 'holdout'
      ? `Seeded hold-out (seed ${String(report.seed)}): ${formatCount(report.evaluation.trainRows)} training rows, ${formatCount(report.evaluation.testRows)} test rows${report.evaluation.stratified ? ', stratified' : ''}.`
      : report.evaluation.kind === 'kfold'
        ? `${String(report.evaluation.folds)}-fold${report.evaluation.stratified ? ' stratified' : ''} cross-validation (seed ${String(report.seed)}), ${formatCount(report.evaluation.rows)} rows.`
        : `Trained on the file, tested on ${report.evaluation.testFile}.`;
  const out: HTMLElement[] = [
    el('h2', {}, `Baselines for "${report.target}" (${report.task})`),
    el('p', { class: 'muted' }, how),
    el('ul', { class: 'findings', 'data-findings': '' }, ...baselineSentences(report).map((s) => el('li', {}, s))),
    table('Baselines', baselines.header, baselines.rows, { 'data-table': 'baselines' }),
  ];
  const learned = report.baselines.find((b) => b.learned);
  if (learned?.learned) {
    out.push(
      el(
        'p',
        { class: 'muted' },
        `${learned.strategy} (${learned.learned.model}) used ${String(learned.learned.features.length)} features; left out: ${
          learned.learned.excluded.map((e) => `${e.name} (${e.reason})`).join(', ') || 'none'
        }.`,
      ),
    );
  }
  for (const skipped of report.skipped ?? [])
    out.push(el('p', { class: 'muted' }, `${skipped.strategy} not run: ${skipped.reason}`));
  return out;
}

function renderComparison(report: CompareResult): HTMLElement[] {
  const m = report.mcnemar;
  const join = report.join;
  const significant = m.pValue < 0.05;
  const accuracy = report.metrics.accuracy;
  const better = accuracy ? accuracy.difference.value > 0 : m.c > m.b;
  const verdict = significant
    ? `${better ? 'Model B' : 'Model A'} is significantly better (McNemar p = ${formatNumber(m.pValue)} < 0.05).`
    : `No significant difference between the models (McNemar p = ${formatNumber(m.pValue)}): keep the current model.`;
  return [
    el(
      'p',
      {
        class: `verdict ${significant ? 'verdict-better' : 'verdict-inconclusive'}`,
        'data-verdict': significant ? 'significant' : 'not significant',
      },
      verdict,
    ),
    el(
      'p',
      { class: 'muted' },
      `McNemar (${m.method}): ${formatCount(m.b)} rows only A got right, ${formatCount(m.c)} only B (${formatCount(m.discordant)} discordant of ${formatCount(report.rows)}); statistic ${formatNumber(m.statistic)}.`,
    ),
    ...(join
      ? [
          el(
            'p',
            { class: 'muted', 'data-join': '' },
            `Model B from ${join.other}, rows matched ${join.on === 'row' ? 'by position' : `on ${join.on}`}: ${formatCount(join.unmatched)} unmatched${join.duplicateIds > 0 ? `, ${formatCount(join.duplicateIds)} repeated ids (the first kept)` : ''}.`,
          ),
        ]
      : []),
    table(
      'Paired comparison',
      ['metric', 'A', 'B', 'B − A', 'interval'],
      Object.entries(report.metrics).map(([name, metric]) => [
        name,
        formatNumber(metric.a),
        formatNumber(metric.b),
        formatNumber(metric.difference.value),
        formatInterval(metric.difference),
      ]),
      { 'data-table': 'comparison' },
    ),
  ];
}

function renderAb(report: AbResult): HTMLElement[] {
  const out: HTMLElement[] = [
    table(
      'Arms',
      ['arm', 'n', report.kind === 'binary' ? 'rate' : 'mean', 'interval'],
      report.arms.map((arm) => [
        arm.name,
        formatCount(arm.n),
        formatNumber(report.kind === 'binary' ? arm.rate : arm.mean),
        arm.rateInterval ? `[${formatNumber(arm.rateInterval[0])}, ${formatNumber(arm.rateInterval[1])}]` : '',
      ]),
      { 'data-table': 'arms' },
    ),
  ];
  const sentences = report.comparisons.map((c) =>
    c.kind === 'binary'
      ? `${c.treatment} vs ${report.control}: ${formatNumber(c.difference.difference)} [${formatNumber(c.difference.newcombe[0])}, ${formatNumber(c.difference.newcombe[1])}] in rate (lift ${formatPercent(c.lift.lift)}); z-test p = ${formatNumber(c.zTest.pValue)} — ${c.zTest.pValue < 0.05 ? 'significant' : 'not significant'} at 5 %.`
      : `${c.treatment} vs ${report.control}: mean difference ${formatNumber(c.welch.meanDifference)}, Welch p = ${formatNumber(c.welch.pValue)}, Hedges' g ${formatNumber(c.effectSize.hedgesG)}.`,
  );
  if (report.sampleSize) {
    const n = Math.min(...report.arms.map((a) => a.n));
    const still = Math.max(0, report.sampleSize.perArm - n);
    sentences.push(
      `To detect ${formatNumber(report.sampleSize.absoluteEffect)} in rate: ${formatCount(report.sampleSize.perArm)} per arm — ${still > 0 ? `${formatCount(still)} more in the smallest arm` : 'reached'}.`,
    );
  }
  out.push(el('ul', { class: 'findings', 'data-findings': '' }, ...sentences.map((s) => el('li', {}, s))));
  if (report.thompson) {
    out.push(
      el('h2', {}, 'Bandit: Thompson-sampling allocation of the next traffic'),
      table(
        'Thompson sampling',
        ['arm', 'P(best) = share of traffic', 'posterior mean'],
        report.thompson.arms.map((arm) => [
          arm.name,
          formatPercent(arm.probabilityBest),
          formatNumber(arm.posteriorMean),
        ]),
        { 'data-table': 'thompson' },
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The dataset's profile (Dataset & baseline panel)

/** Findings about the data the book would point out, one sentence each. */
export function profileFindings(profile: CsvProfile, target: string): string[] {
  const findings: string[] = [];
  const rows = profile.rows;
  if (profile.duplicateRows !== undefined && profile.duplicateRows > 0) {
    findings.push(
      `${profile.duplicateRowsEstimated ? '≈ ' : ''}${formatCount(profile.duplicateRows)} duplicate rows (${formatPercent(profile.duplicateRows / Math.max(1, rows))}): remove them before the split, or they leak between train and test.`,
    );
  }
  for (const name of profile.constantColumns ?? [])
    findings.push(`\`${name}\` is constant: it carries no information.`);
  for (const name of profile.idLikeColumns ?? []) {
    findings.push(
      `\`${name}\` looks like an identifier: exclude it from the features, and split by it if an entity has several rows.`,
    );
  }
  for (const column of profile.columns) {
    const share = rows > 0 ? column.missing / rows : 0;
    if (share >= 0.2) findings.push(`\`${column.name}\` is ${formatPercent(share)} missing.`);
    if (column.longTailShare !== undefined && column.longTailShare >= 0.3 && column.type === 'categorical') {
      findings.push(
        `\`${column.name}\` has a long tail: ${formatPercent(column.longTailShare)} of its values are rare — the book's "cutting the long tail" applies.`,
      );
    }
  }
  const targetColumn = profile.columns.find((c) => c.name === target);
  const top = targetColumn?.top;
  if (targetColumn && top && top.length > 0 && (targetColumn.type === 'categorical' || targetColumn.type === 'bool')) {
    const counted = targetColumn.count ?? rows - targetColumn.missing;
    const majority = Math.max(...top.map((v) => v.count));
    const minority = Math.min(...top.map((v) => v.count));
    findings.push(
      `Class balance of \`${target}\`: ${top.map((v) => `${String(v.value)} ${formatPercent(v.count / Math.max(1, counted))}`).join(', ')}${
        minority > 0 && majority / minority >= 3 ? ` — imbalanced (${(majority / minority).toFixed(1)} : 1)` : ''
      }.`,
    );
  }
  return findings;
}

/** A small bar chart of a column's histogram or top values (decorative; the numbers are in the table). */
function sparkline(column: CsvProfile['columns'][number]): SVGSVGElement | string {
  const counts = column.histogram?.counts ?? column.top?.map((v) => v.count);
  if (!counts || counts.length === 0) return '';
  const width = 80;
  const height = 18;
  const max = Math.max(...counts, 1);
  const bar = width / counts.length;
  const root = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  root.setAttribute('viewBox', `0 0 ${String(width)} ${String(height)}`);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('class', 'spark');
  root.setAttribute('aria-hidden', 'true');
  counts.forEach((count, i) => {
    const h = Math.max(1, (count / max) * height);
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('x', (i * bar).toFixed(2));
    rect.setAttribute('y', (height - h).toFixed(2));
    rect.setAttribute('width', Math.max(1, bar - 1).toFixed(2));
    rect.setAttribute('height', h.toFixed(2));
    root.append(rect);
  });
  return root;
}

/** The profile: findings, then one row per column. */
export function renderProfile(profile: CsvProfile, target: string, partial: boolean): HTMLElement[] {
  const rows = profile.rows;
  const header = el(
    'p',
    { class: 'muted', 'data-profile-summary': '' },
    `${partial ? 'So far: ' : ''}${formatCount(rows)} rows, ${String(profile.columns.length)} columns, delimiter ${JSON.stringify(profile.delimiter)}.`,
  );
  const findings = profileFindings(profile, target);
  const table = el(
    'table',
    { 'aria-label': 'Columns', 'data-table': 'profile' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['column', 'type', 'missing', 'distinct', 'min', 'max', 'mean', 'top values', ''].map((h) =>
          el('th', { scope: 'col' }, h),
        ),
      ),
    ),
    el(
      'tbody',
      {},
      ...profile.columns.map((c) => {
        const estimated = c.distinctEstimated === true || c.distinctCapped;
        const top = (c.top ?? [])
          .slice(0, 3)
          .map((v) => `${String(v.value)} (${formatCount(v.count)})`)
          .join(', ');
        return el(
          'tr',
          { 'data-column': c.name },
          el('th', { scope: 'row' }, c.name),
          el('td', { class: 'type' }, c.type),
          el(
            'td',
            {},
            `${formatCount(c.missing)}${rows > 0 && c.missing > 0 ? ` (${formatPercent(c.missing / rows)})` : ''}`,
          ),
          el(
            'td',
            { title: estimated ? 'estimated (HyperLogLog)' : 'exact' },
            `${estimated ? '≈ ' : ''}${formatCount(c.distinct)}`,
          ),
          el('td', {}, c.min !== undefined ? formatNumber(c.min) : (c.minDate ?? '')),
          el('td', {}, c.max !== undefined ? formatNumber(c.max) : (c.maxDate ?? '')),
          el('td', {}, c.mean !== undefined ? formatNumber(c.mean) : ''),
          el('td', { class: 'top' }, top),
          el('td', {}, sparkline(c)),
        );
      }),
    ),
  );
  return [
    el('h2', {}, 'The data'),
    header,
    ...(findings.length > 0
      ? [el('ul', { class: 'findings', 'data-profile-findings': '' }, ...findings.map((f) => el('li', {}, f)))]
      : []),
    table,
  ];
}
