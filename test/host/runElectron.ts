/**
 * Runs the in-editor suite (test/host/suite) under @vscode/test-electron, for machines that can
 * download VS Code (a desktop with internet; not these CI machines, which use code-server — see
 * test/host/host.test.ts). `npm run build && npm run test:electron`; on a headless Linux box
 * wrap it in `xvfb-run -a`.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const scratch = mkdtempSync(path.join(tmpdir(), 'mlguide-electron-'));
  const workspace = path.join(scratch, 'workspace');
  const resultsFile = path.join(scratch, 'host-results.json');
  cpSync(path.join(root, 'examples'), workspace, { recursive: true });
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'host', 'suite', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { MLGUIDE_HOST_RESULTS: resultsFile },
    });
  } finally {
    if (existsSync(resultsFile)) {
      const { results } = JSON.parse(readFileSync(resultsFile, 'utf8')) as { results: { state: string }[] };
      const passed = results.filter((r) => r.state === 'passed').length;
      process.stdout.write(`${passed} passed, ${results.length - passed} failed\n`);
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
