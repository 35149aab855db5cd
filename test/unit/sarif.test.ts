// `mlguide lint --format sarif`: a SARIF 2.1.0 log that validates against the SARIF schema and
// maps rules, findings, locations and run problems the way GitHub code scanning reads them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { cardRules } from '../../server/src/rules/registry';
import { sarifLevel, type SarifLog } from '../../server/src/sarif';
import { cli, repoRoot, scratchDir, type ScratchDir } from './support';

/** The vendored schema (see test/fixtures/sarif/README.md for its source). */
const schema = JSON.parse(
  readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;
// The schema's `language` pattern is not valid with the `u` flag; JSON Schema patterns are ECMA 262 without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValidSarif(log: unknown): asserts log is SarifLog {
  const valid = validate(log);
  assert.ok(valid, `not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors, null, 2)}`);
}

interface LintJson {
  files: {
    path: string;
    findings: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number }[];
  }[];
}

const INCOMPLETE_CARD = `# Churn customers

Monthly snapshot of the churn table.

## Storage format

TODO
`;

let scratch: ScratchDir;
before(() => {
  scratch = scratchDir();
  scratch.write('cards/DATASET.md', INCOMPLETE_CARD);
  // A space and a `#` in a folder name: the URI must encode them.
  scratch.write('cards/team #2/DATASET.md', '# Other\n\nNumber of examples: 10.\n');
  scratch.write('cards/.mlguide.yaml', 'rules:\n  MLG009: error\n  no-such-rule: off\n');
  scratch.write('blob.md', new Uint8Array([0x23, 0x20, 0x00, 0xff, 0x00]));
});
after(() => {
  scratch.remove();
});

async function sarifOf(args: string[]): Promise<{ code: number; log: SarifLog; err: string }> {
  const run = await cli(['lint', ...args, '--format', 'sarif'], scratch.dir);
  const log = JSON.parse(run.out) as unknown;
  assertValidSarif(log);
  return { code: run.code, log, err: run.err };
}

