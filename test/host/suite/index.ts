/**
 * Entry point of the in-editor suite, in the shape both `@vscode/test-electron` and VS Code's
 * `extensionTestsPath` expect: `run()` resolves when the tests pass. Results (and the metrics
 * the tests record) are also written as JSON to `$MLGUIDE_HOST_RESULTS`, because a browser-hosted
 * VS Code has no process exit code for a harness to read.
 */
import { renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { metrics } from './metrics';

export interface HostTestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

export interface HostResults {
  results: HostTestResult[];
  metrics: Record<string, number>;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  mocha.addFile(path.join(__dirname, 'extension.suite.js'));
  mocha.addFile(path.join(__dirname, 'checklist.suite.js'));
  mocha.addFile(path.join(__dirname, 'analysis.suite.js'));
  const results: HostTestResult[] = [];
  const out = process.env.MLGUIDE_HOST_RESULTS;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const report: HostResults = { results, metrics };
      if (out) {
        // Written whole, then renamed, so a harness watching for the file never reads half of it.
        writeFileSync(`${out}.partial`, JSON.stringify(report, null, 2));
        renameSync(`${out}.partial`, out);
      }
      if (failures > 0) reject(new Error(`${failures} host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) =>
      results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }),
    );
    runner.on('fail', (test, error: Error) =>
      results.push({
        title: test.fullTitle(),
        state: 'failed',
        durationMs: test.duration ?? 0,
        error: error.stack ?? error.message,
      }),
    );
  });
}
