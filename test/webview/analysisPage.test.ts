// The evaluation panels' page in Chromium under the extension's CSP, on reports the engine
// computed from the example files: the verdict and metrics, F-beta and the threshold control
// recomputed at once (checked against counts made here from the CSV), the confusion heatmap,
// charts copied as SVG / PNG, the choices posted back, and hostile names shown as text.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { AnalysisColumn, AnalysisModel } from '../../core/src/protocol/webview';
import type { BaselineResult, AbResult } from '../../core/src/protocol/reports';
import type { CompareResult, EvaluateResult } from '../../core/src/protocol/lsp';
import {
  defaultCompareChoices,
  defaultDatasetChoices,
  defaultEvaluateChoices,
  suggestOther,
} from '../../core/src/panels/suggest';
import { abFile } from '../../server/src/engine/jobs/ab';
import { baselineFile } from '../../server/src/engine/jobs/baseline';
import { compareFile } from '../../server/src/engine/jobs/compare';
import { evaluateFile } from '../../server/src/engine/jobs/evaluate';
import { readCsvFile } from '../../server/src/engine/jobs/reader';
import { runCli } from '../../server/src/cli';
import { baselineTable } from '../../core/src/panels/baseline';
import { formatNumber } from '../../core/src/panels/format';
import { analysisReport } from '../../core/src/panels/report';
import { profileCsvFile } from '../../server/src/engine/readCsv';
import { repoRoot } from '../support/lspClient';
import { readPlainCsv } from '../support/lspWorkspace';
import { startWebviewHarness, type ProfilePage, type WebviewHarness } from '../support/webviewHarness';

const PREDICTIONS = path.join(repoRoot, 'examples', 'data', 'predictions.csv');
const CHURN = path.join(repoRoot, 'examples', 'data', 'churn.csv');
const SCREENSHOT = path.join(repoRoot, 'test-results', 'webview-evaluate.png');
const XSS = '<img src=x onerror="window.__xss=1">';

const COLUMNS: AnalysisColumn[] = [
  { name: 'customer_id', type: 'id', distinct: 50, missing: 0 },
  { name: 'churned', type: 'categorical', distinct: 2, missing: 0, values: ['no', 'yes'] },
  { name: 'predicted', type: 'categorical', distinct: 2, missing: 0, values: ['no', 'yes'] },
  { name: 'score', type: 'float', distinct: 48, missing: 0 },
];

