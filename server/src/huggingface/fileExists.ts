/**
 * `RuleContext.fileExists` for a saved card: whether a path relative to the card's folder exists,
 * and for a glob (`data/train-*.csv`, `data/**`) whether it matches at least one file, as the
 * Hub's loader would (`*` stays within a folder, hidden files are skipped). Folder listings are
 * cached by the folder's modification time, so linting on every keystroke lists nothing again
 * until a file is added or removed.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { isGlob } from './dataFiles';

/** Folders at most this many entries deep are searched for a glob's matches. */
const MAX_ENTRIES = 50_000;

const listings = new Map<string, { mtimeMs: number; entries: Dirent[] }>();

function list(dir: string): Dirent[] {
  try {
    const { mtimeMs } = statSync(dir);
    const cached = listings.get(dir);
    if (cached && cached.mtimeMs === mtimeMs) return cached.entries;
    const entries = readdirSync(dir, { withFileTypes: true });
    if (listings.size > 1_000) listings.clear();
    listings.set(dir, { mtimeMs, entries });
    return entries;
  } catch {
    return [];
  }
}

/** True when some file under `root` matches `pattern` (POSIX, relative to `root`). */
function globMatches(root: string, pattern: string): boolean {
  // Start at the folder the pattern names before its first glob character.
  const segments = pattern.split('/');
  const firstGlob = segments.findIndex((segment) => isGlob(segment));
  const base = segments.slice(0, Math.max(0, firstGlob)).join('/');
  const deep = segments.slice(firstGlob).some((segment) => segment.includes('**'));
  const maxDepth = deep ? Infinity : segments.length - firstGlob;
  let seen = 0;
  const walk = (relative: string, depth: number): boolean => {
    for (const entry of list(path.join(root, relative))) {
      if (++seen > MAX_ENTRIES) return false;
      if (entry.name.startsWith('.') || entry.name.startsWith('__')) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (depth < maxDepth && walk(child, depth + 1)) return true;
      } else if (minimatch(child, pattern)) return true;
    }
    return false;
  };
  return walk(base, 1);
}

/** The `fileExists` of a card in `cardDir`: plain paths are looked up, globs are matched. */
export function cardFileExists(cardDir: string): (relativePath: string) => boolean {
  return (relativePath) => {
    const posix = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
    if (!isGlob(posix)) {
      try {
        statSync(path.resolve(cardDir, posix));
        return true;
      } catch {
        return false;
      }
    }
    return globMatches(cardDir, path.posix.normalize(posix));
  };
}
