// The one fixture runner for every dataset-card rule (house style, "A lint rule").
//
// Fixtures live in test/fixtures/rules/<RULEID>/: files (or folders holding one card, for names
// such as dataset.yaml) named `fail-*` or `pass-*`. A failing fixture marks each expected finding
// on its line: `<!-- expect: MLG009 -->` in Markdown, `# expect: MLG009` in YAML. The runner lints
// each fixture with every rule and asserts the findings are exactly the marked ones. It also
// asserts that every registered rule has a docs page and at least one failing and one passing
// fixture, so a rule cannot be added without them. A `.mlguide.yaml` in a rule's folder (or a
// fixture folder) chooses the profiles and severities its fixtures are linted with, as it would
// in a project. Fixtures of the doc-against-data rules (MLG4xx) are folders holding a card and
// its CSV files: they are linted with the facts of the data the card points at, found and read
// as `mlguide lint` does; the other fixtures are linted from their text alone.
// A card in any fixture folder is linted with `fileExists`, as a saved card is: the paths its
// metadata names (MLG305, MLG306) are looked up beside it, in dot folders the runner skips.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { cardDataFor } from '../../server/src/cardData/cardData';
import { DataFactsCache } from '../../server/src/cardData/readData';
import { configFor, configuredDataFor } from '../../server/src/config';
import { parseDatasetCard } from '../../server/src/parse/datasetCard';
import { datasetCardKind, lintDatasetCard } from '../../server/src/lint';
import { cardFileExists } from '../../server/src/huggingface/fileExists';
import { cardRules, findRule } from '../../server/src/rules/registry';
import { repoRoot } from './support';

const fixturesRoot = path.resolve(__dirname, '../fixtures/rules');

interface Fixture {
  ruleDir: string;
  /** `fail-…` or `pass-…`: the top-level entry in the rule's folder. */
  name: string;
  file: string;
  text: string;
}

/** Every card file under a rule's fixture folder (a folder entry holds the card files in it). */
function fixturesOf(ruleDir: string): Fixture[] {
  const dir = path.join(fixturesRoot, ruleDir);
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      const files = statSync(full).isDirectory()
        ? readdirSync(full)
            // A card folder may hold the data the card describes (and folders of it).
            .filter((inner) => !inner.startsWith('.') && !/\.(?:csv|tsv)$/i.test(inner))
            .filter((inner) => statSync(path.join(full, inner)).isFile())
            .sort()
            .map((inner) => path.join(full, inner))
        : [full];
      return files.map((file) => ({ ruleDir, name, file, text: readFileSync(file, 'utf8') }));
    });
}

const MARKER = /(?:<!--|#)\s*expect:\s*([A-Za-z]+\d+(?:\s*,\s*[A-Za-z]+\d+)*)/g;

/** The `line:ruleId` pairs (1-based lines) the fixture's `expect:` markers ask for. */
function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const match of line.matchAll(MARKER)) {
      for (const id of (match[1] ?? '').split(',')) expected.push(`${i + 1}:${id.trim()}`);
    }
  });
  return expected.sort();
}

const ruleDirs = existsSync(fixturesRoot)
  ? readdirSync(fixturesRoot)
      .filter((name) => statSync(path.join(fixturesRoot, name)).isDirectory())
      .sort()
  : [];
const fixtures = ruleDirs.flatMap(fixturesOf);
const dataCache = new DataFactsCache();

/** Rules that compare a card with its data: their fixtures are linted with the data's facts. */
const isDataRule = (ruleDir: string): boolean => /^MLG4\d\d$/.test(ruleDir);

describe('rule fixtures', () => {
  for (const fixture of fixtures) {
    const shown = path.relative(fixturesRoot, fixture.file);
    it(`${shown}: findings match its expect: markers`, async () => {
      const kind = datasetCardKind(fixture.file, fixture.text);
      assert.ok(kind, `${shown} is not recognised as a dataset card by its name or front matter`);
      const expected = expectedFindings(fixture.text);
      for (const pair of expected) {
        const id = pair.slice(pair.indexOf(':') + 1);
        assert.ok(findRule(id), `${shown}: marker names unknown rule ${id}`);
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

      const config = configFor(fixture.file);
      const configured = configuredDataFor(config, fixture.file);
      const data = isDataRule(fixture.ruleDir)
        ? await cardDataFor(
            fixture.file,
            parseDatasetCard(fixture.text, kind),
            configured ? { configured } : {},
            dataCache,
          )
        : undefined;
      if (isDataRule(fixture.ruleDir)) assert.ok(data, `${shown} points at no data: give it a CSV link or data_files`);
      // A card in a fixture folder is linted as a saved card: the paths it names are looked up
      // beside it, as the CLI and the editor do. A lone fixture file is linted from its text alone.
      const inFolder = path.dirname(fixture.file) !== path.join(fixturesRoot, fixture.ruleDir);
      const findings = lintDatasetCard(fixture.text, kind, {
        ...(inFolder ? { fileExists: cardFileExists(path.dirname(fixture.file)) } : {}),
        severities: config.rules,
        ...(config.profiles ? { profiles: new Set(config.profiles) } : {}),
        ...(data ? { data } : {}),
      });
      const actual = findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`).sort();
      assert.deepEqual(actual, expected, findings.map((f) => f.message).join('\n'));
      for (const finding of findings) {
        assert.ok(existsSync(fileURLToPath(finding.docsUrl)), `${finding.ruleId}: docs link ${finding.docsUrl}`);
        assert.ok(finding.message.length > 0);
      }
    });
  }
});

describe('rule registry', () => {
  it('has at least one rule, with unique ids and aliases that find it', () => {
    assert.ok(cardRules.length > 0);
    assert.equal(new Set(cardRules.map((r) => r.id)).size, cardRules.length);
    assert.equal(new Set(cardRules.map((r) => r.alias)).size, cardRules.length);
    for (const rule of cardRules) {
      assert.match(rule.id, /^MLG\d{3}$/);
      assert.match(rule.alias, /^[a-z]+(?:-[a-z]+)*$/);
      assert.equal(findRule(rule.id), rule);
      assert.equal(findRule(rule.alias), rule);
    }
  });

  for (const rule of cardRules) {
    it(`${rule.id} has a docs page naming it`, () => {
      const page = path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(page), `missing docs/rules/${rule.id}.md`);
      const firstLine = readFileSync(page, 'utf8').split('\n')[0] ?? '';
      assert.ok(firstLine.startsWith(`# ${rule.id}`), `docs/rules/${rule.id}.md starts "# ${rule.id}"`);
      assert.ok(firstLine.includes(rule.alias), `docs/rules/${rule.id}.md names the alias ${rule.alias}`);
    });

    it(`${rule.id} has a failing and a passing fixture`, () => {
      const own = fixtures.filter((f) => f.ruleDir === rule.id);
      assert.ok(own.length > 0, `no fixtures in test/fixtures/rules/${rule.id}/`);
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
    for (const dir of ruleDirs) assert.ok(findRule(dir), `test/fixtures/rules/${dir}/ names no registered rule`);
  });
});
