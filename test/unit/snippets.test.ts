// The snippets a user inserts must produce files mlguide itself accepts: a dataset card and a
// datasheet that lint clean for their profiles, front matter that parses, a report the checklist
// recognises, a split configuration that is valid YAML.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument, isMap } from 'yaml';
import { classifyReport } from '../../server/src/checklist/project';
import { lintDatasetCard } from '../../server/src/lint';
import { repoRoot, scratchDir } from './support';
import { lintSplitFile } from '../../server/src/split/cli';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

function snippets(file: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(path.join(repoRoot, 'snippets', file), 'utf8')) as Record<string, Snippet>;
}

/**
 * The text VS Code inserts when the user accepts every default (placeholders, first choices,
 * variables), or with each placeholder answered by `answer(n)` — what a card looks like once written.
 */
function expand(body: readonly string[], answer?: (n: number) => string): string {
  const variables: Record<string, string> = {
    TM_FILENAME: 'churn.split.yaml',
    CURRENT_YEAR: '2026',
    CURRENT_MONTH: '11',
    CURRENT_DATE: '27',
  };
  let text = body.join('\n');
  // Innermost first, so nested placeholders expand too.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, text: string) => (answer ? answer(Number(n)) : text))
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => variables[name] ?? '')
      .replace(/\$\d+/g, '');
  }
  return text;
}

describe('snippets', () => {
  const markdown = snippets('markdown.json');
  const yaml = snippets('yaml.json');

  it('have prefixes and descriptions, and expand to text without snippet syntax', () => {
    for (const [name, snippet] of Object.entries({ ...markdown, ...yaml })) {
      assert.ok(snippet.prefix.length > 0 && snippet.description.length > 10, name);
      assert.doesNotMatch(expand(snippet.body), /\$\{|\$\d/, name);
    }
  });

  // Answers a team would write; the dataset card's 6th placeholder asks for the pre-processing steps.
  const written = (n: number): string =>
    n === 6
      ? 'Duplicates were removed from the raw data before the split; scaling was fitted on train after the split.'
      : `The team wrote this part (${String(n)}): 1,200 examples of customers, collected from billing in 2025.`;

  it('dataset card: once written, lints without a missing or empty book item', () => {
    const snippet = markdown['Dataset card (Machine Learning Engineering, ch. 3)'];
    assert.ok(snippet);
    const findings = lintDatasetCard(expand(snippet.body, written), 'markdown', { profiles: new Set(['book']) });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });

  it('datasheet: once written, lints without a missing section of the datasheets profile', () => {
    const snippet = markdown['Datasheet for a dataset (Gebru et al.)'];
    assert.ok(snippet);
    const findings = lintDatasetCard(expand(snippet.body, written), 'markdown', {
      profiles: new Set(['datasheets']),
    });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });

  it('Hugging Face front matter: a YAML mapping with the metadata keys', () => {
    const snippet = markdown['Hugging Face dataset card front matter'];
    assert.ok(snippet);
    const text = expand(snippet.body);
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
    assert.ok(match);
    const doc = parseDocument(match[1] ?? '');
    assert.deepEqual(doc.errors, []);
    assert.ok(isMap(doc.contents));
    assert.deepEqual(Object.keys(doc.toJSON() as object), [
      'license',
      'language',
      'task_categories',
      'size_categories',
      'pretty_name',
      'configs',
    ]);
  });

  it('evaluation report: recognised by the checklist as an evaluation with intervals', () => {
    const snippet = markdown['Evaluation report'];
    assert.ok(snippet);
    assert.deepEqual(classifyReport('report.md', expand(snippet.body)), { kind: 'evaluation', withIntervals: true });
  });

  it('split configuration: valid YAML with the keys of product.md §2', () => {
    const snippet = yaml['Split configuration (mlguide)'];
    assert.ok(snippet);
    const doc = parseDocument(expand(snippet.body));
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(Object.keys(doc.toJSON() as object), [
      'data',
      'task',
      'target',
      'seed',
      'shuffle',
      'strategy',
      'stratify_by',
      'sizes',
      'outputs',
      'preprocessing',
      'features',
    ]);
  });

  it('split configuration: once filled for a real file, passes the split rules', async () => {
    const snippet = yaml['Split configuration (mlguide)'];
    assert.ok(snippet);
    const dir = scratchDir();
    try {
      // A raw file large enough for the default ±2-point test precision (2,401 test rows at 15 %).
      const rows = ['churned,tenure,comment'];
      for (let i = 0; i < 20_000; i++)
        rows.push(`${i % 3 === 0 ? 'yes' : 'no'},${String(1 + (i % 72))},${['ok', 'late'][i % 2] ?? ''}`);
      dir.write('data/raw.csv', `${rows.join('\n')}\n`);
      const answers: Record<number, string> = { 3: 'churned', 14: 'comment' };
      const text = expand(snippet.body, (n) => answers[n] ?? defaultOf(snippet.body, n));
      const file = dir.write('churn.split.yaml', text);
      assert.deepEqual(
        (await lintSplitFile(file, text, {}, [dir.dir])).map((f) => `${f.ruleId}: ${f.message}`),
        [],
      );
    } finally {
      dir.remove();
    }
  });
});

/** The default text of placeholder `n` in a snippet's body. */
function defaultOf(body: readonly string[], n: number): string {
  return new RegExp(`\\$\\{${String(n)}:([^$}]*)\\}`).exec(body.join('\n'))?.[1] ?? '';
}
