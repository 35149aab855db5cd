import type { DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';
import { proseOf, type Prose, type ProseParagraph } from './prose';
import { itemStatus } from './requiredSection';
import { splitDetailsItem } from './MLG004-split-details';
import type { CardRule, RuleFinding } from './types';

// The proportions of a split, stated in a card, must add up to the whole. Read from prose only
// (code blocks and comments are not claims), in four shapes:
//   "70/15/15", "0.7 / 0.15 / 0.15", "an 80-20 train/test split"      (a group of numbers)
//   "70 %, 15 %, 15 %"                                                (a run of percentages)
//   "train: 80%", "80 % for training, 10 % validation and 10 % test"  (split names with shares)
//   a Markdown table with a row per split and a share, or counts and a "Total" row.
// Nothing is reported unless the card states at least two shares of one split.
//
// The card is re-linted on every keystroke, and a keystroke changes one paragraph. So what a
// paragraph holds is read once for as long as it is unchanged (ProseParagraph.memo), with offsets
// in the paragraph, and a keystroke only combines the paragraphs' results with what depends on the
// card around them: which lines are in a split section, which paragraphs make one loose list.

const SPLIT_NAME = String.raw`(?:train(?:ing)?|valid(?:ation)?|val|dev(?:elopment)?|test(?:ing)?|hold-?out|held-?out)`;
const SPLIT_WORD = new RegExp(String.raw`\b(?:${SPLIT_NAME}|splits?|splitting|partitions?|folds?)\b`, 'i');
/** Shares of something other than the split: a metric, a class balance, missing values. */
const OTHER_SHARE =
  /\b(?:accuracy|precision|recall|f1|f-?score|auc|error|loss|score|agreement|kappa|rate|missing|null|positives?|negatives?|majority|minority|percentile|confidence|coverage|improvement|increase|decrease|duplicates?|class (?:balance|distribution|ratio)|balanced classes)\b/i;
const REMAINDER = /\b(?:the\s+)?(?:rest|remainder|remaining|others?)\b(?!\s*(?:\(\s*)?\d)/i;
/** What a block stating named shares must hold: a percent sign, or a fraction after ":" or "=". */
const SHARE_SIGN = /%|[:=]\s*0?\.\d/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
const NUMBER = String.raw`\d+(?:\.\d+)?`;

/** "70/15/15", "70 % / 30 %", "0.8/0.1/0.1". */
const SLASH_GROUP = new RegExp(String.raw`(?<![\d.,/])${NUMBER}\s*%?(?:\s*/\s*${NUMBER}\s*%?){1,4}(?![\d/]|\.\d)`, 'g');
/** "an 80-20 split", "a 70–15–15 train/validation/test split". */
const DASH_GROUP = new RegExp(
  String.raw`(?<![\d.,\-–])${NUMBER}\s*%?(?:\s*[-–]\s*${NUMBER}\s*%?){1,3}(?=\s+(?:[a-z]+(?:[-/][a-z]+)*\s+)?split)`,
  'gi',
);
/** "70 %, 15 % and 15 %". */
const PERCENT_RUN = new RegExp(
  String.raw`(?<![\d.])${NUMBER}\s*%(?:\s*(?:,\s*and|,|;|\+|and)\s*${NUMBER}\s*%){1,4}`,
  'gi',
);

type Scale = 'percent' | 'fraction';

interface Share {
  value: number;
  /** Digits after the decimal point, for the rounding tolerance. */
  decimals: number;
  name?: string;
}

interface Claim {
  shares: Share[];
  scale: Scale;
  /** As the card wrote it, for the message. */
  written: string;
  /** Offsets in the prose (in a paragraph or block, in what is remembered of it). */
  start: number;
  end: number;
}

function share(text: string, name?: string): Share {
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return { value: Number(text), decimals, ...(name ? { name } : {}) };
}

/** Which scale a group of bare numbers is on, if any: "0.7/0.3" fractions, "70/30" percentages. */
function groupScale(shares: readonly Share[], hasPercent: boolean): Scale | undefined {
  if (hasPercent) return shares.every((s) => s.value <= 100) ? 'percent' : undefined;
  if (shares.every((s) => s.value <= 1) && shares.some((s) => s.decimals > 0)) return 'fraction';
  const sum = shares.reduce((total, s) => total + s.value, 0);
  // "8/1/1" is a ratio and "1/3" a fraction of the data, not percentages.
  if (shares.every((s) => s.value >= 1 && s.value <= 100) && sum >= 50 && sum <= 150) return 'percent';
  return undefined;
}

/** A digit before a slash, percent sign or dash: what a line with a group of numbers holds. */
const GROUP_HINT = /\d\s*[/%\-–]/;

/** A group of numbers on a line of a paragraph (offsets in the paragraph). */
interface GroupCandidate extends Claim {
  /** Its line in the paragraph (0: the first). */
  line: number;
  /**
   * No split word is near it, so it is a claim only on a line of a split section: that depends on
   * the card around the paragraph, and is decided when the paragraphs are combined.
   */
  needsSplitSection: boolean;
}

/** The groups of numbers in a paragraph that state split shares, or do in a split section. */
function paragraphGroups(text: string): GroupCandidate[] {
  const candidates: GroupCandidate[] = [];
  // What a line needs, tested on the whole paragraph first: most paragraphs have it on no line.
  if (!GROUP_HINT.test(text)) return candidates;
  let offset = 0;
  for (const [lineIndex, line] of text.split('\n').entries()) {
    // A line about metrics or classes ("73%/27% accuracy/error") states no split shares.
    if (GROUP_HINT.test(line) && !OTHER_SHARE.test(line)) {
      for (const pattern of [SLASH_GROUP, DASH_GROUP, PERCENT_RUN]) {
        for (const match of line.matchAll(pattern)) {
          const written = match[0].trim();
          const numbers = written.match(/\d+(?:\.\d+)?/g) ?? [];
          const shares = numbers.map((n) => share(n));
          const scale = groupScale(shares, written.includes('%'));
          if (!scale) continue;
          const start = offset + match.index;
          // The context a bare group needs: a split word near it, or a split section around it.
          const near = line.slice(Math.max(0, match.index - 60), match.index + 80);
          candidates.push({
            shares,
            scale,
            written,
            start,
            end: start + written.length,
            line: lineIndex,
            needsSplitSection: !SPLIT_WORD.test(near),
          });
        }
      }
    }
    offset += line.length + 1;
  }
  return candidates;
}

/** Clauses of a block: split at commas (not in "8,000"), semicolons, line ends, sentence ends and "and". */
function clauses(text: string): { text: string; start: number }[] {
  const found: { text: string; start: number }[] = [];
  const separator = /,(?!\d{3}\b)|;|\n|\.(?=\s|$)|\band\b/gi;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    found.push({ text: text.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  found.push({ text: text.slice(start), start });
  return found.filter((clause) => clause.text.trim() !== '');
}

const NAME_PATTERN = new RegExp(String.raw`\b${SPLIT_NAME}\b`, 'gi');
const PERCENT_PATTERN = new RegExp(String.raw`(?<![\d.])(${NUMBER})\s*%`, 'g');
/** "train: 0.8", "test = 0.2": a fraction right after a split name. */
const NAMED_FRACTION = new RegExp(
  String.raw`\b(${SPLIT_NAME})\b\s*(?:set|split)?\s*[:=]\s*(0?\.\d+|1(?:\.0+)?)(?![\d.%])`,
  'gi',
);

function canonicalName(name: string): string {
  const lower = name.toLowerCase().replace('-', '');
  if (lower.startsWith('train')) return 'train';
  if (lower.startsWith('val') || lower.startsWith('dev')) return 'validation';
  if (lower.startsWith('test')) return 'test';
  return 'holdout';
}

/**
 * Split names paired with their shares in a block of prose, clause by clause ("train 80 %, test
 * 20 %"), as one claim with offsets in the block. A block is a paragraph, or the paragraphs of a
 * loose list with the blank lines between them.
 */
function blockClaim(text: string): Claim | undefined {
  if (!SHARE_SIGN.test(text) || REMAINDER.test(text)) return undefined;
  const found: { share: Share; scale: Scale; start: number; end: number }[] = [];
  for (const { text: piece, start: pieceStart } of clauses(text)) {
    const names = [...piece.matchAll(NAME_PATTERN)];
    const percents = [...piece.matchAll(PERCENT_PATTERN)];
    const fractions = [...piece.matchAll(NAMED_FRACTION)];
    const name = names[0]?.[0];
    if (names.length !== 1 || name === undefined || OTHER_SHARE.test(piece)) continue;
    const percent = percents[0];
    const fraction = fractions[0];
    if (percents.length === 1 && percent && fractions.length === 0) {
      const first = Math.min(names[0]?.index ?? 0, percent.index);
      const last = Math.max((names[0]?.index ?? 0) + name.length, percent.index + percent[0].length);
      const value = share(percent[1] ?? '', canonicalName(name));
      found.push({ share: value, scale: 'percent', start: pieceStart + first, end: pieceStart + last });
    } else if (fractions.length === 1 && fraction && percents.length === 0) {
      const value = share(fraction[2] ?? '', canonicalName(name));
      found.push({
        share: value,
        scale: 'fraction',
        start: pieceStart + fraction.index,
        end: pieceStart + fraction.index + fraction[0].length,
      });
    }
  }
  const names = new Set(found.map((f) => f.share.name));
  const scales = new Set(found.map((f) => f.scale));
  // Two shares of one split ("train 80 %… train 70 %") or mixed scales: not one claim.
  if (found.length < 2 || names.size !== found.length || scales.size !== 1) return undefined;
  const first = found[0];
  const last = found[found.length - 1];
  if (!first || !last) return undefined;
  return {
    shares: found.map((f) => f.share),
    scale: first.scale,
    written: text.slice(first.start, last.end),
    start: first.start,
    end: last.end,
  };
}

function format(value: number, scale: Scale): string {
  const rounded = Math.round(value * 10000) / 10000;
  return scale === 'percent' ? `${rounded} %` : String(rounded);
}

/** A finding in a table: its rows of splits, as lines of its paragraph (0: the first). */
interface TableClaim {
  message: string;
  startLine: number;
  endLine: number;
  /** The length of the last split row, where the range ends. */
  endCharacter: number;
}

function allDefined<T>(values: (T | undefined)[]): values is T[] {
  return values.every((value) => value !== undefined);
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** `cells(line)[0]`, without splitting the rest of the row. */
function firstCell(line: string): string {
  const trimmed = line.trim();
  const body = trimmed.startsWith('|') ? trimmed.slice(1) : trimmed;
  const bar = body.indexOf('|');
  return (bar < 0 ? body : body.slice(0, bar)).trim();
}

const SPLIT_CELL = new RegExp(String.raw`^[*_\x60]*${SPLIT_NAME}(?:\s+(?:set|split|data))?[*_\x60]*$`, 'i');
const TOTAL_CELL = /^[*_`]*(?:total|all|overall|sum)[*_`]*$/i;

/**
 * Markdown tables with a row per split, in one paragraph (a table's lines are never blank):
 * shares that must make the whole, or counts and a total.
 */
function tableClaims(text: string): TableClaim[] {
  const claims: TableClaim[] = [];
  // A table has a row with a bar and a separator of dashes: most paragraphs have neither.
  if (!text.includes('|') || !text.includes('---')) return claims;
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^\s*\|.*\|\s*$/.test(lines[i] ?? '') || !/^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) continue;
    const header = cells(lines[i] ?? '');
    // Rows are told by their first cell: only the rows of splits and the total are read whole.
    const splitRows: { cells: string[]; line: number }[] = [];
    let totalRow: { cells: string[]; line: number } | undefined;
    let j = i + 2;
    for (; j < lines.length && /^\s*\|/.test(lines[j] ?? ''); j++) {
      const first = firstCell(lines[j] ?? '');
      if (SPLIT_CELL.test(first)) splitRows.push({ cells: cells(lines[j] ?? ''), line: j });
      if (!totalRow && TOTAL_CELL.test(first)) totalRow = { cells: cells(lines[j] ?? ''), line: j };
    }
    if (splitRows.length < 2) continue;
    const firstRow = splitRows[0];
    const lastRow = splitRows[splitRows.length - 1];
    if (!firstRow || !lastRow) continue;
    const totalLabel = (totalRow?.cells[0] ?? 'Total').replace(/[*_`]/g, '');
    const at = { startLine: firstRow.line, endLine: lastRow.line, endCharacter: (lines[lastRow.line] ?? '').length };
    for (let column = 1; column < header.length; column++) {
      const values = splitRows.map((row) => (row.cells[column] ?? '').replace(/[*_`]/g, ''));
      const names = splitRows.map((row) => canonicalName((row.cells[0] ?? '').replace(/[*_`]/g, '')));
      const headerSaysShare = /%|percent|share|proportion|fraction|ratio/i.test(header[column] ?? '');
      const percents = values.map((v) => /^(\d+(?:\.\d+)?)\s*%$/.exec(v)?.[1]);
      const plain = values.map((v) => /^(\d+(?:\.\d+)?)$/.exec(v)?.[1]);
      const shareValues = allDefined(percents) ? percents : headerSaysShare && allDefined(plain) ? plain : undefined;
      if (shareValues) {
        const shares = shareValues.map((v, k) => share(v, names[k]));
        const scale = groupScale(shares, shareValues === percents);
        const problem = scale ? sumProblem(shares, scale) : undefined;
        if (scale && problem) claims.push({ message: shareMessage(problem, shares, scale, 'in the table'), ...at });
        continue;
      }
      const counts = values.map((v) =>
        /^\d{1,3}(?:[,\u202f ]\d{3})+$|^\d+$/.test(v) ? Number(v.replace(/\D/g, '')) : undefined,
      );
      const total = Number((totalRow?.cells[column] ?? '').replace(/[*_`,\u202f ]/g, ''));
      if (!totalRow || !allDefined(counts) || !Number.isInteger(total) || total <= 0) continue;
      const sum = counts.reduce((acc, c) => acc + c, 0);
      if (sum === total) continue;
      const parts = counts.map((c) => c.toLocaleString('en-US')).join(' + ');
      claims.push({
        message: `The split sizes in the table add up to ${sum.toLocaleString('en-US')} (${parts}), not the ${total.toLocaleString('en-US')} of its "${totalLabel}" row. Correct the sizes or the total, so readers know how much data each split holds.`,
        ...at,
      });
    }
    i = j;
  }
  return claims;
}

/**
 * The sum, when it misses the whole by more than rounding explains: one percentage point
 * ("33/33/33", "0.33/0.33/0.33" pass; "70/20/15", "0.7/0.2/0.2" do not).
 */
function sumProblem(shares: readonly Share[], scale: Scale): { sum: number; whole: number } | undefined {
  const whole = scale === 'percent' ? 100 : 1;
  const sum = shares.reduce((total, s) => total + s.value, 0);
  return Math.abs(sum - whole) <= whole / 100 + 1e-9 ? undefined : { sum, whole };
}

function shareMessage(
  problem: { sum: number; whole: number },
  shares: readonly Share[],
  scale: Scale,
  written?: string,
): string {
  const parts = shares.map((s) => `${s.name ? `${s.name} ` : ''}${format(s.value, scale)}`).join(' + ');
  const claim =
    written === undefined ? `The split proportions ${parts}` : `The split proportions ${written} (${parts})`;
  return `${claim} add up to ${format(problem.sum, scale)}, not ${format(problem.whole, scale)}. Correct them, so readers know how much data each split holds and can reproduce the split.`;
}

/** What the rule reads in one paragraph, from its text alone (lines and offsets in the paragraph). */
interface ParagraphShares {
  groups: GroupCandidate[];
  tables: TableClaim[];
  /** Its first and last lines are list items: a blank line between two such joins a loose list. */
  firstIsItem: boolean;
  lastIsItem: boolean;
  /** It may state named shares (a percent sign, or a fraction after ":" or "="). */
  shareSign: boolean;
}

const NOTHING: ParagraphShares = { groups: [], tables: [], firstIsItem: false, lastIsItem: false, shareSign: false };

function paragraphShares(text: string): ParagraphShares {
  const firstEnd = text.indexOf('\n');
  const firstIsItem = LIST_ITEM.test(firstEnd < 0 ? text : text.slice(0, firstEnd));
  const lastIsItem = firstEnd < 0 ? firstIsItem : LIST_ITEM.test(text.slice(text.lastIndexOf('\n') + 1));
  const shareSign = SHARE_SIGN.test(text);
  // Without a digit a paragraph holds no group or table; when it is no list item and has no share
  // sign either, it adds nothing to a block. Most paragraphs are such, and share one result.
  if (!/\d/.test(text) && !firstIsItem && !lastIsItem && !shareSign) return NOTHING;
  return { groups: paragraphGroups(text), tables: tableClaims(text), firstIsItem, lastIsItem, shareSign };
}

/** Memo keys: what a paragraph holds, and its named claim when it is a block by itself. */
const SHARES = {};
const PARAGRAPH_CLAIM = {};

/** The named claim of a block of paragraphs `first..last` (a loose list when more than one). */
function namedClaim(prose: Prose, first: ProseParagraph, last: ProseParagraph): Claim | undefined {
  const claim =
    first === last
      ? first.memo(PARAGRAPH_CLAIM, blockClaim)
      : // The block as the prose has it, the blank lines between its paragraphs kept (rare).
        blockClaim(prose.lines.slice(first.line, last.line + last.lineCount).join('\n'));
  return claim && { ...claim, start: first.offset + claim.start, end: first.offset + claim.end };
}

function overlaps(a: TextRange, b: TextRange): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }): boolean =>
    p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

