// Regenerates the Hugging Face metadata value lists that come from npm packages:
//   server/src/huggingface/values/tasks.json      ← @huggingface/tasks (PIPELINE_DATA, TASKS_DATA)
//   server/src/huggingface/values/languages.json  ← @huggingface/languages (ISO 639-1 and 639-3)
// Both packages are dev dependencies: the language server ships only the lists it needs (a few
// hundred kilobytes of JSON), not the packages (5.6 MB of snippets, hardware and library tables).
// Run `node scripts/hf-metadata-values.mjs` after bumping either package; review the diff.
// The lists the Hub documents in prose (licenses, size categories, creators, multilinguality) are
// written by hand in values/hub.json, with the repository, path and commit they come from.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const out = new URL('../server/src/huggingface/values/', import.meta.url);
const today = new Date().toISOString().slice(0, 10);

function packageSource(name) {
  // Read from node_modules directly: not every package exports its package.json.
  const manifest = JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8'));
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return { package: name, version: manifest.version, repository };
}

function write(name, data) {
  writeFileSync(new URL(name, out), `${JSON.stringify(data, null, 2)}\n`);
  console.log(`wrote server/src/huggingface/values/${name}`);
}

const tasks = require('@huggingface/tasks');
const categories = Object.entries(tasks.PIPELINE_DATA).map(([id, data]) => ({
  id,
  name: data.name,
  modality: data.modality,
  ...(tasks.TASKS_DATA[id]?.summary ? { summary: tasks.TASKS_DATA[id].summary } : {}),
  ...(data.hideInDatasets ? { hiddenInDatasetFilters: true } : {}),
}));
const taskIds = new Map();
for (const [category, data] of Object.entries(tasks.PIPELINE_DATA)) {
  for (const subtask of data.subtasks ?? []) {
    const known = taskIds.get(subtask.type);
    if (known) known.categories.push(category);
    else taskIds.set(subtask.type, { id: subtask.type, name: subtask.name, categories: [category] });
  }
}
write('tasks.json', {
  source: packageSource('@huggingface/tasks'),
  generatedBy: 'scripts/hf-metadata-values.mjs',
  date: today,
  taskCategories: categories,
  taskIds: [...taskIds.values()].sort((a, b) => a.id.localeCompare(b.id)),
});

const languages = require('@huggingface/languages');
const names = (table) =>
  Object.fromEntries(
    Object.values(table)
      .map((language) => [language.code, language.name])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
write('languages.json', {
  source: packageSource('@huggingface/languages'),
  generatedBy: 'scripts/hf-metadata-values.mjs',
  date: today,
  iso639_1: names(languages.LANGUAGES_ISO_639_1),
  iso639_3: names(languages.LANGUAGES_ISO_639_3),
});
