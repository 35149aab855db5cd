// The one fixture runner for every split-configuration rule (MLS0xx), like rules.test.ts for cards.
//
// Fixtures live in test/fixtures/split-rules/<RULEID>/, named `fail-*` or `pass-*` and ending in
// `.split.yaml|yml|json`. A failing YAML fixture marks each expected finding on its line with
// `# expect: MLS003`; JSON has no comments, so a JSON fixture lists its expected findings in a
// sidecar `<name>.expect` (`5: MLS001`, one per line). Each fixture is linted with every split rule
// as the CLI would lint it (data facts read from disk, the repository as the workspace, a
// `.mlguide.yaml` on the way up applied, the data-backed checks run on the `outputs` files), and
// the findings must be exactly the marked ones. Shared
// data lives in test/fixtures/split-rules/_data/. The runner also demands a docs page and a failing
// and a passing fixture for every rule.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { configFor } from '../../server/src/config';
import { findRule } from '../../server/src/rules/registry';
import { readSplitFacts } from '../../server/src/split/facts';
import { isLeakageReport, runSplitLeakage } from '../../server/src/split/leakage';
import { isSplitConfigFile, lintParsedSplitConfig } from '../../server/src/split/lint';
import { parseSplitConfig, splitConfigFormat } from '../../server/src/split/parse';
import { splitRules, findSplitRule } from '../../server/src/split/rules/registry';
import { repoRoot } from './support';

const fixturesRoot = path.resolve(__dirname, '../fixtures/split-rules');

interface Fixture {
  ruleDir: string;
  name: string;
  file: string;
  text: string;
}

const ruleDirs = readdirSync(fixturesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .map((entry) => entry.name)
  .sort();

const fixtures: Fixture[] = ruleDirs.flatMap((ruleDir) =>
  readdirSync(path.join(fixturesRoot, ruleDir))
    // Split files only: a rule's folder may hold the CSV split files its fixtures read (data/).
    .filter((name) => !name.startsWith('.') && !name.endsWith('.expect') && isSplitConfigFile(name))
    .sort()
    .map((name) => {
      const file = path.join(fixturesRoot, ruleDir, name);
      return { ruleDir, name, file, text: readFileSync(file, 'utf8') };
    }),
);

const MARKER = /#\s*expect:\s*([A-Za-z]+\d+(?:\s*,\s*[A-Za-z]+\d+)*)/g;

/** The `line:ruleId` pairs (1-based lines) a fixture asks for: its markers, or its `.expect` file. */
function expectedFindings(fixture: Fixture): string[] {
  const sidecar = `${fixture.file}.expect`;
  if (existsSync(sidecar)) {
    return readFileSync(sidecar, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const [lineNumber, id] = line.split(':').map((part) => part.trim());
        return `${lineNumber ?? ''}:${id ?? ''}`;
      })
      .sort();
  }
  const expected: string[] = [];
  fixture.text.split(/\r?\n/).forEach((line, i) => {
    for (const match of line.matchAll(MARKER)) {
      for (const id of (match[1] ?? '').split(',')) expected.push(`${i + 1}:${id.trim()}`);
    }
  });
  return expected.sort();
}

describe('split rule fixtures', () => {
  for (const fixture of fixtures) {
    const shown = path.relative(fixturesRoot, fixture.file);
    it(`${shown}: findings match its expect: markers`, async () => {
      assert.ok(isSplitConfigFile(fixture.file), `${shown} is not named like a split configuration`);
      const expected = expectedFindings(fixture);
      for (const pair of expected) {
        const id = pair.slice(pair.indexOf(':') + 1);
        assert.ok(findSplitRule(id), `${shown}: marker names unknown split rule ${id}`);
      }
      if (fixture.name.startsWith('fail-')) {
        assert.ok(
          expected.some((pair) => pair.endsWith(`:${fixture.ruleDir}`)),
          `${shown} is a failing fixture but marks no ${fixture.ruleDir} finding`,
        );
      } else {
        assert.ok(fixture.name.startsWith('pass-'), `${shown}: fixture names start with fail- or pass-`);
        assert.deepEqual(expected, [], `${shown} is a passing fixture but has expect: markers`);
      }
      const parsed = parseSplitConfig(fixture.text, splitConfigFormat(fixture.file));
      const dir = path.dirname(fixture.file);
      const data = await readSplitFacts(parsed, dir);
      // The data-backed rules (MLS016–MLS022) read the outputs files, as the CLI does.
      const leakage = await runSplitLeakage(parsed, dir, { data });
      const findings = lintParsedSplitConfig(parsed, {
        severities: configFor(fixture.file).rules,
        dir,
        workspaceRoots: [repoRoot],
        fileExists: existsSync,
        data,
        ...(isLeakageReport(leakage) ? { leakage } : {}),
      });
      const actual = findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`).sort();
      assert.deepEqual(actual, expected, findings.map((f) => `${f.range.start.line + 1}: ${f.message}`).join('\n'));
      for (const finding of findings) {
        assert.ok(existsSync(fileURLToPath(finding.docsUrl)), `${finding.ruleId}: docs link ${finding.docsUrl}`);
        assert.ok(finding.message.length > 0);
      }
    });
  }
});

describe('split rule registry', () => {
  it('has rules with unique ids and aliases, found by findRule as .mlguide.yaml and suppressions use it', () => {
    assert.ok(splitRules.length > 0);
    assert.equal(new Set(splitRules.map((r) => r.id)).size, splitRules.length);
    assert.equal(new Set(splitRules.map((r) => r.alias)).size, splitRules.length);
    for (const rule of splitRules) {
      assert.match(rule.id, /^MLS\d{3}$/);
      assert.match(rule.alias, /^[a-z]+(?:-[a-z]+)*$/);
      assert.equal(findRule(rule.id), rule);
      assert.equal(findRule(rule.alias), rule);
    }
  });

  for (const rule of splitRules) {
    it(`${rule.id} has a docs page naming it`, () => {
      const page = path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(page), `missing docs/rules/${rule.id}.md`);
      const firstLine = readFileSync(page, 'utf8').split('\n')[0] ?? '';
      assert.ok(firstLine.startsWith(`# ${rule.id}`), `docs/rules/${rule.id}.md starts "# ${rule.id}"`);
      assert.ok(firstLine.includes(rule.alias), `docs/rules/${rule.id}.md names the alias ${rule.alias}`);
    });

    it(`${rule.id} has a failing and a passing fixture`, () => {
      const own = fixtures.filter((f) => f.ruleDir === rule.id);
      assert.ok(
        own.some((f) => f.name.startsWith('fail-')),
        `no failing fixture (fail-*) for ${rule.id}`,
      );
      assert.ok(
        own.some((f) => f.name.startsWith('pass-')),
        `no passing fixture (pass-*) for ${rule.id}`,
      );
    });
  }

  it('has a registered rule for every fixture folder', () => {
    for (const dir of ruleDirs) assert.ok(findSplitRule(dir), `test/fixtures/split-rules/${dir}/ names no split rule`);
  });
});
