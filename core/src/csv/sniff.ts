/** Delimiters {@link sniffDelimiter} chooses from, in order of preference on a tie. */
export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/** Records looked at when sniffing. */
const SNIFF_RECORDS = 200;

/**
 * Field counts of the records at the start of `sample` when split on `delimiter`, honouring
 * double quotes (a quoted field may hold delimiters, newlines and doubled quotes). Blank lines
 * are skipped; a final record cut off by the end of the sample is left out unless `complete`.
 */
function fieldCounts(sample: string, delimiter: string, complete: boolean): number[] {
  const d = delimiter.charCodeAt(0);
  const counts: number[] = [];
  const n = sample.length;
  let fields = 1;
  let empty = true;
  let i = 0;
  while (i < n && counts.length < SNIFF_RECORDS) {
    const c = sample.charCodeAt(i);
    if (c === 34 && empty) {
      // A quoted field: up to the quote that is not doubled.
      i++;
      for (;;) {
        const close = sample.indexOf('"', i);
        if (close === -1) return counts;
        if (sample.charCodeAt(close + 1) === 34) {
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      empty = false;
      continue;
    }
    if (c === d) {
      fields++;
      empty = true;
    } else if (c === 10 || c === 13) {
      if (!(fields === 1 && empty)) counts.push(fields);
      fields = 1;
      empty = true;
      if (c === 13 && sample.charCodeAt(i + 1) === 10) i++;
    } else if (c !== 32 || !empty) {
      // A space before a field's text leaves it "empty" so that ` "quoted"` is read as quoted.
      empty = false;
    }
    i++;
  }
  if (complete && !(fields === 1 && empty) && counts.length < SNIFF_RECORDS) counts.push(fields);
  return counts;
}

/**
 * Picks the delimiter of a CSV text from its first records (the caller passes the first ~64 KB,
 * `complete` when that is the whole file): the candidate that splits the most records into the
 * same number of fields, more than one. The header and every record must agree for a perfect
 * score; a candidate that gives one field everywhere never wins, so a one-column file reads as
 * comma-separated. Ties go to the earlier of {@link CANDIDATE_DELIMITERS}.
 */
export function sniffDelimiter(sample: string, complete: boolean): string {
  let best: string = CANDIDATE_DELIMITERS[0];
  let bestScore = 0;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const counts = fieldCounts(sample, delimiter, complete);
    if (counts.length === 0) continue;
    // How many records have the header's field count, the usual shape of a CSV file.
    const header = counts[0] as number;
    if (header < 2) continue;
    let agree = 0;
    for (const count of counts) if (count === header) agree++;
    // Consistency first; among equally consistent candidates, the one with more fields.
    const score = agree / counts.length + header * 1e-6;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The line ending of a CSV text, as papaparse guesses it but on a sample of our choosing: `\n`
 * unless `\r` comes first, then `\r\n` when most `\r` are followed by `\n`. Text inside double
 * quotes is ignored.
 */
export function sniffNewline(sample: string): '\n' | '\r\n' | '\r' {
  const outside = sample.replace(/"[^]*?"/g, '');
  const cr = outside.split('\r');
  const lf = outside.indexOf('\n');
  if (cr.length === 1 || (lf !== -1 && lf < (cr[0] as string).length)) return '\n';
  let followedByLf = 0;
  for (let i = 1; i < cr.length; i++) if ((cr[i] as string).startsWith('\n')) followedByLf++;
  return followedByLf >= (cr.length - 1) / 2 ? '\r\n' : '\r';
}
