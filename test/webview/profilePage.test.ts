import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CsvProfile } from '../../core/src/profile/profile';
import type { ProfileViewModel } from '../../core/src/protocol/webview';
import { profileCsvFile } from '../../server/src/engine/readCsv';
import { repoRoot } from '../support/lspClient';
import { readPlainCsv } from '../support/lspWorkspace';
import { startWebviewHarness, type ProfilePage, type WebviewHarness } from '../support/webviewHarness';

const CHURN = path.join(repoRoot, 'examples', 'data', 'churn.csv');
const SCREENSHOT = path.join(repoRoot, 'test-results', 'webview-profile.png');

const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_ALERT = '<img src=x onerror=alert(1)>';
const XSS_SCRIPT = '<script>alert(2)</script>';

interface TableRow {
  name: string;
  type: string;
  missing: string;
  missingBarWidth: number;
}

const tableRows = (page: ProfilePage): Promise<TableRow[]> =>
  page.page.$$eval('table tbody tr', (rows) =>
    rows.map((row) => ({
      name: row.querySelector('th')?.textContent ?? '',
      type: row.querySelector('.type')?.textContent ?? '',
      missing: row.querySelectorAll('td')[1]?.textContent ?? '',
      missingBarWidth: row.querySelector('.bar')?.getBoundingClientRect().width ?? -1,
    })),
  );

const figure = (page: ProfilePage, name: string): Promise<string> =>
  page.page.locator(`[data-figure="${name}"] .figure`).innerText();

