import type { DatasetCard } from '../parse/datasetCard';
import type { TextPosition, TextRange } from '../parse/text';

const blank = (text: string): string => ' '.repeat(text.length);

/**
 * A card's prose as one string, with what is not a claim blanked: code, comments, front matter,
 * heading lines and link targets (a URL is not a claim). Every line and column is kept, so an
 * offset in it is a place in the card. Built once per card, since several rules read it.
 */
export interface Prose {
  text: string;
  lines: string[];
  positionAt(offset: number): TextPosition;
  rangeAt(start: number, end: number): TextRange;
  /** The sentence around `offset`: from the previous sentence end, blank line or list item. */
  sentenceAround(offset: number): { start: number; text: string };
}

const cache = new WeakMap<DatasetCard, Prose>();

/** The last index in sorted `values` whose value is ≤ `target` (−1 when none is). */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? Infinity) <= target) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

export function proseOf(card: DatasetCard): Prose {
  const cached = cache.get(card);
  if (cached) return cached;
  const headingLines = new Set(card.sections.map((section) => section.range.start.line));
  const lines = card.proseText
    .split('\n')
    .map((line, i) =>
      headingLines.has(i)
        ? ''
        : line
            .replace(
              /(\]\()([^)\s]*)(\))/g,
              (_m, open: string, target: string, close: string) => open + blank(target) + close,
            )
            .replace(/\bhttps?:\/\/\S+/g, blank),
    );
  const text = lines.join('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  // Sentence starts: after a full stop, a blank line, or at a list item.
  const sentenceStarts = [0];
  for (const match of text.matchAll(/[.!?](?=\s)|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/g)) {
    sentenceStarts.push(match.index + match[0].length);
  }
  const positionAt = (at: number): TextPosition => {
    const line = Math.max(0, lastAtOrBefore(lineStarts, at));
    return { line, character: at - (lineStarts[line] ?? 0) };
  };
  const prose: Prose = {
    text,
    lines,
    positionAt,
    rangeAt: (start, end) => ({ start: positionAt(start), end: positionAt(end) }),
    sentenceAround(at) {
      const index = lastAtOrBefore(sentenceStarts, at);
      const start = sentenceStarts[Math.max(0, index)] ?? 0;
      const end = sentenceStarts[index + 1] ?? text.length;
      return { start, text: text.slice(start, end) };
    },
  };
  cache.set(card, prose);
  return prose;
}