describe('mlguide lint --format sarif', () => {
  it('writes a log that validates against the SARIF 2.1.0 schema, with the exit code of the other formats', async () => {
    const { code, log } = await sarifOf(['cards']);
    assert.equal(code, 1);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.ok((log.runs[0]?.results.length ?? 0) > 1, 'the incomplete card has several findings');
    // The schema check has teeth: a level SARIF does not know, or a 0-based line, is refused.
    const wrongLevel = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    (wrongLevel.runs[0]?.results[0] ?? { level: '' }).level = 'information';
    assert.equal(validate(wrongLevel), false);
    const zeroLine = structuredClone(log);
    const region = zeroLine.runs[0]?.results[0]?.locations[0]?.physicalLocation.region;
    assert.ok(region);
    region.startLine = 0;
    assert.equal(validate(zeroLine), false);
  });

  it('describes every card rule once: id, alias as name, descriptions, the docs page as help', async () => {
    const { log } = await sarifOf(['cards']);
    const driver = log.runs[0]?.tool.driver;
    assert.ok(driver);
    assert.equal(driver.name, 'mlguide');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    // The card rules, in registry order (rules of other file kinds may follow), each once.
    assert.deepEqual(
      driver.rules.slice(0, cardRules.length).map((rule) => [rule.id, rule.name]),
      cardRules.map((rule) => [rule.id, rule.alias]),
    );
    assert.equal(new Set(driver.rules.map((rule) => rule.id)).size, driver.rules.length);
    const mlg009 = driver.rules.find((rule) => rule.id === 'MLG009');
    assert.ok(mlg009);
    assert.equal(mlg009.shortDescription.text, cardRules.find((r) => r.id === 'MLG009')?.description);
    assert.equal(mlg009.fullDescription.text, 'The dataset card states how many examples the dataset holds.');
    assert.match(mlg009.help?.markdown ?? '', /^# MLG009 — number-of-examples\n/);
    assert.equal(mlg009.defaultConfiguration.level, 'warning');
    assert.match(mlg009.properties.docsUrl, /^file:.*\/docs\/rules\/MLG009\.md$/);
    // No public URL is known for the pages (package.json names no repository) unless one is given.
    assert.equal(mlg009.helpUri, undefined);
    assert.equal(driver.informationUri, undefined);
  });

  it('gives each rule a public helpUri under --rules-url, and refuses a URL that is not http(s)', async () => {
    const { log } = await sarifOf(['cards', '--rules-url', 'https://example.org/mlguide/docs/rules/']);
    const driver = log.runs[0]?.tool.driver;
    assert.equal(driver?.informationUri, 'https://example.org/mlguide');
    assert.deepEqual(
      driver.rules.slice(0, 2).map((rule) => rule.helpUri),
      ['https://example.org/mlguide/docs/rules/MLG001.md', 'https://example.org/mlguide/docs/rules/MLG002.md'],
    );
    const bad = await cli(['lint', 'cards', '--format', 'sarif', '--rules-url', 'docs/rules'], scratch.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--rules-url must be an http\(s\) URL, not "docs\/rules"/);
  });

  it('places each result where --format json does: 1-based lines and columns, exclusive end column', async () => {
    const { log } = await sarifOf(['cards']);
    const json = JSON.parse((await cli(['lint', 'cards', '--format', 'json'], scratch.dir)).out) as LintJson;
    const run = log.runs[0];
    assert.ok(run);
    const fromSarif = run.results.map((result) => {
      const location = result.locations[0]?.physicalLocation;
      return {
        path: decodeURIComponent(location?.artifactLocation.uri ?? ''),
        ruleId: result.ruleId,
        level: result.level,
        region: location?.region,
      };
    });
    const fromJson = json.files.flatMap((file) =>
      file.findings.map((f) => ({
        path: file.path,
        ruleId: f.ruleId,
        level: sarifLevel(f.severity as 'error' | 'warning' | 'information' | 'hint'),
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      })),
    );
    assert.deepEqual(fromSarif, fromJson);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex ?? -1]?.id, result.ruleId, 'ruleIndex points at the rule');
    }
  });

  it('uses the configured severity as the level: MLG009 set to error in .mlguide.yaml', async () => {
    const { log } = await sarifOf(['cards']);
    const results = log.runs[0]?.results ?? [];
    const count = results.find((result) => result.ruleId === 'MLG009');
    assert.equal(count?.level, 'error');
    assert.ok(results.some((result) => result.level === 'warning'));
  });

  it('writes paths relative to the run root (%SRCROOT%), percent-encoded, with the root as a file: URL', async () => {
    const { log } = await sarifOf(['cards']);
    const run = log.runs[0];
    assert.ok(run);
    assert.deepEqual(
      run.artifacts.map((artifact) => artifact.location),
      [
        { uri: 'cards/DATASET.md', uriBaseId: '%SRCROOT%' },
        { uri: 'cards/team%20%232/DATASET.md', uriBaseId: '%SRCROOT%' },
      ],
    );
    const root = run.originalUriBaseIds['%SRCROOT%']?.uri ?? '';
    assert.match(root, /^file:\/\/.*\/$/);
    assert.equal(decodeURIComponent(new URL(root).pathname), `${scratch.dir.split(path.sep).join('/')}/`);
    const inFolder = run.results.filter((r) => r.locations[0]?.physicalLocation.artifactLocation.index === 1);
    assert.ok(
      inFolder.every((r) => r.locations[0]?.physicalLocation.artifactLocation.uri === 'cards/team%20%232/DATASET.md'),
    );
  });

  it('reports config mistakes and unreadable inputs as notifications; a bad input fails the execution', async () => {
    const clean = await sarifOf(['cards']);
    const invocation = clean.log.runs[0]?.invocations[0];
    assert.equal(invocation?.executionSuccessful, true);
    assert.deepEqual(invocation.toolExecutionNotifications, []);
    assert.deepEqual(
      invocation.toolConfigurationNotifications.map((n) => ({
        level: n.level,
        text: n.message.text,
        uri: n.locations?.[0]?.physicalLocation.artifactLocation.uri,
        line: n.locations?.[0]?.physicalLocation.region?.startLine,
      })),
      [{ level: 'warning', text: 'unknown rule "no-such-rule"', uri: 'cards/.mlguide.yaml', line: 3 }],
    );

    const failed = await sarifOf(['blob.md', 'cards']);
    assert.equal(failed.code, 2);
    assert.match(failed.err, /blob\.md: looks like a binary file/);
    const bad = failed.log.runs[0]?.invocations[0];
    assert.equal(bad?.executionSuccessful, false);
    assert.equal(bad.exitCode, 2);
    assert.deepEqual(
      bad.toolExecutionNotifications.map((n) => [n.level, n.message.text]),
      [['error', 'blob.md: looks like a binary file, not a dataset card']],
    );
    assert.equal(bad.toolExecutionNotifications[0]?.locations?.[0]?.physicalLocation.artifactLocation.uri, 'blob.md');
    // The cards that could be read are still reported.
    assert.equal(failed.log.runs[0]?.artifacts.length, 2);
  });

  it('keeps a result’s partial fingerprint when lines are added above it', async () => {
    const before = await sarifOf(['cards/DATASET.md']);
    scratch.write('cards/DATASET.md', `<!-- a note -->\n\n${INCOMPLETE_CARD}`);
    try {
      const after = await sarifOf(['cards/DATASET.md']);
      const prints = (log: SarifLog): [string, number | undefined, string | undefined][] =>
        (log.runs[0]?.results ?? []).map((r) => [
          r.ruleId,
          r.locations[0]?.physicalLocation.region?.startLine,
          r.partialFingerprints?.['mlguideLineHash/v1'],
        ]);
      const old = prints(before.log);
      const moved = prints(after.log);
      assert.equal(moved.length, old.length);
      moved.forEach(([ruleId, line, print], i) => {
        assert.equal(ruleId, old[i]?.[0]);
        assert.equal(line, (old[i]?.[1] ?? 0) + 2, 'the finding moved down two lines');
        assert.match(print ?? '', /^[0-9a-f]{32}:\d+$/);
        assert.equal(print, old[i]?.[2], 'and kept its fingerprint');
      });
    } finally {
      scratch.write('cards/DATASET.md', INCOMPLETE_CARD);
    }
  });

  it('maps severities to SARIF levels: information and hint are notes', () => {
    assert.deepEqual((['error', 'warning', 'information', 'hint'] as const).map(sarifLevel), [
      'error',
      'warning',
      'note',
      'note',
    ]);
  });
});