describe('profile webview in Chromium, under the extension’s CSP', { timeout: 120_000 }, () => {
  let harness: WebviewHarness;
  let model: ProfileViewModel;
  const pages: ProfilePage[] = [];

  const openPage = async (): Promise<ProfilePage> => {
    const page = await harness.openProfilePage();
    pages.push(page);
    await page.posted.next((m) => (m as { type?: unknown }).type === 'ready', 'ready');
    return page;
  };

  before(async () => {
    harness = await startWebviewHarness();
    const profile = await profileCsvFile(CHURN);
    model = {
      uri: pathToFileURL(CHURN).href,
      fileName: 'churn.csv',
      path: 'examples/data/churn.csv',
      bytes: profile.bytes,
      profile,
    };
  });

  after(async () => {
    await harness.close();
  });

  it('says ready once loaded, and waits for the host', async () => {
    const view = await openPage();
    assert.deepEqual(view.posted.items, [{ type: 'ready' }]);
    assert.match(await view.page.locator('#app').innerText(), /waiting/i);
  });

  it('renders the profile: row and column counts, one table row per column; screenshot', async () => {
    const view = await openPage();
    await view.postFromHost({ type: 'profile', model });
    await view.page.locator('[data-figure="rows"] .figure').waitFor();

    // Counted from the file here, not taken from the model.
    const csv = readPlainCsv(await fs.readFile(CHURN, 'utf8'));
    assert.equal(await figure(view, 'rows'), String(csv.rows.length));
    assert.equal(await figure(view, 'columns'), String(csv.header.length));
    assert.equal(await figure(view, 'delimiter'), ',');
    assert.equal(await view.page.locator('h1').innerText(), 'churn.csv');
    assert.equal(await view.page.locator('h1').getAttribute('title'), 'examples/data/churn.csv');

    const rows = await tableRows(view);
    assert.deepEqual(
      rows.map((r) => r.name),
      csv.header,
    );
    assert.deepEqual(
      rows.map((r) => [r.name, r.type, r.missing]),
      model.profile.columns.map((c) => [c.name, c.type, String(c.missing)]),
    );
    const missingInFile = csv.header.map((_, i) => csv.rows.filter((row) => (row[i] ?? '') === '').length);
    assert.deepEqual(
      rows.map((r) => Number(r.missing)),
      missingInFile,
    );
    // The bar beside the count is drawn only where values are missing.
    for (const [i, row] of rows.entries()) {
      assert.equal(row.missingBarWidth > 0, (missingInFile[i] ?? 0) > 0, `${row.name}: bar ${row.missingBarWidth}px`);
    }

    // The page keeps the file's URI so VS Code can restore the panel after a reload.
    assert.deepEqual(await view.page.evaluate('window.__webviewState'), { uri: model.uri });

    assert.deepEqual(view.pageErrors, []);
    assert.deepEqual(view.consoleErrors, [], 'our bundle logs no errors');
    assert.ok(
      view.requests.every((url) => url.startsWith(`${harness.origin}/`)),
      `only the local server is contacted: ${JSON.stringify(view.requests)}`,
    );

    await view.applyDarkTheme();
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await view.page.screenshot({ path: SCREENSHOT, fullPage: true });
    assert.ok((await fs.stat(SCREENSHOT)).size > 0);
  });

  it('shows names and messages from the file as text, never as markup', async () => {
    const view = await openPage();
    const column = (name: string): CsvProfile['columns'][number] => ({
      name,
      type: 'text',
      missing: 0,
      distinct: 3,
      distinctCapped: false,
    });
    const warning = `${XSS_ALERT} and ${XSS_SCRIPT}`;
    const hostile: ProfileViewModel = {
      uri: 'file:///tmp/x.csv',
      fileName: `${XSS_IMG}.csv`,
      path: `"><script>alert(3)</script>`,
      bytes: 99,
      profile: {
        rows: 3,
        delimiter: ',',
        columns: [column(XSS_IMG), column(XSS_ALERT), column(XSS_SCRIPT)],
        warnings: [{ line: 2, code: 'ragged-row', message: warning }],
        warningCount: 1,
      },
    };
    await view.postFromHost({ type: 'profile', model: hostile });
    await view.page.locator('table').waitFor();

    assert.deepEqual(
      (await tableRows(view)).map((r) => r.name),
      [XSS_IMG, XSS_ALERT, XSS_SCRIPT],
    );
    assert.equal(await view.page.locator('h1').textContent(), `${XSS_IMG}.csv`);
    assert.equal(await view.page.locator('h1').getAttribute('title'), hostile.path);
    assert.deepEqual(await view.page.locator('.warnings li').allTextContents(), [`line 2: ${warning}`]);

    const dom = await view.page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: Array.from(document.scripts, (s) => s.src),
      xss: (window as unknown as { __xss?: unknown }).__xss,
    }));
    assert.equal(dom.images, 0, 'no <img> element was created');
    assert.deepEqual(dom.scripts, [`${harness.origin}/webviews/profile.js`], 'only our bundle is a script');
    assert.equal(dom.xss, undefined);
    await view.handledAllSoFar();
    assert.deepEqual(view.dialogs, []);
    assert.ok(!harness.served.includes('/x'), 'no image source was requested');
    assert.deepEqual(view.pageErrors, []);
  });

  it('runs under a CSP with default-src none and this load’s script nonce; injected script does not run', async () => {
    const view = await openPage();
    await view.postFromHost({ type: 'profile', model });
    await view.page.locator('table').waitFor();
    assert.deepEqual(view.consoleErrors, [], 'our bundle runs without errors or CSP violations');

    const csp = await view.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(csp, 'the page declares a CSP');
    const directives = csp.split(';').map((d) => d.trim());
    assert.ok(directives.includes("default-src 'none'"), csp);
    assert.ok(directives.includes(`script-src 'nonce-${view.nonce}'`), csp);
    assert.ok(view.nonce.length >= 32, 'the nonce is long enough not to guess');
    assert.equal(await view.page.evaluate(() => document.scripts[0]?.nonce), view.nonce);

    // An inline script without the nonce (as an injection would add) is refused.
    const inline = await view.page.evaluate(
      (timeoutMs) =>
        new Promise<{ directive: string; ran: unknown }>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no securitypolicyviolation event')), timeoutMs);
          document.addEventListener(
            'securitypolicyviolation',
            (event) => {
              clearTimeout(timer);
              resolve({
                directive: event.effectiveDirective,
                ran: (window as unknown as { __inline?: unknown }).__inline,
              });
            },
            { once: true },
          );
          const script = document.createElement('script');
          script.textContent = 'window.__inline = 1';
          document.body.append(script);
        }),
      5_000,
    );
    assert.deepEqual(inline, { directive: 'script-src-elem', ran: undefined });

    // So is an inline event handler, even if markup ever reached innerHTML.
    const handlerRan = await view.page.evaluate(
      ({ origin, timeoutMs }) =>
        new Promise<unknown>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('the image never failed to load')), timeoutMs);
          const box = document.createElement('div');
          box.innerHTML = `<img src="${origin}/missing.png" onerror="window.__handler = 1">`;
          // Listeners run in the order they were added: the inline handler, if allowed, first.
          box.querySelector('img')?.addEventListener('error', () => {
            clearTimeout(timer);
            resolve((window as unknown as { __handler?: unknown }).__handler);
          });
          document.body.append(box);
        }),
      { origin: harness.origin, timeoutMs: 5_000 },
    );
    assert.equal(handlerRan, undefined);
    assert.deepEqual(view.dialogs, []);
  });

  it('posts refresh when the Refresh button is clicked', async () => {
    const view = await openPage();
    await view.postFromHost({ type: 'profile', model });
    const from = view.posted.mark();
    await view.page.getByRole('button', { name: 'Refresh' }).click();
    const message = await view.posted.next((m) => (m as { type?: unknown }).type === 'refresh', 'refresh', { from });
    assert.deepEqual(message, { type: 'refresh' });
    assert.deepEqual(view.posted.items.slice(from), [{ type: 'refresh' }]);
  });

  it('ignores malformed messages without throwing', async () => {
    const view = await openPage();
    await view.postFromHost({ type: 'profile', model });
    await view.page.locator('table').waitFor();
    const rendered = await view.page.locator('#app').innerHTML();

    for (const malformed of [
      { type: 'profile' },
      { type: 'profile', model: null },
      { type: 'error' },
      { type: 'error', message: 42 },
      { type: 'nope' },
      'profile',
      null,
      42,
      [],
    ]) {
      await view.postFromHost(malformed);
    }
    await view.handledAllSoFar();

    assert.deepEqual(view.pageErrors, []);
    assert.equal(await view.page.locator('#app').innerHTML(), rendered, 'the profile is still shown unchanged');
    assert.deepEqual(view.posted.items, [{ type: 'ready' }], 'nothing posted back');
  });

  it('shows an error from the host as text with role=alert', async () => {
    const view = await openPage();
    const message = 'churn.csv: cannot be read (EACCES) <b>not bold</b>';
    await view.postFromHost({ type: 'error', message });
    const alert = view.page.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.textContent(), message);
    assert.equal(await view.page.locator('#app b').count(), 0);
    assert.deepEqual(view.pageErrors, []);
  });
});