/** Precision and recall of "yes" at `threshold` (score ≥ threshold), counted here from the file. */
function countsAt(rows: string[][], threshold: number): { precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [, truth, , score] of rows) {
    const positive = Number(score) >= threshold;
    if (positive && truth === 'yes') tp++;
    else if (positive) fp++;
    else if (truth === 'yes') fn++;
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

describe('evaluation panels’ page in Chromium, under the extension’s CSP', { timeout: 180_000 }, () => {
  let harness: WebviewHarness;
  let evaluation: EvaluateResult;
  let rows: string[][];

  const model = (extra: Partial<AnalysisModel>): AnalysisModel => ({
    kind: 'evaluate',
    uri: pathToFileURL(PREDICTIONS).href,
    fileName: 'predictions.csv',
    path: 'examples/data/predictions.csv',
    rows: rows.length,
    columns: COLUMNS,
    choices: defaultEvaluateChoices(COLUMNS),
    running: false,
    version: '0.1.0',
    ...extra,
  });
  const openPage = async (shown: AnalysisModel): Promise<ProfilePage> => {
    const page = await harness.openPage('analysis');
    await page.posted.next((m) => (m as { type?: unknown }).type === 'ready', 'ready');
    await page.postFromHost({ type: 'analysis', model: shown });
    await page.page.locator('h1').waitFor();
    return page;
  };
  const text = (page: ProfilePage, selector: string): Promise<string> =>
    page.page.locator(selector).first().innerText();

  before(async () => {
    rows = readPlainCsv(await fs.readFile(PREDICTIONS, 'utf8')).rows;
    evaluation = {
      ...(await evaluateFile(
        PREDICTIONS,
        {
          truth: 'churned',
          predicted: 'predicted',
          score: 'score',
          positive: 'yes',
          thresholds: 101,
          bootstrap: { resamples: 300, seed: 3 },
        },
        readCsvFile,
      )),
      file: PREDICTIONS,
    };
    harness = await startWebviewHarness();
  });

  after(async () => {
    await harness.close();
  });

  it('suggests the truth, prediction and score columns from their names and types', () => {
    const choices = defaultEvaluateChoices(COLUMNS);
    assert.deepEqual([choices.truth, choices.predicted, choices.score], ['churned', 'predicted', 'score']);
    assert.equal(defaultDatasetChoices(COLUMNS).target, 'churned');
    // A single score column belongs to a positive class: with three classes none is suggested.
    const threeClasses = COLUMNS.map((c) => (c.name === 'churned' ? { ...c, distinct: 3 } : c));
    assert.equal(defaultEvaluateChoices(threeClasses).score, '');
  });

  it('shows the verdict against the zero rule, the metrics with intervals and the bootstrap settings; screenshot', async () => {
    const page = await openPage(model({ result: { kind: 'evaluate', report: evaluation } }));
    // The zero rule's accuracy is the majority class's share, counted here.
    const majority = Math.max(...['yes', 'no'].map((c) => rows.filter((r) => r[1] === c).length)) / rows.length;
    const verdict = await text(page, '[data-verdict]');
    assert.match(verdict, new RegExp(`against ${String(majority)}, the most frequent class's share`));
    assert.equal(await page.page.locator('[data-verdict]').getAttribute('data-verdict'), 'inconclusive');
    assert.match(await text(page, '[data-bootstrap]'), /300 bootstrap resamples, 95 %, bca, seed 3/);
    const metricNames = await page.page.$$eval('[data-table=metrics] tbody th', (cells) =>
      cells.map((c) => c.textContent),
    );
    assert.ok(metricNames.includes('accuracy') && metricNames.includes('roc_auc') && metricNames.includes('f1_macro'));
    const accuracyRow = await page.page
      .locator('[data-table=metrics] tbody tr', { hasText: 'balanced_accuracy' })
      .innerText();
    assert.match(accuracyRow, /\[0\.\d+, 0\.\d+\]/);
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(page.consoleErrors, []);
    assert.ok(
      page.requests.every((url) => url.startsWith(`${harness.origin}/`)),
      JSON.stringify(page.requests),
    );
    await page.applyDarkTheme();
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.page.screenshot({ path: SCREENSHOT, fullPage: true });
    const light = await openPage(model({ result: { kind: 'evaluate', report: evaluation } }));
    await light.applyLightTheme();
    await light.page.screenshot({ path: SCREENSHOT.replace('.png', '-light.png'), fullPage: true });
    assert.ok((await fs.stat(SCREENSHOT.replace('.png', '-light.png'))).size > 0);
    const contrast = await openPage(model({ result: { kind: 'evaluate', report: evaluation } }));
    await contrast.applyHighContrastTheme();
    await contrast.page.screenshot({ path: SCREENSHOT.replace('.png', '-high-contrast.png'), fullPage: true });
    // The theme's colours reach the page: text in the theme's foreground on its background.
    assert.equal(await contrast.page.evaluate('getComputedStyle(document.body).color'), 'rgb(255, 255, 255)');
    assert.equal(await contrast.page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(0, 0, 0)');
  });

  it('shows the numbers `mlguide evaluate --json` prints for the same file and settings', async () => {
    const out: string[] = [];
    const code = await runCli(
      [
        'evaluate',
        PREDICTIONS,
        '--true',
        'churned',
        '--pred',
        'predicted',
        '--score',
        'score',
        '--positive',
        'yes',
        '--thresholds',
        '101',
        '--bootstrap',
        '300',
        '--seed',
        '3',
        '--json',
      ],
      { out: (text) => out.push(text), err: () => undefined, cwd: repoRoot },
    );
    assert.equal(code, 0);
    const cli = JSON.parse(out.join('\n')) as { metrics: Record<string, { value: number; ci?: [number, number] }> };
    const page = await openPage(model({ result: { kind: 'evaluate', report: evaluation } }));
    const shown = await page.page.$$eval('[data-table=metrics] tbody tr', (rows) =>
      rows.map((row) => [
        row.querySelector('th')?.textContent ?? '',
        row.querySelectorAll('td')[0]?.textContent ?? '',
        row.querySelectorAll('td')[1]?.textContent ?? '',
      ]),
    );
    for (const [name, metric] of Object.entries(cli.metrics)) {
      const row = shown.find((r) => r[0] === name);
      assert.ok(row, `${name} is shown`);
      assert.equal(row[1], formatNumber(metric.value), name);
      assert.equal(row[2], metric.ci ? `[${formatNumber(metric.ci[0])}, ${formatNumber(metric.ci[1])}]` : '', name);
    }
  });

  it('recomputes F-beta at once when beta moves, and the threshold control updates precision, recall and the matrix', async () => {
    const page = await openPage(model({ result: { kind: 'evaluate', report: evaluation } }));
    // Macro F2 from the per-class counts of the file (scikit-learn's fbeta_score(average='macro')).
    const classes = ['no', 'yes'].map((label) => {
      const tp = rows.filter((r) => r[1] === label && r[2] === label).length;
      const predicted = rows.filter((r) => r[2] === label).length;
      const actual = rows.filter((r) => r[1] === label).length;
      const p = tp / predicted;
      const r = tp / actual;
      return (5 * p * r) / (4 * p + r);
    });
    const f2 = classes.reduce((sum, f) => sum + f, 0) / classes.length;
    await page.page.locator('input[aria-label=beta]').fill('2');
    await page.page.locator('[data-fbeta]', { hasText: 'beta 2.0' }).waitFor();
    assert.equal(await text(page, '[data-fbeta]'), `F-beta (macro) at beta 2.0: ${String(Number(f2.toFixed(4)))}`);

    // Running again (for the new beta's intervals) sends that beta, which the host remembers.
    await page.page.locator('[data-action=run]').click();
    const rerun = (await page.posted.next((m) => (m as { type?: string }).type === 'run', 'run')) as {
      choices: { beta: number };
    };
    assert.equal(rerun.choices.beta, 2);

    await page.page.locator('input[aria-label=threshold]').fill('0.3');
    await page.page.locator('[data-threshold]', { hasText: '0.3' }).waitFor();
    const expected = countsAt(rows, 0.3);
    const line = await text(page, '[data-at-threshold]');
    assert.match(
      line,
      new RegExp(
        `precision ${String(Number(expected.precision.toFixed(4)))}, recall ${String(Number(expected.recall.toFixed(4)))}`,
      ),
    );
    // The heatmap follows the threshold: its cells hold the counts at 0.3.
    const cells = await page.page.$$eval('svg.heatmap text.cell-text', (all) => all.map((t) => Number(t.textContent)));
    assert.equal(
      cells.reduce((a, b) => a + b, 0),
      rows.length,
    );
    assert.equal(cells[3], rows.filter((r) => r[1] === 'yes' && Number(r[3]) >= 0.3).length);
    await page.page.locator('vscode-checkbox[data-action=normalise]').click();
    await page.page.locator('svg.heatmap text.cell-text', { hasText: '.' }).first().waitFor();
  });

  it('copies a chart as standalone SVG and saves it as PNG through the host', async () => {
    const page = await openPage(model({ result: { kind: 'evaluate', report: evaluation } }));
    await page.page
      .locator('figure', { has: page.page.locator('svg[data-chart^="ROC curve"]') })
      .locator('[data-action=copy-svg]')
      .click();
    const copied = (await page.posted.next((m) => (m as { type?: string }).type === 'copySvg', 'copySvg')) as {
      svg: string;
    };
    assert.match(copied.svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(copied.svg, /<polyline[^>]*stroke="rgb/);
    await page.page
      .locator('figure', { has: page.page.locator('svg[data-chart^="ROC curve"]') })
      .locator('[data-action=save-png]')
      .click();
    const png = (await page.posted.next((m) => (m as { type?: string }).type === 'savePng', 'savePng')) as {
      dataUrl: string;
      name: string;
    };
    assert.equal(png.name, 'roc-curve.png');
    assert.ok(
      Buffer.from(png.dataUrl.split(',')[1] ?? '', 'base64')
        .subarray(1, 4)
        .toString() === 'PNG',
    );
  });

  it('posts the choices read from the form when Run is pressed, and Cancel while a job runs', async () => {
    const page = await openPage(model({}));
    await page.page.locator('vscode-textfield[name=resamples]').evaluate((el) => {
      (el as HTMLElement & { value: string }).value = '500';
    });
    await page.page.locator('[data-action=run]').click();
    const run = (await page.posted.next((m) => (m as { type?: string }).type === 'run', 'run')) as {
      choices: { truth: string; predicted: string; score: string; resamples: number };
    };
    assert.deepEqual(
      [run.choices.truth, run.choices.predicted, run.choices.score, run.choices.resamples],
      ['churned', 'predicted', 'score', 500],
    );
    await page.postFromHost({ type: 'analysis', model: model({ running: true }) });
    await page.page.locator('[data-action=cancel]').click();
    await page.posted.next((m) => (m as { type?: string }).type === 'cancel', 'cancel');
    await page.postFromHost({ type: 'progress', percent: 40, message: '40 % · 2.0 MB of 5.0 MB' });
    // The page handles a posted message as an event after the post returns: wait for it to show.
    await page.page.locator('[data-progress]', { hasText: '40 %' }).waitFor();
    assert.equal(await text(page, '[data-progress]'), '40 % · 2.0 MB of 5.0 MB');
  });

  it('shows baselines with the book’s sentences, a paired comparison and an A/B test', async () => {
    const baseline = {
      ...(await baselineFile(
        CHURN,
        { target: 'churned', seed: 0, bootstrap: { resamples: 200, seed: 0 } },
        readCsvFile,
      )),
    } as BaselineResult;
    const churnColumns: AnalysisColumn[] = [{ name: 'churned', type: 'categorical', distinct: 2, missing: 0 }];
    let page = await openPage(
      model({
        kind: 'dataset',
        choices: defaultDatasetChoices(churnColumns),
        result: { kind: 'baseline', report: baseline },
      }),
    );
    const zeroRule = baseline.baselines.find((b) => b.strategy === 'most_frequent');
    assert.ok(zeroRule);
    const accuracy = (zeroRule.report.metrics as Record<string, { value: number }>).accuracy?.value ?? NaN;
    assert.match(
      await text(page, '[data-findings]'),
      new RegExp(`A model must beat ${String(Number(accuracy.toFixed(4)))} accuracy`),
    );
    assert.equal(await page.page.locator('[data-table=baselines] tbody tr').count(), baseline.baselines.length);
    // The exported report writes the table the panel shows, metric for metric.
    const shown = baselineTable(baseline);
    assert.ok(shown.header.includes('matthews_corrcoef'));
    assert.deepEqual(await page.page.locator('[data-table=baselines] thead th').allInnerTexts(), shown.header);
    const exported = analysisReport(
      model({
        kind: 'dataset',
        choices: defaultDatasetChoices(churnColumns),
        result: { kind: 'baseline', report: baseline },
      }),
      '2026-11-27',
    );
    assert.ok(exported.includes(`| ${shown.header.join(' | ')} |`), exported);
    for (const row of shown.rows) assert.ok(exported.includes(`| ${row.join(' | ')} |`), row.join(' | '));

    const compare = {
      ...(await compareFile(PREDICTIONS, { truth: 'churned', a: 'predicted', b: 'predicted' }, readCsvFile)),
    } as CompareResult;
    page = await openPage(
      model({ kind: 'compare', choices: defaultCompareChoices(COLUMNS), result: { kind: 'compare', report: compare } }),
    );
    assert.equal(await page.page.locator('[data-verdict]').getAttribute('data-verdict'), 'not significant');

    const logs = path.join(await fs.mkdtemp(path.join(repoRoot, 'test-results', 'ab-')), 'logs.csv');
    const lines = ['group,converted'];
    for (let i = 0; i < 400; i++) lines.push(`${i % 2 ? 'B' : 'A'},${(i % 2 ? i % 5 < 2 : i % 10 < 2) ? 1 : 0}`);
    await fs.writeFile(logs, `${lines.join('\n')}\n`);
    const ab = (await abFile(
      logs,
      { variant: 'group', outcome: 'converted', seed: 1, minimumDetectableEffect: 0.05 },
      readCsvFile,
    )) as AbResult;
    page = await openPage(
      model({
        kind: 'compare',
        choices: { ...defaultCompareChoices(COLUMNS), mode: 'ab' },
        result: { kind: 'ab', report: ab },
      }),
    );
    assert.match(await text(page, '[data-findings]'), /B vs A: .* z-test p = /);
    assert.match(await text(page, '[data-findings]'), /per arm/);
    assert.equal(await page.page.locator('[data-table=thompson] tbody tr').count(), 2);
    await fs.rm(path.dirname(logs), { recursive: true, force: true });
  });

  it('shows the dataset’s profile with the book’s findings, estimated counts marked, filling in while it streams', async () => {
    const profile = await profileCsvFile(CHURN);
    const churnColumns: AnalysisColumn[] = profile.columns.map((c) => ({
      name: c.name,
      type: c.type,
      distinct: c.distinct,
      missing: c.missing,
    }));
    const datasetModel = model({
      kind: 'dataset',
      rows: profile.rows,
      columns: churnColumns,
      choices: defaultDatasetChoices(churnColumns),
      profile,
    });
    const page = await openPage({
      ...datasetModel,
      profile: { ...profile, rows: 100 },
      profilePartial: true,
      running: true,
    });
    assert.match(await text(page, '[data-profile-summary]'), /^So far: 100 rows, 9 columns/);
    await page.postFromHost({ type: 'analysis', model: datasetModel });
    await page.page.locator('[data-profile-summary]', { hasText: /^200 rows/ }).waitFor();
    const header = readPlainCsv(await fs.readFile(CHURN, 'utf8')).header;
    assert.deepEqual(
      await page.page.$$eval('[data-table=profile] tbody th', (cells) => cells.map((c) => c.textContent)),
      header,
    );
    const findings = await text(page, '[data-profile-findings]');
    assert.match(findings, /`customer_id` looks like an identifier/);
    assert.match(findings, /Class balance of `churned`: no 69\.0 %, yes 31\.0 %/);
    // An estimated distinct count is marked as such.
    const estimated = structuredClone(profile);
    const first = estimated.columns[0];
    assert.ok(first);
    first.distinctEstimated = true;
    await page.postFromHost({ type: 'analysis', model: { ...datasetModel, profile: estimated } });
    await page.page.locator('[data-column] td', { hasText: '≈ ' }).first().waitFor();
  });

  it('shows a regression with its verdict against the mean, the residuals’ histogram and predicted against actual', async () => {
    const dir = await fs.mkdtemp(path.join(repoRoot, 'test-results', 'regression-'));
    const file = path.join(dir, 'prices.csv');
    const lines = ['price,predicted'];
    for (let i = 0; i < 120; i++) lines.push(`${String(100 + i)},${String(100 + i + ((i * 7) % 11) - 5)}`);
    await fs.writeFile(file, `${lines.join('\n')}\n`);
    const report = {
      ...(await evaluateFile(
        file,
        { truth: 'price', predicted: 'predicted', task: 'regression', bootstrap: { resamples: 200, seed: 2 } },
        readCsvFile,
      )),
      file,
    } as EvaluateResult;
    const columns: AnalysisColumn[] = [
      { name: 'price', type: 'int', distinct: 120, missing: 0 },
      { name: 'predicted', type: 'int', distinct: 110, missing: 0 },
    ];
    const page = await openPage(
      model({ columns, choices: defaultEvaluateChoices(columns), result: { kind: 'evaluate', report } }),
    );
    assert.equal(await page.page.locator('[data-verdict]').getAttribute('data-verdict'), 'better');
    assert.match(await text(page, '[data-verdict]'), /R² 0\.\d+ against 0, the mean/);
    const bars = await page.page.$$eval('svg[data-chart^="Residuals"] rect.bar', (all) =>
      all.map((r) => Number(r.getAttribute('data-count'))),
    );
    assert.equal(
      bars.reduce((a, b) => a + b, 0),
      120,
    );
    assert.equal(await page.page.locator('svg[data-chart="Predicted against actual"] circle.point').count(), 120);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('compares with model B from a second file: picked through the host, rows matched on an id, the match reported', async () => {
    const dir = await fs.mkdtemp(path.join(repoRoot, 'test-results', 'join-'));
    const other = path.join(dir, 'model-b.csv');
    const original = readPlainCsv(await fs.readFile(PREDICTIONS, 'utf8')).rows;
    // Model B, in reverse order: always right.
    await fs.writeFile(
      other,
      `customer_id,pred_b\n${[...original]
        .reverse()
        .map((r) => `${r[0] ?? ''},${r[1] ?? ''}`)
        .join('\n')}\n`,
    );
    let page = await openPage(model({ kind: 'compare', choices: defaultCompareChoices(COLUMNS) }));
    await page.page.locator('[data-action=pick-other]').click();
    await page.posted.next((m) => (m as { type?: string }).type === 'pickOther', 'pickOther');

    const otherColumns: AnalysisColumn[] = [
      { name: 'customer_id', type: 'id', distinct: 50, missing: 0 },
      { name: 'pred_b', type: 'categorical', distinct: 2, missing: 0 },
    ];
    const choices = {
      ...defaultCompareChoices(COLUMNS),
      ...suggestOther(COLUMNS, otherColumns),
      otherUri: pathToFileURL(other).href,
    };
    assert.deepEqual([choices.b, choices.joinOn], ['pred_b', 'customer_id']);
    await page.postFromHost({
      type: 'analysis',
      model: model({ kind: 'compare', choices, other: { fileName: 'model-b.csv', columns: otherColumns } }),
    });
    await page.page.locator('vscode-single-select[name=joinOn]').waitFor();
    await page.page.locator('[data-action=run]').click();
    const run = (await page.posted.next((m) => (m as { type?: string }).type === 'run', 'run')) as {
      choices: { otherUri: string; joinOn: string; b: string };
    };
    assert.deepEqual(
      [run.choices.otherUri, run.choices.joinOn, run.choices.b],
      [choices.otherUri, 'customer_id', 'pred_b'],
    );

    const report = {
      ...(await compareFile(
        PREDICTIONS,
        { truth: 'churned', a: 'predicted', b: 'pred_b', other, joinOn: 'customer_id', bootstrap: false },
        readCsvFile,
      )),
    } as CompareResult;
    assert.equal(report.metrics.accuracy?.b, 1);
    page = await openPage(
      model({
        kind: 'compare',
        choices,
        other: { fileName: 'model-b.csv', columns: otherColumns },
        result: { kind: 'compare', report },
      }),
    );
    assert.match(await text(page, '[data-join]'), /rows matched on customer_id: 0 unmatched/);
    assert.equal(await page.page.locator('[data-verdict]').getAttribute('data-verdict'), 'significant');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('shows column names and labels from the file as text, never as markup', async () => {
    const hostile: AnalysisColumn[] = COLUMNS.map((c) => ({ ...c, name: `${c.name}${XSS}` }));
    const report = structuredClone(evaluation);
    assert.equal(report.task, 'classification');
    report.labels = [XSS, 'yes'];
    const page = await openPage(model({ columns: hostile, result: { kind: 'evaluate', report }, error: XSS }));
    assert.match(await text(page, '[role=alert]'), /<img src=x onerror=/);
    assert.equal(await page.page.evaluate('window.__xss'), undefined);
    assert.equal(await page.page.locator('img').count(), 0);
    assert.deepEqual(page.dialogs, []);
  });
});
