import * as path from 'node:path';
import { parseDatasetCard } from './parse/datasetCard';
import type { TextRange } from './parse/text';
import { DataFactsCache } from './cardData/readData';
import type { InsertSectionFix } from './rules/types';

/** A text edit in LSP's shape. */
export interface TextEditLike {
  range: TextRange;
  newText: string;
}

/** A CSV file a card links to, with its counted rows. */
export interface CountedDataFile {
  /** The link as written in the card. */
  link: string;
  rows: number;
}

/** Facts read for the fix when the caller has no cache of its own (the language server shares its data pass's). */
const defaultCache = new DataFactsCache();

/** Data rows of a CSV file, read once while the file's size and modification time stay the same. */
async function countRows(file: string, cache: DataFactsCache, isCancelled?: () => boolean): Promise<number> {
  const facts = await cache.facts(file, isCancelled ? { isCancelled } : {});
  if (facts.error !== undefined) throw new Error(facts.error);
  return facts.rows;
}

/**
 * The local CSV/TSV files a Markdown card links to (relative links only), with their row counts.
 * `cache` holds facts already read (the language server passes its data pass's, so a file the
 * card's diagnostics read is not read again for the fix).
 */
export async function countLinkedData(
  cardPath: string,
  cardText: string,
  isCancelled?: () => boolean,
  cache: DataFactsCache = defaultCache,
): Promise<CountedDataFile[]> {
  const card = parseDatasetCard(cardText, 'markdown');
  const counted: CountedDataFile[] = [];
  const seen = new Set<string>();
  for (const { target } of card.links) {
    const link = target.replace(/[?#].*$/, '');
    if (!/\.(?:csv|tsv)$/i.test(link) || /^[a-z][a-z0-9+.-]*:/i.test(link) || seen.has(link)) continue;
    seen.add(link);
    const file = path.resolve(path.dirname(cardPath), decodeURIComponent(link));
    try {
      counted.push({ link, rows: await countRows(file, cache, isCancelled) });
    } catch {
      // A broken link is a problem for a link rule to report; the fix still inserts the section.
    }
  }
  return counted;
}

/**
 * The edit that applies an insert-section fix, filling in row counts where they are known.
 * `eol` is the document's line ending, so a CRLF card stays CRLF.
 */
export function insertSectionEdit(
  fix: InsertSectionFix,
  lines: readonly string[],
  data: readonly CountedDataFile[],
  today: string,
  eol = '\n',
): TextEditLike {
  const heading = `${'#'.repeat(fix.level)} ${fix.heading}`;
  const facts = data.map(
    (d) =>
      `- \`${d.link}\`: ${d.rows.toLocaleString('en-US')} examples (data rows, header excluded), counted on ${today}.`,
  );
  const section = [heading, '', `<!-- ${fix.prompt} -->`, ...facts, ''];
  if (fix.line < lines.length) {
    return {
      range: { start: { line: fix.line, character: 0 }, end: { line: fix.line, character: 0 } },
      newText: `${section.join(eol)}${eol}`,
    };
  }
  const last = lines.length - 1;
  const end = { line: last, character: (lines[last] ?? '').length };
  const separator = (lines[last] ?? '') === '' ? eol : eol + eol;
  return { range: { start: end, end }, newText: `${separator}${section.join(eol)}` };
}
