/**
 * The split side of Hugging Face `configs[].data_files`, shared by the card rules MLG501–MLG503:
 * each path or glob with the split it feeds (the Hub's default split, `train`, when none is
 * named), and whether two globs can match one file.
 */
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import type { DataFilePattern } from '../huggingface/dataFiles';
import { isUrl } from '../huggingface/dataFiles';

/** A data_files pattern with its split and its path inside the repository (data_dir applied). */
export interface SplitPattern extends DataFilePattern {
  split: string;
  path: string;
}

/** The local patterns of a configuration, each with its split and normalised path. */
export function hfSplitPatterns(patterns: readonly DataFilePattern[]): SplitPattern[] {
  return patterns
    .filter((p) => p.pattern.trim() !== '' && !isUrl(p.pattern))
    .map((p) => {
      const joined = p.dataDir ? `${p.dataDir.replace(/\/+$/, '')}/${p.pattern}` : p.pattern;
      return {
        ...p,
        split: p.split ?? 'train',
        path: path.posix.normalize(joined.replace(/\\/g, '/')).replace(/^\.\//, ''),
      };
    });
}

/** A concrete path a glob matches: each wildcard replaced by the plainest text it accepts. */
function witness(glob: string): string {
  return glob
    .replace(/\{([^,}]*)[^}]*\}/g, '$1')
    .replace(/\[!?([^\]])[^\]]*\]/g, '$1')
    .replace(/\*\*\/?/g, '')
    .replace(/\*/g, 'x')
    .replace(/\?/g, 'x');
}

/**
 * A file both patterns match, when one can be found: the plainest file each glob matches, tried
 * against the other. It finds the common case (`data/*` against `data/test-*`); two globs that
 * overlap only in files neither plainest path shows are not reported.
 */
export function sharedFile(a: string, b: string): string | undefined {
  const options = { dot: true };
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const file = witness(from);
    if (minimatch(file, to, options) && minimatch(file, from, options)) return file;
  }
  return undefined;
}
