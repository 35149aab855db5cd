import type { LeakageReport } from '../../../core/src/leakage/types';
import type { TextRange } from '../parse/text';
import type { RuleFix, Severity } from '../rules/types';
import type { SplitStrategy, SplitTask } from './keys';

/** A scalar of a split file: string, number, boolean or null, with its range. */
export interface SplitScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  range: TextRange;
}

/** A list, `[a, b]` (flow: YAML flow style or JSON) or YAML block `- a` items. */
export interface SplitList {
  kind: 'list';
  items: SplitNode[];
  range: TextRange;
  flow: boolean;
}

/** One `key: value` of a map. `value` is a null scalar for `key:` with nothing after it. */
export interface SplitEntry {
  key: string;
  keyRange: TextRange;
  value: SplitNode;
}

/** A map, `{ a: 1 }` (flow: YAML flow style or JSON) or a YAML block mapping. */
export interface SplitMap {
  kind: 'map';
  entries: SplitEntry[];
  range: TextRange;
  flow: boolean;
}

/** A node of a split file, as YAML and JSON share them: every key and value has its range. */
export type SplitNode = SplitScalar | SplitList | SplitMap;

/** A value taken from the file, with the range it was written at. */
export interface Located<T> {
  value: T;
  range: TextRange;
}

/** A key of the file with its typed value (present only when the value had the right type). */
export interface SplitField<T> {
  /** The key's range. */
  keyRange: TextRange;
  /** The value as written. */
  node: SplitNode;
  value: T;
}

/** A split's size as written under `sizes`. */
export interface SplitSize {
  split: string;
  keyRange: TextRange;
  value: number;
  range: TextRange;
}

/** A split's output path(s) under `outputs`. */
export interface SplitOutput {
  split: string;
  keyRange: TextRange;
  paths: Located<string>[];
}

/** A preprocessing step: `standard_scale`, `{ impute: { strategy: mean } }`, `{ name: smote, … }`. */
export interface SplitStep {
  /** The step's name as written (`StandardScaler`, `impute_mean`). */
  name: string;
  /** Range of the name. */
  nameRange: TextRange;
  /** The whole list item. */
  node: SplitNode;
  /** The step's options (`{ strategy: mean }`), when it has any: some names say what they fit only there. */
  options?: SplitNode;
}

/** The typed content of a split configuration. Absent fields were not written (or had the wrong type). */
export interface SplitConfig {
  data?: SplitField<Located<string>[]>;
  task?: SplitField<Located<SplitTask>>;
  target?: SplitField<Located<string>>;
  seed?: SplitField<Located<number>>;
  shuffle?: SplitField<Located<boolean>>;
  strategy?: SplitField<Located<SplitStrategy>>;
  stratifyBy?: SplitField<Located<string>[]>;
  groupBy?: SplitField<Located<string>>;
  timeColumn?: SplitField<Located<string>>;
  sizes?: SplitField<SplitSize[]>;
  outputs?: SplitField<SplitOutput[]>;
  preprocessing?: SplitField<{
    beforeSplit?: SplitField<SplitStep[]>;
    afterSplit?: SplitField<SplitStep[]>;
  }>;
  features?: SplitField<{
    include?: SplitField<Located<string>[]>;
    exclude?: SplitField<Located<string>[]>;
  }>;
  /** `margin` (or `precision`): the ± half-width the test score's 95% interval may have. */
  margin?: SplitField<Located<number>>;
  /** `leakage:` thresholds of the data-backed checks (MLS016–MLS022). */
  leakage?: SplitField<LeakageSettings>;
}

/** The thresholds under `leakage:`, each as written (absent: the default). */
export interface LeakageSettings {
  alpha?: Located<number>;
  psiModerate?: Located<number>;
  psiSignificant?: Located<number>;
  targetScore?: Located<number>;
  sizeTolerance?: Located<number>;
  maxExamples?: Located<number>;
}

/** A problem the parser found: malformed text, a wrong type, an unknown key. */
export interface SplitParseProblem {
  kind: 'syntax' | 'type' | 'unknown-key';
  range: TextRange;
  message: string;
  /** The key to write instead, for an unknown key close to a known one. */
  suggestion?: string;
}

/** A split file parsed: the generic tree, the typed config, and what was wrong. */
export interface ParsedSplitConfig {
  format: 'yaml' | 'json';
  text: string;
  lines: string[];
  /** The top-level map; absent when the file is empty, malformed beyond repair, or not a map. */
  root?: SplitMap;
  config: SplitConfig;
  problems: SplitParseProblem[];
}

/** What the server or the CLI read about one data path of the config (rules do no I/O). */
export interface SplitDataFacts {
  /** The path as written. */
  reference: string;
  /** Absolute path. */
  file: string;
  exists: boolean;
  /** Header cells (first line only), for CSV/TSV files that could be read. */
  header?: string[];
  /** Data rows (header excluded), when counted. */
  rows?: number;
  /** Columns whose values are all distinct identifiers (the engine's id-like columns), when read. */
  idLike?: string[];
  /** Why the rows were not counted (a file too large to count while typing, unreadable…). */
  rowsSkipped?: string;
}

/** What a split rule knows besides the file's text. */
export interface SplitRuleContext {
  /** Absolute folder of the split file; relative paths start there. Absent (unsaved file): no path checks. */
  dir?: string;
  /** Workspace folders (absolute); paths outside all of them are refused. Empty or absent: not checked. */
  workspaceRoots?: readonly string[];
  /** Whether a path (absolute) exists. Absent: existence is not checked. */
  fileExists?: (file: string) => boolean;
  /** Facts about the `data` files, by the path as written. */
  data?: ReadonlyMap<string, SplitDataFacts>;
  /** What the data-backed checks found in the `outputs` files (absent: not run, or no split file exists). */
  leakage?: LeakageReport;
}

/** One problem a split rule found. */
export interface SplitFinding {
  range: TextRange;
  message: string;
  fix?: RuleFix;
}

/** A lint rule over split configurations (MLS0xx): metadata and a pure check. */
export interface SplitRule {
  /** Stable id (`MLS003`), the diagnostic `code` and the docs page name. */
  id: string;
  /** A readable alias, accepted wherever the id is. */
  alias: string;
  description: string;
  defaultSeverity: Severity;
  tags: readonly string[];
  check(parsed: ParsedSplitConfig, context: SplitRuleContext): SplitFinding[];
}
