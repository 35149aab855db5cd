// schemas/split.schema.json: what the extension contributes to VS Code's JSON and YAML support.
// It must say what keys.ts says (hover, completion and the parser read that table), accept the
// bundled example, and reject what the parser rejects.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_SPLIT_GLOBS } from '../../server/src/split/parse';
import { SPLIT_KEYS } from '../../server/src/split/keys';
import { repoRoot } from './support';

interface SchemaNode {
  description?: string;
  markdownDescription?: string;
  enum?: string[];
  properties?: Record<string, SchemaNode>;
}

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'split.schema.json'), 'utf8')) as SchemaNode;

function nodeAt(keyPath: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const key of keyPath.split('.')) node = node?.properties?.[key];
  return node;
}

const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('split configuration JSON Schema', () => {
  it('describes every key as keys.ts does (summary and the book’s reason), with the same values', () => {
    for (const spec of SPLIT_KEYS) {
      const node = nodeAt(spec.path);
      assert.ok(node, `schema lacks ${spec.path}`);
      assert.equal(node.description, `${spec.summary} Why: ${spec.why}`, spec.path);
      assert.equal(node.markdownDescription, `${spec.summary}\n\n*Why:* ${spec.why}`, spec.path);
      assert.deepEqual(node.enum, spec.values ? [...spec.values] : undefined, spec.path);
    }
    const schemaKeys = (node: SchemaNode, prefix: string): string[] =>
      Object.entries(node.properties ?? {}).flatMap(([key, child]) => [
        `${prefix}${key}`,
        ...schemaKeys(child, `${prefix}${key}.`),
      ]);
    assert.deepEqual(schemaKeys(schema, '').sort(), SPLIT_KEYS.map((s) => s.path).sort());
  });

  it('accepts the bundled example and a JSON fixture', () => {
    const example = parseYaml(readFileSync(path.join(repoRoot, 'examples', 'churn.split.yaml'), 'utf8')) as unknown;
    assert.ok(validate(example), JSON.stringify(validate.errors));
    const json = JSON.parse(
      readFileSync(path.join(repoRoot, 'test', 'fixtures', 'split-rules', 'MLS001', 'pass-json.split.json'), 'utf8'),
    ) as unknown;
    assert.ok(validate(json), JSON.stringify(validate.errors));
  });

  it('rejects unknown keys, wrong types and a group split without group_by, as the parser does', () => {
    const invalid: [unknown, string][] = [
      [{ sead: 42 }, 'additionalProperties'],
      [{ seed: 'forty-two' }, 'type'],
      [{ shuffle: 'yes' }, 'type'],
      [{ strategy: 'stratifed' }, 'enum'],
      [{ strategy: 'group' }, 'required'],
      [{ strategy: 'time', shuffle: false }, 'required'],
      [{ sizes: { train: 0.8, test: -0.2 } }, 'exclusiveMinimum'],
      [{ margin: 2 }, 'exclusiveMaximum'],
      [{ preprocessing: { befor_split: [] } }, 'additionalProperties'],
    ];
    for (const [config, keyword] of invalid) {
      assert.equal(validate(config), false, JSON.stringify(config));
      assert.ok(
        validate.errors?.some((error) => error.keyword === keyword),
        `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`,
      );
    }
  });

  it('is contributed for the split file names, and the globs setting defaults to the server’s', () => {
    interface Manifest {
      contributes: {
        jsonValidation: { fileMatch: string[]; url: string }[];
        yamlValidation: { fileMatch: string[]; url: string }[];
        configuration: { properties: Record<string, { default?: unknown }> };
      };
      activationEvents: string[];
    }
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
    const { contributes } = manifest;
    const forSplit = (list: { fileMatch: string[]; url: string }[]): string[] =>
      list.filter((entry) => entry.url === './schemas/split.schema.json').flatMap((entry) => entry.fileMatch);
    assert.deepEqual(forSplit(contributes.jsonValidation), ['*.split.json', 'split.json']);
    assert.deepEqual(forSplit(contributes.yamlValidation), ['*.split.yaml', '*.split.yml', 'split.yaml', 'split.yml']);
    assert.deepEqual(contributes.configuration.properties['mlguide.splits.globs']?.default, [...DEFAULT_SPLIT_GLOBS]);
    for (const glob of DEFAULT_SPLIT_GLOBS)
      assert.ok(manifest.activationEvents.includes(`workspaceContains:${glob}`), glob);
  });
});
