// Completion and hover in a card's YAML metadata (front matter or dataset.yaml), as the editor asks
// for them: a text and a cursor position.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inMetadata,
  metadataCompletions,
  type MetadataCompletion,
} from '../../server/src/huggingface/metadataCompletion';
import { metadataHover } from '../../server/src/huggingface/metadataHover';
import { LICENSES, SIZE_CATEGORIES, TASK_CATEGORIES } from '../../server/src/huggingface/values';
import { metadataRegion, parseYamlLine, yamlPaths } from '../../server/src/huggingface/yamlContext';

/** A card with `|` marking the cursor; returns the text without it and the position. */
function cursor(marked: string): { text: string; line: number; character: number } {
  const index = marked.indexOf('|');
  assert.ok(index >= 0, 'the test text marks the cursor with |');
  const before = marked.slice(0, index).split('\n');
  return {
    text: marked.slice(0, index) + marked.slice(index + 1),
    line: before.length - 1,
    character: (before.at(-1) ?? '').length,
  };
}

function complete(marked: string, kind: 'markdown' | 'yaml' = 'markdown'): MetadataCompletion[] {
  const { text, line, character } = cursor(marked);
  return metadataCompletions(text, kind, { line, character });
}

const labels = (items: readonly MetadataCompletion[]): string[] =>
  [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label);

describe('metadata completion', () => {
  it('offers the Hub’s license ids after `license: `, each with its name, replacing the word typed', () => {
    const items = complete('---\nlicense: cc-by|\n---\n# Card\n');
    assert.equal(items.length, LICENSES.length);
    const ccBy = items.find((item) => item.label === 'cc-by-4.0');
    assert.ok(ccBy);
    assert.equal(ccBy.kind, 'value');
    assert.equal(ccBy.detail, 'Creative Commons Attribution 4.0');
    assert.equal(ccBy.insertText, 'cc-by-4.0');
    assert.equal(ccBy.replaceFrom, 'license: '.length);
    assert.match(ccBy.documentation, /`license`: The license id/);
  });

  it('offers size categories in a list, smallest first, without the ones already listed', () => {
    const items = complete('---\nsize_categories:\n- 1K<n<10K\n- |\n---\n');
    assert.deepEqual(
      labels(items),
      SIZE_CATEGORIES.map((s) => s.id).filter((id) => id !== '1K<n<10K'),
    );
    assert.equal(items[0]?.replaceFrom, 2);
  });

  it('offers task categories inside a flow list, without those already in it', () => {
    const items = complete('---\ntask_categories: [text-classification, |]\n---\n');
    assert.equal(items.length, TASK_CATEGORIES.length - 1);
    assert.ok(!items.some((item) => item.label === 'text-classification'));
    assert.match(
      items.find((item) => item.label === 'tabular-regression')?.detail ?? '',
      /Tabular Regression \(tabular\)/,
    );
  });

  it('puts the task ids of the card’s task categories first', () => {
    const items = complete('---\ntask_categories:\n- text-classification\ntask_ids:\n- |\n---\n');
    const first = labels(items).slice(0, 3);
    assert.ok(first.includes('acceptability-classification'), first.join(', '));
    assert.ok(!first.includes('extractive-qa'));
  });

  it('offers the top-level keys the card does not have yet, on an empty line of the front matter', () => {
    const items = complete('---\nlicense: mit\n|\nlanguage: [en]\n---\n');
    const offered = items.map((item) => item.label);
    assert.ok(!offered.includes('license') && !offered.includes('language'));
    for (const key of ['size_categories', 'task_categories', 'configs', 'pretty_name'])
      assert.ok(offered.includes(key), key);
    const sizes = items.find((item) => item.label === 'size_categories');
    assert.equal(sizes?.kind, 'key');
    assert.equal(sizes.insertText, 'size_categories:\n  - ');
    assert.match(sizes.documentation, /\*Why it matters:\* Users filter by size/);
  });

  it('offers the keys of a configs item and of a data_files entry at their levels', () => {
    const card = '---\nconfigs:\n- config_name: default\n  |\n  data_files:\n  - split: train\n    path: a.csv\n---\n';
    assert.deepEqual(labels(complete(card)), ['data_dir', 'default']);
    assert.deepEqual(
      labels(complete('---\nconfigs:\n- config_name: default\n  data_files:\n  - split: train\n    |\n---\n')),
      ['path'],
    );
    assert.deepEqual(labels(complete('---\nconfigs:\n- config_name: default\n  data_files:\n  - |\n---\n')), [
      'split',
      'path',
    ]);
    assert.deepEqual(labels(complete('---\nconfigs:\n- config_name: a\n  default: |\n---\n')), ['true', 'false']);
  });

  it('works in a dataset.yaml card and in front matter not closed yet, but not in the Markdown body', () => {
    assert.ok(complete('multilinguality: |\n', 'yaml').some((item) => item.label === 'monolingual'));
    assert.ok(complete('---\nlanguage:\n- |\n\n# Card\n').some((item) => item.label === 'da'));
    assert.deepEqual(complete('---\nlicense: mit\n---\n\nlicense: |\n'), []);
    assert.equal(inMetadata('---\nlicense: mit\n---\n\nText\n', 'markdown', { line: 4, character: 0 }), false);
    assert.equal(inMetadata('---\nlicense: mit\n---\n', 'markdown', { line: 1, character: 3 }), true);
  });

  it('offers nothing for free-form keys', () => {
    assert.deepEqual(complete('---\npretty_name: |\n---\n'), []);
    assert.deepEqual(complete('---\ntags:\n- |\n---\n'), []);
  });
});

