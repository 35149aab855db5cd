/**
 * End-to-end tier: the packaged .vsix installed into a real VS Code (code-server 1.100.3), driven
 * through its UI in headless Chromium the way a user works: open the example card, see the problem,
 * apply the quick fix, profile the example CSV. Waits are on what the user sees, each bounded;
 * a screenshot is saved to test-results/ when a step fails.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { installVsix, launchBrowser, repoRoot, startCodeServer, type RunningCodeServer } from '../support/codeServer';

const UI_TIMEOUT_MS = 60_000;

/** A split configuration without a seed, whose split files share a row. */
const LEAKY_SPLIT = [
  'data: data/churn.csv',
  'task: classification',
  'target: churned',
  'shuffle: true',
  'strategy: stratified',
  'stratify_by: churned',
  'group_by: customer_id',
  'sizes: { train: 0.5, test: 0.5 }',
  'margin: 0.2',
  'outputs: { train: data/split/train.csv, test: data/split/test.csv }',
];

/** A card whose count is stale (the data has 200 rows) and which lacks two of the book's items. */
const STALE_CARD = [
  '# Churn snapshot — dataset card',
  '',
  'Documents [data/churn.csv](data/churn.csv).',
  '',
  '## What the data means',
  '',
  'One row per customer; `churned` says whether they cancelled within 90 days.',
  '',
  '## How it was collected',
  '',
  'Exported from the billing database.',
  '',
  '## Methods used to create it',
  '',
  '`churned` comes from cancellation events; nobody labels by hand.',
  '',
  '## Train, validation and test split',
  '',
  'A stratified 70 / 15 / 15 split of the raw data, seed 42.',
  '',
  '## Pre-processing steps',
  '',
  'Duplicate customers removed before the split.',
  '',
  '## Types of attributes',
  '',
  '| column          | type        |',
  '| --------------- | ----------- |',
  '| customer_id     | identifier  |',
  '| signup_date     | date        |',
  '| tenure_months   | integer     |',
  '| plan            | categorical |',
  '| monthly_charges | float       |',
  '| total_charges   | float       |',
  '| support_calls   | integer     |',
  '| contract        | categorical |',
  '| churned         | label       |',
  '',
  '## Number of examples',
  '',
  '250 examples.',
  '',
  '## Label values',
  '',
  '`churned` is `yes` or `no`.',
];
const resultsDir = path.join(repoRoot, 'test-results');

/** The running VS Code's logs (the extension host's, mlguide's output channel among them), copied on a failure. */
let logsDir: string | undefined;

function vsixPath(): string {
  const { name, version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return path.join(repoRoot, `${name}-${version}.vsix`);
}

/** Runs a step; on failure saves a screenshot named after it, then fails. */
async function step(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `e2e-${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    const logs = file.replace(/\.png$/, '-logs');
    if (logsDir) cpSync(logsDir, logs, { recursive: true, force: true });
    throw new Error(
      `${name} failed (screenshot: ${path.relative(repoRoot, file)}, logs: ${path.relative(repoRoot, logs)}): ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}

/** Resolves with the first frame in which `selector` exists (webviews are nested iframes), holding `text` if given. */
async function frameWith(page: Page, selector: string, timeoutMs: number, text?: string): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.$(selector).catch(() => null);
      if (found && (text === undefined || ((await found.textContent().catch(() => '')) ?? '').includes(text)))
        return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no frame showed ${selector} within ${timeoutMs} ms`);
}

/** Resolves once `file` on disk matches `pattern`, watching its folder (bounded). */
function fileMatches(file: string, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return;
      }
      if (!pattern.test(text)) return;
      clearTimeout(timer);
      watcher.close();
      resolve();
    };
    const watcher = watch(path.dirname(file), check);
    const timer = setTimeout(() => {
      watcher.close();
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        text = `(${String(error)})`;
      }
      reject(
        new Error(
          `${file} did not come to match ${String(pattern)} within ${timeoutMs} ms; it holds:\n${text.slice(0, 4000)}`,
        ),
      );
    }, timeoutMs);
    check();
  });
}

/** Opens a workspace file through Quick Open, as a user would. */
async function quickOpen(page: Page, fileName: string): Promise<void> {
  // A webview page that has the keyboard keeps Ctrl+P to itself: then the title bar's search
  // box (the command center) opens Quick Open, as a user would click it.
  const commandCenter = page.locator('.command-center .command-center-center').first();
  if (await commandCenter.isVisible().catch(() => false)) await commandCenter.click();
  else await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  // The widget may still be settling into file mode and clear what was typed: type until it stays,
  // and accept only once the highlighted row is the file.
  const focused = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).first();
  for (let attempt = 0; ; attempt++) {
    await input.fill(fileName);
    try {
      await focused.waitFor({ timeout: 10_000 });
      if ((await input.inputValue()) === fileName) break;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  await page.keyboard.press('Enter');
  await page
    .locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`)
    .first()
    .waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Runs a command from the Command Palette by its title. */
