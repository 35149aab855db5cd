// The Hugging Face value lists bundled in server/src/huggingface/values/: each records its source
// and date, and the generated ones still equal what the packages they came from hold (so a
// package bump without `node scripts/hf-metadata-values.mjs` fails here, not on a user's card).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGES_ISO_639_1, LANGUAGES_ISO_639_3 } from '@huggingface/languages';
import { PIPELINE_DATA } from '@huggingface/tasks';
import {
  ISO_639_1,
  ISO_639_3,
  LICENSES,
  SIZE_CATEGORIES,
  TASK_CATEGORIES,
  TASK_IDS,
  VALUE_SOURCES,
} from '../../server/src/huggingface/values';
import { repoRoot } from './support';

const valuesDir = path.join(repoRoot, 'server', 'src', 'huggingface', 'values');
const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;

describe('bundled Hugging Face value lists', () => {
  it('hold the task categories and task ids of the installed @huggingface/tasks', () => {
    assert.deepEqual(
      TASK_CATEGORIES.map((task) => task.id),
      Object.keys(PIPELINE_DATA),
    );
    const subtasks = new Set(
      Object.values(PIPELINE_DATA as Record<string, { subtasks?: { type: string }[] }>).flatMap((data) =>
        (data.subtasks ?? []).map((s) => s.type),
      ),
    );
    assert.deepEqual(new Set(TASK_IDS.map((task) => task.id)), subtasks);
    const tasks = JSON.parse(readFileSync(path.join(valuesDir, 'tasks.json'), 'utf8')) as {
      source: { version: string };
    };
    assert.equal(tasks.source.version, installedVersion('@huggingface/tasks'));
  });

  it('hold the ISO 639-1 and 639-3 codes of the installed @huggingface/languages', () => {
    assert.deepEqual(new Set(ISO_639_1.map((l) => l.id)), new Set(Object.keys(LANGUAGES_ISO_639_1)));
    assert.deepEqual(new Set(ISO_639_3.map((l) => l.id)), new Set(Object.keys(LANGUAGES_ISO_639_3)));
    const languages = JSON.parse(readFileSync(path.join(valuesDir, 'languages.json'), 'utf8')) as {
      source: { version: string };
    };
    assert.equal(languages.source.version, installedVersion('@huggingface/languages'));
  });

  it('record where every list comes from and when it was taken', () => {
    const lists = VALUE_SOURCES.flatMap((source) => source.list.split(', '));
    for (const key of [
      'task_categories',
      'task_ids',
      'language',
      'license',
      'size_categories',
      'annotations_creators',
      'language_creators',
      'multilinguality',
    ]) {
      assert.ok(lists.includes(key), key);
    }
    for (const source of VALUE_SOURCES) {
      assert.match(source.date, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(
        source.source,
        /^npm @huggingface\/\w+@\d+\.\d+\.\d+$|^huggingface\/[\w-]+ \S+ \(commit [0-9a-f]{12}\)$/,
      );
    }
  });

  it('have the Hub’s license ids in lower case, other and unknown included, and sizes in order', () => {
    const ids = LICENSES.map((license) => license.id);
    for (const id of ['apache-2.0', 'mit', 'cc-by-4.0', 'cc0-1.0', 'other', 'unknown']) assert.ok(ids.includes(id), id);
    for (const id of ids) assert.equal(id, id.toLowerCase());
    assert.equal(new Set(ids).size, ids.length);
    const bounded = SIZE_CATEGORIES.filter((s) => s.max !== undefined);
    for (let i = 1; i < bounded.length; i++) assert.equal(bounded[i]?.min, bounded[i - 1]?.max);
  });
});