describe('metadata hover', () => {
  const card =
    '---\nlicense: other\nsize_categories:\n- 1K<n<10K\nconfigs:\n- config_name: default\n  data_files:\n  - split: train\n    path: a.csv\n---\n\n# Card\n';

  it('explains a key: what it must hold, why it matters, its rule and where its values come from', () => {
    const hover = metadataHover(card, 'markdown', { line: 2, character: 4 });
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 15 } });
    assert.match(hover.markdown, /^\*\*`size_categories`\*\* — Hugging Face dataset card metadata/);
    assert.match(hover.markdown, /\*Why it matters:\* Users filter by size/);
    assert.match(hover.markdown, /\[MLG302 metadata-known-values\]\(file:.*MLG302\.md\)/);
    assert.match(hover.markdown, /12 known values, from huggingface\/datasets .* \(taken \d{4}-\d{2}-\d{2}\)/);
  });

  it('explains nested keys by their place: a data_files split, a configs name', () => {
    assert.match(metadataHover(card, 'markdown', { line: 7, character: 6 })?.markdown ?? '', /^\*\*`split`\*\*/);
    assert.match(metadataHover(card, 'markdown', { line: 5, character: 4 })?.markdown ?? '', /^\*\*`config_name`\*\*/);
  });

  it('explains a known value, and says nothing on unknown keys, values or the body', () => {
    const value = metadataHover(card, 'markdown', { line: 3, character: 4 });
    assert.match(value?.markdown ?? '', /^\*\*`1K<n<10K`\*\* — 1,000 to 10,000 examples/);
    assert.deepEqual(value?.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 10 } });
    assert.equal(metadataHover('---\nmy_key: 1\n---\n', 'markdown', { line: 1, character: 2 }), undefined);
    assert.equal(metadataHover(card, 'markdown', { line: 8, character: 12 }), undefined);
    assert.equal(metadataHover(card, 'markdown', { line: 11, character: 2 }), undefined);
  });

  it('explains a key of a dataset.yaml card, with CRLF line endings', () => {
    const hover = metadataHover('license: mit\r\nlanguage:\r\n- da\r\n', 'yaml', { line: 1, character: 1 });
    assert.match(hover?.markdown ?? '', /^\*\*`language`\*\*/);
    assert.match(
      metadataHover('license: mit\r\nlanguage:\r\n- da\r\n', 'yaml', { line: 2, character: 2 })?.markdown ?? '',
      /Danish/,
    );
  });
});

describe('YAML paths from indentation', () => {
  it('reads keys, dashes and columns of block YAML lines', () => {
    assert.deepEqual(parseYamlLine('  - split: train # the training rows'), {
      indent: 2,
      dash: 2,
      key: 'split',
      keyCol: 4,
      valueCol: 11,
      rest: 'train # the training rows',
    });
    assert.deepEqual(parseYamlLine('path: hf://datasets/x'), {
      indent: 0,
      key: 'path',
      keyCol: 0,
      valueCol: 6,
      rest: 'hf://datasets/x',
    });
    assert.equal(parseYamlLine('# a comment'), undefined);
    assert.equal(parseYamlLine('- https://example.org')?.key, undefined);
  });

  it('finds the path of a key under lists written at their parent’s indentation or indented', () => {
    const lines = [
      'configs:',
      '- config_name: a',
      '  data_files:',
      '    - split: train',
      '      path: a.csv',
      'license: mit',
    ];
    const region = metadataRegion(lines, 'yaml');
    assert.ok(region);
    const paths = yamlPaths(lines, region);
    assert.deepEqual(paths.keyPath(4), ['configs', '[]', 'data_files', '[]', 'path']);
    assert.deepEqual(paths.keyPath(5), ['license']);
    assert.deepEqual(paths.mappingAt(2, 2), ['configs', '[]']);
  });
});