async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  // An editor still opening (a large file just opened from Quick Open) can take the focus back and
  // close the palette as it appears: open it again, as a user would, until it holds the command.
  for (let attempt = 0; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await input.fill(`>${title}`, { timeout: 5_000 });
      await row.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
}

describe('user journeys through the packaged .vsix in VS Code 1.100.3', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'mlguide-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    // A second card, written before VS Code starts so Quick Open has indexed it; closed cards are not linted.
    writeFileSync(path.join(workspace, 'stale.datacard.md'), `${STALE_CARD.join('\n')}\n`);
    // Its split: the first 100 customers in train, the other 100 in test, plus one of train's again.
    writeFileSync(path.join(workspace, 'leaky.split.yaml'), `${LEAKY_SPLIT.join('\n')}\n`);
    // A 1,000,000-row predictions file (3 classes, about 85 % right, a score), for the timing.
    const million: string[] = ['truth,predicted,score'];
    for (let i = 0; i < 1_000_000; i++) {
      const truth = ['a', 'b', 'c'][i % 3] ?? 'a';
      const right = (i * 7919) % 100 < 85;
      million.push(`${truth},${right ? truth : (['a', 'b', 'c'][(i + 1) % 3] ?? 'a')},${((i * 37) % 1000) / 1000}`);
    }
    writeFileSync(path.join(workspace, 'data', 'predictions-1m.csv'), `${million.join('\n')}\n`);
    const [header, ...customers] = readFileSync(path.join(workspace, 'data', 'churn.csv'), 'utf8')
      .trim()
      .split('\n');
    mkdirSync(path.join(workspace, 'data', 'split'), { recursive: true });
    writeFileSync(
      path.join(workspace, 'data', 'split', 'train.csv'),
      `${[header, ...customers.slice(0, 100)].join('\n')}\n`,
    );
    writeFileSync(
      path.join(workspace, 'data', 'split', 'test.csv'),
      `${[header, ...customers.slice(100), customers[0]].join('\n')}\n`,
    );
    const extensionsDir = path.join(scratch, 'extensions');
    const userDataDir = path.join(scratch, 'user-data');
    installVsix(vsixPath(), extensionsDir, userDataDir);
    server = await startCodeServer({ folder: workspace, extensionsDir, userDataDir });
    logsDir = path.join(userDataDir, 'logs');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT_MS });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('starts the ML project checklist from the sidebar’s welcome view, and a tick is written to its file', async () => {
    await step(page, 'checklist-sidebar', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="mlguide"]').first().click();
      const start = page.locator('.welcome-view-content a.monaco-button, .welcome-view-content .monaco-button', {
        hasText: 'Start the Checklist',
      });
      await start.first().waitFor({ timeout: UI_TIMEOUT_MS });
      await start.first().click();
      const tree = page.locator('.pane-body .monaco-list-row');
      await tree.filter({ hasText: 'Problem framing' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await tree.filter({ hasText: 'Data collection and preparation' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      const stateFile = path.join(workspace, '.mlguide', 'checklist.yaml');
      // Items the example shows already tick themselves; the cards still have problems, so not this one.
      await fileMatches(stateFile, /data\.card-meaning: \{ status: verified, evidence: \[/, UI_TIMEOUT_MS);
      assert.doesNotMatch(readFileSync(stateFile, 'utf8'), /data\.documented:/);
      // The team ticks an item with its checkbox: one line in the file. A click that lands while
      // the view redraws its rows (the check that started the checklist answers about now) can be
      // lost in VS Code, the box unticked again: as a user would, the test then clicks again.
      const row = tree.filter({ hasText: 'The problem has a simple, measurable objective' }).first();
      const ticked = /^ {2}problem-framing\.objective: \{ status: done, at: \d{4}-\d\d-\d\d \}$/m;
      const box = row.locator('.custom-view-tree-node-item-checkbox');
      for (let attempt = 1; ; attempt++) {
        // A box the view still shows ticked is unticked first, so that the next click ticks it.
        if (attempt > 1 && (await box.evaluate((element) => element.classList.contains('checked')))) await box.click();
        await box.click();
        const written = await fileMatches(stateFile, ticked, attempt === 3 ? UI_TIMEOUT_MS : 10_000)
          .then(() => true)
          .catch((error: unknown) => {
            if (attempt === 3) throw error;
            return false;
          });
        if (written) break;
      }
      // The status bar names the current stage.
      await page
        .locator('.statusbar-item', { hasText: 'Problem framing 1/6' })
        .first()
        .waitFor({ timeout: UI_TIMEOUT_MS });
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'e2e-checklist.png') });
    });
  });

  it('shows the missing number of examples in the Problems panel when the card opens', async (t: TestContext) => {
    await step(page, 'card-diagnostic', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ timeout: UI_TIMEOUT_MS });
      await quickOpen(page, 'DATASET.md');
      const opened = Date.now();
      const problem = page.locator('.markers-panel .monaco-list-row', {
        hasText: 'does not state the number of examples',
      });
      await problem.first().waitFor({ timeout: UI_TIMEOUT_MS });
      t.diagnostic(`e2e metric card editor open → diagnostic in Problems: ${Date.now() - opened} ms`);
      const text = (await problem.first().textContent()) ?? '';
      assert.match(text, /MLG009/);
    });
  });

  it('applies the quick fix and the problem disappears', async () => {
    await step(page, 'quick-fix', async () => {
      // With the cursor in the flagged title, Ctrl+. offers the fixes there.
      await page.locator('.monaco-editor .view-line', { hasText: 'Customer churn' }).first().click();
      // The light bulb shows once the editor has the fixes for the cursor's line.
      await page.locator('.monaco-editor .lightBulbWidget').first().waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Control+.');
      // The fix is marked preferred, so the menu opens with it focused: Enter applies it.
      await page
        .locator('.action-widget .monaco-list-row.focused', { hasText: 'Insert a "Number of examples" section' })
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await page
        .locator('.markers-panel', { hasText: 'No problems have been detected in the workspace' })
        .waitFor({ timeout: UI_TIMEOUT_MS });
      const rows =
        readFileSync(path.join(workspace, 'data', 'churn.csv'), 'utf8')
          .trim()
          .split('\n').length - 1;
      await page
        .locator('.monaco-editor .view-lines', { hasText: `${rows} examples` })
        .first()
        .waitFor({ timeout: UI_TIMEOUT_MS });
      // Saved, the card on disk states its size too.
      await page.keyboard.press('Control+S');
      await page
        .locator('.tabs-container .tab.active:not(.dirty)', { hasText: 'DATASET.md' })
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await fileMatches(path.join(workspace, 'DATASET.md'), new RegExp(`${rows} examples`), UI_TIMEOUT_MS);
    });
  });

  it('checks a card against its data: hover and completion explain, quick fixes repair, problems clear', async () => {
    await step(page, 'card-against-data', async () => {
      const file = path.join(workspace, 'stale.datacard.md');
      await quickOpen(page, 'stale.datacard.md');
      const problems = page.locator('.markers-panel .monaco-list-row');
      // The count is checked once the language server has read data/churn.csv.
      await problems
        .filter({ hasText: 'The card says 250 examples; data/churn.csv has 200 rows' })
        .first()
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await problems.filter({ hasText: 'MLG006' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await problems.filter({ hasText: 'MLG007' }).first().waitFor({ timeout: UI_TIMEOUT_MS });

      // Hover on a heading: which of the book's items it answers, and why.
      await page
        .locator('.monaco-editor .view-line', { hasText: 'Pre-processing steps' })
        .locator('span', { hasText: 'Pre-processing' })
        .last()
        .hover();
      await page.locator('.monaco-hover', { hasText: 'MLG005' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Escape');

      // Completion offers the heading the card lacks; writing the section clears MLG007.
      const goToLine = async (line: number): Promise<void> => {
        await page.keyboard.press('Control+G');
        await page.keyboard.type(String(line));
        await page.keyboard.press('Enter');
      };
      await page.locator('.monaco-editor .view-line', { hasText: 'Churn snapshot' }).first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('## Stor');
      await page.keyboard.press('Control+Space');
      await page
        .locator('.suggest-widget .monaco-list-row', { hasText: 'Storage format' })
        .first()
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('UTF-8 CSV with a header row, comma-separated.');
      await problems.filter({ hasText: 'MLG007' }).first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });

      // Quick fix: the stale count becomes the data's.
      await goToLine(STALE_CARD.indexOf('250 examples.') + 1);
      await page.locator('.monaco-editor .lightBulbWidget').first().waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Control+.');
      await page
        .locator('.action-widget .monaco-list-row.focused', { hasText: "Replace 250 with the data's count, 200" })
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await page
        .locator('.monaco-editor .view-line', { hasText: '200 examples.' })
        .first()
        .waitFor({ timeout: UI_TIMEOUT_MS });

      // Quick fix: the missing section is inserted with the book's prompt; then it is written.
      // The title line is where the missing section's finding is; the cursor goes there by keyboard
      // (a click can land on the sticky-scroll heading drawn over it).
      await page.keyboard.press('Control+Home');
      const insert = page.locator('.action-widget .monaco-list-row.focused', {
        hasText: 'Insert an "Excluded data" section',
      });
      // Ctrl+. asks for the actions at the cursor; right after a move they may still be computing.
      for (let attempt = 0; ; attempt++) {
        await page.keyboard.press('Control+.');
        try {
          await insert.waitFor({ timeout: 10_000 });
          break;
        } catch (error) {
          if (attempt >= 4) throw error;
          await page.keyboard.press('Escape');
        }
      }
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+S');
      await fileMatches(file, /## Excluded data/, UI_TIMEOUT_MS);
      const saved = readFileSync(file, 'utf8').split('\n');
      const heading = saved.indexOf('## Excluded data');
      const prompt = saved.findIndex((line, i) => i > heading && line.startsWith('<!--'));
      assert.ok(heading > 0 && prompt > heading, "the inserted section carries the book's prompt");
      await goToLine(prompt + 1);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Test accounts and employees are excluded.');

      await page
        .locator('.markers-panel', { hasText: 'No problems have been detected in the workspace' })
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Control+S');
      await fileMatches(
        file,
        /Test accounts and employees are excluded\.[\s\S]*200 examples\.[\s\S]*## Storage format/,
        UI_TIMEOUT_MS,
      );
    });
  });

  it('ticks "the dataset card exists and lints clean" by itself once both cards are fixed and saved', async () => {
    await step(page, 'checklist-self-tick', async () => {
      await fileMatches(
        path.join(workspace, '.mlguide', 'checklist.yaml'),
        /^ {2}data\.documented: \{ status: verified, evidence: \[DATASET\.md, stale\.datacard\.md\], at: /m,
        UI_TIMEOUT_MS,
      );
    });
  });

  it('lints a split configuration with its data: a static and a data-backed problem, a quick fix that clears one', async () => {
    await step(page, 'split-config', async () => {
      await quickOpen(page, 'leaky.split.yaml');
      const problems = page.locator('.markers-panel .monaco-list-row');
      // Static (from the text): no seed. Data-backed (from the split files): a row in both splits.
      await problems.filter({ hasText: 'MLS006' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await problems.filter({ hasText: 'MLS016' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      assert.match(
        (await problems.filter({ hasText: 'MLS016' }).first().textContent()) ?? '',
        /data\/split\/test\.csv:102 ↔ data\/split\/train\.csv:2/,
      );
      await page.keyboard.press('Control+G');
      await page.keyboard.type(String(LEAKY_SPLIT.findIndex((line) => line.startsWith('strategy')) + 1));
      await page.keyboard.press('Enter');
      const fix = page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Add seed: 42' });
      for (let attempt = 0; ; attempt++) {
        await page.keyboard.press('Control+.');
        try {
          await fix.waitFor({ timeout: 10_000 });
          break;
        } catch (error) {
          if (attempt >= 4) throw error;
          await page.keyboard.press('Escape');
        }
      }
      await page.keyboard.press('Enter');
      await problems.filter({ hasText: 'MLS006' }).first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      await problems.filter({ hasText: 'MLS016' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Control+S');
      await fileMatches(path.join(workspace, 'leaky.split.yaml'), /^seed: 42$/m, UI_TIMEOUT_MS);
    });
  });

  it('profiles the example CSV from the Command Palette and shows its row and column counts', async () => {
    await step(page, 'profile-csv', async () => {
      await quickOpen(page, 'churn.csv');
      // The button in the CSV editor's title bar is there too.
      await page
        .locator('.editor-actions .action-item a[aria-label^="Profile CSV"]')
        .first()
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await runCommand(page, 'mlguide: Profile CSV');
      const frame = await frameWith(page, '[data-figure="rows"] .figure', UI_TIMEOUT_MS);
      const lines = readFileSync(path.join(workspace, 'data', 'churn.csv'), 'utf8')
        .trim()
        .split('\n');
      const rows = lines.length - 1;
      const columns = (lines[0] ?? '').split(',').length;
      assert.equal(await frame.textContent('[data-figure="rows"] .figure'), String(rows));
      assert.equal(await frame.textContent('[data-figure="columns"] .figure'), String(columns));
      assert.equal(await frame.locator('tbody tr').count(), columns);
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'e2e-profile-panel.png') });
    });
  });

  it('brings the profile panel back, re-profiled, after the window reloads', async () => {
    await step(page, 'panel-restore', async () => {
      await runCommand(page, 'Developer: Reload Window');
      await page.waitForEvent('load', { timeout: UI_TIMEOUT_MS });
      await page.locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT_MS });
      const frame = await frameWith(page, '[data-figure="rows"] .figure', UI_TIMEOUT_MS);
      const rows =
        readFileSync(path.join(workspace, 'data', 'churn.csv'), 'utf8')
          .trim()
          .split('\n').length - 1;
      assert.equal(await frame.textContent('[data-figure="rows"] .figure'), String(rows));
      await page.locator('.tabs-container .tab', { hasText: 'Profile: churn.csv' }).waitFor({ timeout: UI_TIMEOUT_MS });
    });
  });

  it('evaluates the example predictions in the Evaluate panel: metrics, verdict and intervals from the language server', async () => {
    await step(page, 'evaluate-panel', async () => {
      await quickOpen(page, 'predictions.csv');
      await runCommand(page, 'mlguide: Evaluate Predictions');
      const frame = await frameWith(page, '[data-action="run"]', UI_TIMEOUT_MS);
      // The columns are suggested from their names: churned, predicted, score.
      await frame.locator('vscode-single-select[name="truth"]').waitFor({ timeout: UI_TIMEOUT_MS });
      await frame.locator('[data-action="run"]').click();
      await frame.locator('[data-verdict]').waitFor({ timeout: UI_TIMEOUT_MS });
      assert.match((await frame.locator('[data-verdict]').textContent()) ?? '', /zero-rule baseline/);
      const accuracy =
        (await frame.locator('[data-table="metrics"] tbody tr', { hasText: 'balanced_accuracy' }).textContent()) ?? '';
      assert.match(accuracy, /\[0\.\d+, 0\.\d+\]/, 'an interval is shown');
      await frame.locator('svg[data-chart^="ROC curve"]').waitFor({ timeout: UI_TIMEOUT_MS });
      // F-beta follows beta at once.
      const before = (await frame.locator('[data-fbeta]').textContent()) ?? '';
      await frame.locator('input[aria-label="beta"]').fill('2');
      await frame.locator('[data-fbeta]', { hasText: 'beta 2.0' }).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.notEqual((await frame.locator('[data-fbeta]').textContent()) ?? '', before);
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'e2e-evaluate-panel.png') });
      // Export: the save dialog proposes reports/predictions-evaluate.md; Enter accepts it.
      mkdirSync(path.join(workspace, 'reports'), { recursive: true });
      await frame.locator('[data-action="export"]').click();
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await fileMatches(
        path.join(workspace, 'reports', 'predictions-evaluate.md'),
        /^<!-- mlguide-report: evaluation intervals -->/,
        UI_TIMEOUT_MS,
      );
    });
  });

  it('runs the baselines in the Dataset panel on the example data: the baseline table and the book’s sentence', async () => {
    await step(page, 'dataset-panel', async () => {
      await quickOpen(page, 'churn.csv');
      await runCommand(page, 'mlguide: Dataset & Baseline');
      const dataset = await frameWith(page, '[data-table="profile"]', UI_TIMEOUT_MS);
      await dataset.locator('[data-action="run"]').click();
      await dataset.locator('[data-table="baselines"] tbody tr').first().waitFor({ timeout: UI_TIMEOUT_MS });
      assert.match((await dataset.locator('[data-findings]').textContent()) ?? '', /A model must beat 0\.\d+ accuracy/);
    });
  });

  it('compares two prediction columns in the Compare panel: McNemar and a plain verdict', async () => {
    await step(page, 'compare-panel', async () => {
      await quickOpen(page, 'predictions.csv');
      await runCommand(page, 'mlguide: Compare Models');
      const compare = await frameWith(page, 'vscode-single-select[name="mode"]', UI_TIMEOUT_MS);
      await compare.locator('[data-action="run"]').click();
      await compare.locator('[data-verdict]').waitFor({ timeout: UI_TIMEOUT_MS });
      assert.match((await compare.locator('[data-verdict]').textContent()) ?? '', /McNemar p = /);
    });
  });

  it('evaluates a 1,000,000-row predictions file: time from the command to the first numbers (reported)', async (t: TestContext) => {
    await step(page, 'evaluate-1m', async () => {
      await quickOpen(page, 'predictions-1m.csv');
      const started = Date.now();
      await runCommand(page, 'mlguide: Evaluate Predictions');
      const frame = await frameWith(page, 'h1', UI_TIMEOUT_MS, 'predictions-1m.csv');
      await frame.locator('[data-action="run"]:not([disabled])').waitFor({ timeout: 5 * UI_TIMEOUT_MS });
      const columnsAt = Date.now();
      await frame.locator('[data-action="run"]').click();
      await frame.locator('[data-verdict]').waitFor({ timeout: 5 * UI_TIMEOUT_MS });
      const numbersAt = Date.now();
      t.diagnostic(
        `e2e metric 1M-row predictions: command → columns ${String(columnsAt - started)} ms; Run → metrics with intervals ${String(numbersAt - columnsAt)} ms; command → first numbers ${String(numbersAt - started)} ms`,
      );
      assert.match((await frame.locator('[data-bootstrap]').textContent()) ?? '', /bootstrap resamples/);
    });
  });
});
