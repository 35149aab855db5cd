/**
 * The values the Hugging Face Hub knows for its dataset card metadata, bundled offline (never a
 * network call). Each list records where it comes from and when:
 *
 * - `values/tasks.json` and `values/languages.json` are generated from the npm packages
 *   `@huggingface/tasks` and `@huggingface/languages` (dev dependencies) by
 *   `scripts/hf-metadata-values.mjs`, which writes the package version and the date into them;
 * - `values/hub.json` holds the lists the Hub documents in prose — license ids (hub-docs
 *   `repositories-licenses.md`), size categories, creators and multilinguality (the `datasets`
 *   library's validation resources) — copied by hand, each with repository, path and commit, and
 *   the date it was recorded.
 */
import hubJson from './values/hub.json';
import languagesJson from './values/languages.json';
import tasksJson from './values/tasks.json';

/** A value the Hub knows for a metadata key, with what it means. */
export interface KnownValue {
  id: string;
  description: string;
}

/** A size category with the range of example counts it stands for (`min` ≤ n < `max`). */
export interface SizeCategory extends KnownValue {
  min?: number;
  max?: number;
}

/** A task id (`task_ids`) and the task categories it refines. */
export interface TaskId extends KnownValue {
  categories: readonly string[];
}

/** Where a bundled list comes from, for docs and hovers. */
export interface ValueListSource {
  list: string;
  source: string;
  date: string;
}

interface HubSource {
  repository: string;
  path: string;
  commit: string;
}
interface HubList<T> {
  source: HubSource;
  values: T[];
}
interface HubValues {
  recorded: string;
  licenses: HubList<{ id: string; name: string }>;
  sizeCategories: HubList<{ id: string; name: string; min?: number; max?: number }>;
  annotationsCreators: HubList<{ id: string; name: string }>;
  languageCreators: HubList<{ id: string; name: string }>;
  multilinguality: HubList<{ id: string; name: string }>;
}
interface PackageSource {
  package: string;
  version: string;
}
interface TasksValues {
  source: PackageSource;
  date: string;
  taskCategories: { id: string; name: string; modality: string; summary?: string; hiddenInDatasetFilters?: boolean }[];
  taskIds: { id: string; name: string; categories: string[] }[];
}
interface LanguagesValues {
  source: PackageSource;
  date: string;
  iso639_1: Record<string, string>;
  iso639_3: Record<string, string>;
}

// The JSON files' shapes are checked by the interfaces above once, here; the rest of the server
// sees only the typed lists.
const hub: HubValues = hubJson;
const tasks: TasksValues = tasksJson;
const languages: LanguagesValues = languagesJson;

const named = (values: readonly { id: string; name: string }[]): KnownValue[] =>
  values.map((value) => ({ id: value.id, description: value.name }));

/** License ids of the Hub (`license`), `other` and `unknown` included. */
export const LICENSES: readonly KnownValue[] = named(hub.licenses.values);

/** Size categories (`size_categories`), from fewest to most examples. */
export const SIZE_CATEGORIES: readonly SizeCategory[] = hub.sizeCategories.values.map((value) => ({
  id: value.id,
  description: value.name,
  ...(value.min !== undefined ? { min: value.min } : {}),
  ...(value.max !== undefined ? { max: value.max } : {}),
}));

/** Who produced the labels (`annotations_creators`). */
export const ANNOTATIONS_CREATORS: readonly KnownValue[] = named(hub.annotationsCreators.values);

/** Who produced the text or speech (`language_creators`). */
export const LANGUAGE_CREATORS: readonly KnownValue[] = named(hub.languageCreators.values);

/** How many languages the data holds and how (`multilinguality`). */
export const MULTILINGUALITY: readonly KnownValue[] = named(hub.multilinguality.values);

/** Task categories (`task_categories`): the Hub's pipeline types. */
export const TASK_CATEGORIES: readonly KnownValue[] = tasks.taskCategories.map((task) => ({
  id: task.id,
  description: `${task.name} (${task.modality})${task.summary ? ` — ${task.summary}` : ''}`,
}));

/** Task ids (`task_ids`): the Hub's subtasks, each under one or more task categories. */
export const TASK_IDS: readonly TaskId[] = tasks.taskIds.map((task) => ({
  id: task.id,
  description: `${task.name} (a kind of ${task.categories.join(', ')})`,
  categories: task.categories,
}));

const languageNames = new Map<string, string>([
  ...Object.entries(languages.iso639_1),
  ...Object.entries(languages.iso639_3),
]);

/** The English name of an ISO 639-1 or 639-3 code the Hub knows, or undefined. */
export function languageName(code: string): string | undefined {
  return languageNames.get(code);
}

/** ISO 639-1 codes (two letters) the Hub knows, with their names: offered first in completion. */
export const ISO_639_1: readonly KnownValue[] = Object.entries(languages.iso639_1).map(([id, description]) => ({
  id,
  description,
}));

/** ISO 639-3 codes (three letters) the Hub knows, with their names. */
export const ISO_639_3: readonly KnownValue[] = Object.entries(languages.iso639_3).map(([id, description]) => ({
  id,
  description,
}));

const hubSource = (list: string, source: HubSource): ValueListSource => ({
  list,
  source: `${source.repository} ${source.path} (commit ${source.commit.slice(0, 12)})`,
  date: hub.recorded,
});

/** Where each bundled list comes from and when it was taken. */
export const VALUE_SOURCES: readonly ValueListSource[] = [
  {
    list: 'task_categories, task_ids',
    source: `npm ${tasks.source.package}@${tasks.source.version}`,
    date: tasks.date,
  },
  {
    list: 'language',
    source: `npm ${languages.source.package}@${languages.source.version}`,
    date: languages.date,
  },
  hubSource('license', hub.licenses.source),
  hubSource('size_categories', hub.sizeCategories.source),
  hubSource('annotations_creators', hub.annotationsCreators.source),
  hubSource('language_creators', hub.languageCreators.source),
  hubSource('multilinguality', hub.multilinguality.source),
];
