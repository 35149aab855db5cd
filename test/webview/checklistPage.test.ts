// The checklist page in Chromium under the extension's CSP: the project's checklist as the server
// computes it for the example project, the team's actions posted back, hostile notes shown as text.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ChecklistResult } from '../../core/src/protocol/checklist';
import { checklistResult } from '../../server/src/checklist/requests';
import { repoRoot } from '../support/lspClient';
import { startWebviewHarness, type ProfilePage, type WebviewHarness } from '../support/webviewHarness';

const SCREENSHOT = path.join(repoRoot, 'test-results', 'webview-checklist.png');
const XSS = '<img src=x onerror="window.__xss=1"><script>alert(1)</script>';

describe('checklist webview in Chromium, under the extension’s CSP', { timeout: 120_000 }, () => {
  let harness: WebviewHarness;
  let project: string;
  let model: ChecklistResult;

  const openPage = async (): Promise<ProfilePage> => {
    const page = await harness.openPage('checklist');
    await page.posted.next((m) => (m as { type?: unknown }).type === 'ready', 'ready');
    return page;
  };
  const show = async (page: ProfilePage, shown: ChecklistResult, focusStage?: string): Promise<void> => {
    await page.postFromHost({ type: 'checklist', model: shown, ...(focusStage ? { focusStage } : {}) });
    await page.page.locator('details[data-stage]').first().waitFor();
  };

  before(async () => {
    project = await fs.mkdtemp(path.join(tmpdir(), 'mlguide-webview-checklist-'));
    await fs.cp(path.join(repoRoot, 'examples'), project, { recursive: true });
    await fs.mkdir(path.join(project, '.mlguide'));
    await fs.writeFile(
      path.join(project, '.mlguide', 'checklist.yaml'),
      'version: 1\nitems:\n  problem-framing.objective: { status: done, owner: ana, note: churn in 30 days }\n',
    );
    model = await checklistResult(project, false);
    harness = await startWebviewHarness();
  });

  after(async () => {
    await harness.close();
    await fs.rm(project, { recursive: true, force: true });
  });

  it('shows every stage with its progress, opens the first unfinished one, and says what is next; screenshot', async () => {
    const page = await openPage();
    await show(page, model);
    const stages = await page.page.$$eval('details[data-stage]', (all) =>
      all.map((d) => ({
        id: d.getAttribute('data-stage'),
        open: d.hasAttribute('open'),
        progress: d.querySelector('[data-progress]')?.textContent,
      })),
    );
    assert.deepEqual(
      stages.map((s) => [s.id, s.progress]),
      model.stages.map((s) => [s.id, `${String(s.complete)} / ${String(s.applicable)}`]),
    );
    assert.deepEqual(
      stages.filter((s) => s.open).map((s) => s.id),
      ['problem-framing'],
    );
    const next = await page.page.locator('details[data-stage="problem-framing"] .next').innerText();
    assert.equal(
      next,
      'Next: ML is needed: the problem is too complex to code, changes constantly, is perceptive or unstudied',
    );
    // The example card states nine of the ten items: those are verified, ticked and locked.
    const verified = page.page.locator('li[data-item="data.card-meaning"]');
    assert.equal(await verified.locator('[data-status]').textContent(), 'verified');
    assert.ok(await verified.locator('input[type=checkbox]').isChecked());
    assert.ok(await verified.locator('input[type=checkbox]').isDisabled());
    assert.equal(await verified.locator('[data-evidence]').textContent(), 'DATASET.md');
    const objective = page.page.locator('li[data-item="problem-framing.objective"]');
    assert.equal(await objective.locator('input[placeholder=owner]').inputValue(), 'ana');
    // The objective ticked by hand, nine documentation items and the split configuration.
    assert.match(await page.page.locator('[data-total]').innerText(), /^11 of \d+ items complete/);

    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(page.consoleErrors, [], JSON.stringify(page.requests));
    assert.ok(
      page.requests.every((url) => url.startsWith(`${harness.origin}/`)),
      JSON.stringify(page.requests),
    );
    await page.applyDarkTheme();
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('posts the team’s changes: a tick, an owner, a note, not applicable only with a reason, evidence to open', async () => {
    const page = await openPage();
    await show(page, model, 'data');
    const item = (id: string) => page.page.locator(`li[data-item="${id}"]`);
    const last = (): unknown => page.posted.items[page.posted.items.length - 1];

    await item('data.sampling-strategy').locator('input[type=checkbox]').check();
    await page.posted.next((m) => (m as { type?: string }).type === 'setStatus', 'tick');
    assert.deepEqual(last(), { type: 'setStatus', itemId: 'data.sampling-strategy', status: 'done' });

    await item('data.versioned').locator('input[placeholder=owner]').fill('bo');
    await item('data.versioned').locator('input[placeholder=owner]').press('Tab');
    await page.posted.next((m) => (m as { type?: string }).type === 'setOwner', 'owner');
    assert.deepEqual(last(), { type: 'setOwner', itemId: 'data.versioned', owner: 'bo' });

    await item('data.versioned').locator('textarea').fill('labels v2 in DVC');
    await item('data.versioned').locator('textarea').press('Tab');
    await page.posted.next((m) => (m as { type?: string }).type === 'setNote', 'note');
    assert.deepEqual(last(), { type: 'setNote', itemId: 'data.versioned', note: 'labels v2 in DVC' });

    // Without a reason nothing is sent, and the reason field asks for one.
    const count = page.posted.items.length;
    await item('data.versioned').locator('[data-action=not-applicable]').click();
    await page.handledAllSoFar();
    assert.equal(page.posted.items.length, count);
    assert.equal(await item('data.versioned').locator('input[aria-invalid=true]').count(), 1);
    await item('data.versioned').locator('input[placeholder="why it does not apply"]').fill('one labeler');
    await item('data.versioned').locator('[data-action=not-applicable]').click();
    await page.posted.next((m) => (m as { status?: string }).status === 'not-applicable', 'n/a');
    assert.deepEqual(last(), {
      type: 'setStatus',
      itemId: 'data.versioned',
      status: 'not-applicable',
      reason: 'one labeler',
    });

    await item('data.card-meaning').locator('[data-evidence]').click();
    await page.posted.next((m) => (m as { type?: string }).type === 'openEvidence', 'evidence');
    assert.deepEqual(last(), { type: 'openEvidence', uri: pathToFileURL(path.join(project, 'DATASET.md')).href });
  });

  it('shows notes, owners and reasons from the file as text, and a conflicted file as a warning', async () => {
    const page = await openPage();
    const hostile: ChecklistResult = structuredClone(model);
    const first = hostile.stages[0]?.items[0];
    assert.ok(first);
    first.note = XSS;
    first.owner = XSS;
    first.status = 'not-applicable';
    first.reason = XSS;
    hostile.stateFile = {
      ...hostile.stateFile,
      writable: false,
      problems: [{ line: 3, message: 'unresolved merge conflict' }],
    };
    await show(page, hostile);
    const li = page.page.locator(`li[data-item="${first.id}"]`);
    assert.equal(await li.locator('textarea').inputValue(), XSS);
    assert.match(await li.innerText(), /Not applicable: <img src=x onerror=/);
    assert.equal(await page.page.evaluate('window.__xss'), undefined);
    assert.deepEqual(page.dialogs, []);
    assert.equal(await page.page.locator('img').count(), 0);
    assert.equal(
      await page.page.locator('[data-state-problem]').innerText(),
      '.mlguide/checklist.yaml line 3: unresolved merge conflict. Changes are not saved until the file is fixed.',
    );
  });
});
