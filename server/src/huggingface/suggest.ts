/**
 * "Did you mean": the known values nearest to a value the Hub does not know. Case, spaces,
 * underscores and dots count as nothing ("Apache 2.0" → `apache-2.0`); then the edit distance
 * (with transpositions) decides, up to a third of the value's length.
 */

/** Lower case, with runs of spaces, underscores and dots read as one hyphen. */
export function normalizeValue(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * Up to `limit` known values close to `value`, nearest first: an exact match once normalised, then
 * known values the value starts ("cc0" → `cc0-1.0`) or that start it, then by edit distance.
 */
export function nearestValues(value: string, known: readonly string[], limit = 3): string[] {
  const wanted = normalizeValue(value);
  if (wanted === '') return [];
  const scored: { id: string; score: number }[] = [];
  for (const id of known) {
    const candidate = normalizeValue(id);
    let score: number;
    if (candidate === wanted) score = 0;
    // A known value that completes the one written ("cc0" → `cc0-1.0`) is likelier meant than one
    // the value extends ("cc0" → `cc`).
    else if (candidate.startsWith(wanted)) score = 1 + (candidate.length - wanted.length) / 100;
    else if (wanted.startsWith(candidate)) score = 2 + (wanted.length - candidate.length) / 100;
    else {
      // Hyphens and dots are often dropped or moved ("gpl3" for `gpl-3.0`): the closer reading wins.
      const bare = (text: string): string => text.replace(/[-.]/g, '');
      // The edit distance is at least the difference in length: past the allowance, skip the
      // quadratic computation (a 1 MB value against every known id took half a minute).
      const allowed = Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3));
      if (Math.abs(wanted.length - candidate.length) > allowed) continue;
      const distance = Math.min(editDistance(wanted, candidate), editDistance(bare(wanted), bare(candidate)));
      if (distance > Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3))) continue;
      score = 1 + distance;
    }
    // Too short to be meant: "a" starts "apache-2.0", but so does everything with an a.
    if (score > 0 && Math.min(wanted.length, candidate.length) < 2) continue;
    scored.push({ id, score });
  }
  scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  // Only the near-best: one typo away beats five, and naming both only muddies the advice.
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score <= best + 0.5)
    .slice(0, limit)
    .map((s) => s.id);
}

/** `did you mean "a" or "b"?`, or '' when nothing is near. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `"${s}"`);
  const last = quoted.pop() ?? '';
  return ` Did you mean ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}?`;
}

/** The first few values of a list, for a message: `a, b, c, … (12 in all)`. */
export function someValues(values: readonly string[], shown = 6): string {
  if (values.length <= shown) return values.join(', ');
  return `${values.slice(0, shown).join(', ')}, … (${values.length} in all)`;
}