export const splitProportions: CardRule = {
  id: 'MLG011',
  alias: 'split-proportions',
  description: 'The split proportions a dataset card states add up to 100 %',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'book', 'splits'],
  profiles: ['book'],
  check(card: DatasetCard): RuleFinding[] {
    if (card.kind !== 'markdown') return [];
    const prose = proseOf(card);
    // The split sections are looked up only for a group with no split word near it.
    let splitSections: { start: number; end: number }[] | undefined;
    const inSplitSection = (line: number): boolean => {
      splitSections ??= itemStatus(card, splitDetailsItem).hits.flatMap((hit) =>
        hit.section ? [{ start: hit.section.bodyStartLine, end: hit.section.bodyEndLine }] : [],
      );
      return splitSections.some((section) => line >= section.start && line < section.end);
    };
    // One pass over the paragraphs, each read from its memo: tables, groups, and blocks (a
    // paragraph, or a loose list's paragraphs) for the named claims.
    const tables: RuleFinding[] = [];
    const groups: Claim[] = [];
    const named: Claim[] = [];
    let blockFirst: ProseParagraph | undefined;
    let blockLast: ProseParagraph | undefined;
    let blockShareSign = false;
    let previous: ParagraphShares | undefined;
    for (const paragraph of prose.paragraphs) {
      const found = paragraph.memo(SHARES, paragraphShares);
      // A blank line inside a loose list (a list item on both sides) does not end the block.
      if (!(previous?.lastIsItem === true && found.firstIsItem)) {
        if (blockShareSign && blockFirst && blockLast) {
          const claim = namedClaim(prose, blockFirst, blockLast);
          if (claim) named.push(claim);
        }
        blockFirst = paragraph;
        blockShareSign = false;
      }
      blockLast = paragraph;
      blockShareSign ||= found.shareSign;
      previous = found;
      if (found === NOTHING) continue;
      for (const table of found.tables) {
        tables.push({
          message: table.message,
          range: {
            start: { line: paragraph.line + table.startLine, character: 0 },
            end: { line: paragraph.line + table.endLine, character: table.endCharacter },
          },
        });
      }
      for (const group of found.groups) {
        if (group.needsSplitSection && !inSplitSection(paragraph.line + group.line)) continue;
        const { shares, scale, written, start, end } = group;
        groups.push({ shares, scale, written, start: paragraph.offset + start, end: paragraph.offset + end });
      }
    }
    if (blockShareSign && blockFirst && blockLast) {
      const claim = namedClaim(prose, blockFirst, blockLast);
      if (claim) named.push(claim);
    }
    const findings: RuleFinding[] = [];
    const add = (finding: RuleFinding): void => {
      if (!findings.some((f) => overlaps(f.range, finding.range))) findings.push(finding);
    };
    for (const table of tables) add(table);
    // Sorted stably: at one place, a group of numbers comes before a named claim, as it always has.
    const claims = [...groups, ...named].sort((a, b) => a.start - b.start);
    for (const claim of claims) {
      const problem = sumProblem(claim.shares, claim.scale);
      const written = claim.shares.some((s) => s.name) ? undefined : `"${claim.written}"`;
      if (problem) {
        add({
          range: prose.rangeAt(claim.start, claim.end),
          message: shareMessage(problem, claim.shares, claim.scale, written),
        });
      }
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line);
  },
};
