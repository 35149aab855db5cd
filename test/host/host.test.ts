/**
 * Host tier: runs the mocha suite in test/host/suite inside a real VS Code extension host
 * (code-server 1.100.3), loading the extension under development through the `payload` URL
 * parameter, and reports each of its tests here.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { HostResults } from './suite/index';
import { launchBrowser, repoRoot, startCodeServer, type RunningCodeServer } from '../support/codeServer';

const SUITE_TIMEOUT_MS = 240_000;

/** Resolves when `file` exists, watching its folder (bounded). */
function fileAppears(file: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(path.dirname(file), () => {
      if (existsSync(file)) done();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${path.basename(file)} did not appear within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      watcher.close();
      resolve();
    };
    if (existsSync(file)) done();
  });
}

describe('extension host (real VS Code 1.100.3)', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'mlguide-host-'));
  const workspace = path.join(scratch, 'workspace');
  const resultsDir = path.join(scratch, 'results');
  const resultsFile = path.join(resultsDir, 'host-results.json');
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let report: HostResults | undefined;

  before(async () => {
    cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    mkdirSync(resultsDir);
    server = await startCodeServer({
      folder: workspace,
      extensionsDir: path.join(scratch, 'extensions'),
      userDataDir: path.join(scratch, 'user-data'),
      env: { MLGUIDE_HOST_RESULTS: resultsFile },
    });
    const remote = (p: string): string => `vscode-remote://127.0.0.1:${server?.port ?? 0}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(path.join(repoRoot, 'out', 'test', 'host', 'suite', 'index'))],
    ];
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(
      `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    await fileAppears(resultsFile, SUITE_TIMEOUT_MS);
    report = JSON.parse(readFileSync(resultsFile, 'utf8')) as HostResults;
  });

  after(async () => {
    if (!report || report.results.some((r) => r.state === 'failed')) {
      process.stderr.write(`--- code-server output ---\n${server?.output() ?? ''}\n`);
    }
    await browser?.close();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('ran the in-editor suite', (t) => {
    assert.ok(report, 'results were written');
    assert.ok(report.results.length >= 7, `ran ${report.results.length} tests`);
    for (const [name, value] of Object.entries(report.metrics))
      t.diagnostic(`host metric ${name}: ${value.toFixed(0)} ms`);
  });

  it('in-editor tests', async (t) => {
    for (const result of report?.results ?? []) {
      await t.test(result.title, () => {
        if (result.state === 'failed') assert.fail(result.error ?? 'failed');
      });
    }
  });
});
