// The one test command (`npm test`): checks (types, lint, format), builds and packages, then runs
// the five tiers with node's test runner and ends with the total line CI reads:
// `N passed, N failed`. `npm test -- unit lsp` runs only the named tiers (after the build).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const TIERS = ['unit', 'lsp', 'webview', 'host', 'e2e'];
const asked = process.argv.slice(2);
const unknown = asked.filter((t) => !TIERS.includes(t));
if (unknown.length > 0) {
  console.error(`test: unknown tier ${unknown.join(', ')}; tiers are ${TIERS.join(', ')}`);
  process.exit(2);
}
const tiers = asked.length > 0 ? asked : TIERS;
const full = asked.length === 0;

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

function testFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

if (full) {
  step('type check', 'npx', ['tsc', '-b']);
  step('lint (zero warnings)', 'npx', ['eslint', '--max-warnings', '0', '.']);
  step('format check', 'npx', ['prettier', '--check', '.']);
}
step('build', 'node', ['scripts/build.mjs']);
if (tiers.includes('e2e')) step('package .vsix', 'node', ['scripts/package.mjs']);

// Screenshots and reports of this run only.
rmSync(join(root, 'test-results'), { recursive: true, force: true });
const scratch = mkdtempSync(join(tmpdir(), 'mlguide-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const tier of tiers) {
  const files = testFiles(join(root, 'test', tier));
  const countsFile = join(scratch, `${tier}.json`);
  console.log(`\n▶ ${tier} tier: ${files.map((f) => relative(root, f)).join(', ')}`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'scripts', 'count-reporter.mjs')}`,
      `--test-reporter-destination=${countsFile}`,
      ...files,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, MLGUIDE_TIER: tier } },
  );
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  } catch {
    counts.failed = 1;
  }
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  // A tier that ran nothing proves nothing.
  if (counts.passed + counts.failed === 0) counts.failed = 1;
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  lines.push(`  ${tier.padEnd(8)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
rmSync(scratch, { recursive: true, force: true });

console.log('\nTiers:');
for (const line of lines) console.log(line);
// Skipped tests fail the run: a skipped test is a defect.
const failed = totals.failed + totals.skipped;
console.log(`${totals.passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
