// How cards write the numbers the doc-against-data rules compare with the data: example counts
// ("10,000", "10k", "1.2M", "about 10 000"), value ranges ("between 0 and 100", "0–1", "[0, 1]")
// and types ("integer", "float64", "categorical: a, b"). Pure: text in, values out.

/** How a count is qualified: exactly, roughly, or as a bound. */
export type CountQualifier = 'exact' | 'about' | 'at-least' | 'more-than' | 'at-most' | 'fewer-than';

/** A count as a card states it, with the interval of row counts that make it true. */
export interface StatedCount {
  /** The number written, as a number (`10k` → 10,000). */
  value: number;
  /** Smallest and largest row count the claim accepts. */
  low: number;
  high: number;
  qualifier: CountQualifier;
  /** True when the figure is abbreviated (`10k`, `1.2M`, `50 thousand`) and so rounded. */
  abbreviated: boolean;
  /** Text of the number itself (without the qualifier), as written. */
  text: string;
}

/** Share of the stated figure an approximate count ("about 10,000") may be off by. */
export const APPROXIMATE_TOLERANCE = 0.05;

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

/** Qualifiers before a number, most specific first, mapped to their meaning. */
const QUALIFIERS: readonly [RegExp, CountQualifier][] = [
  [/^(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|>=|≥)$/i, 'at-least'],
  [/^(?:more\s+than|over|above|upwards\s+of|in\s+excess\s+of|>)$/i, 'more-than'],
  [/^(?:at\s+most|up\s+to|no\s+more\s+than|<=|≤)$/i, 'at-most'],
  [/^(?:fewer\s+than|less\s+than|under|below|<)$/i, 'fewer-than'],
  [
    /^(?:about|approximately|approx\.?|around|roughly|circa|ca\.|c\.|~|≈|nearly|almost|some|an\s+estimated|estimated|close\s+to)$/i,
    'about',
  ],
];

/** The qualifier words a count may follow, as one regex alternative (for the claim finders). */
export const QUALIFIER_PATTERN = String.raw`(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|more\s+than|over|above|upwards\s+of|in\s+excess\s+of|at\s+most|up\s+to|no\s+more\s+than|fewer\s+than|less\s+than|under|below|about|approximately|approx\.?|around|roughly|circa|ca\.|nearly|almost|some|an\s+estimated|estimated|close\s+to|>=|<=|[~≈≥≤<>])`;

/**
 * A count as cards write it: digits with `,` or space (also the narrow no-break space) thousands
 * separators, `.` thousands groups ("10.000"), or a decimal with a k/M/B or thousand/million/billion
 * multiplier. Group separators must come every three digits, so "2019 2020" is not one number.
 */
export const COUNT_PATTERN = String.raw`(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d{1,3}(?:\.\d{3})+(?![\d.])|\d+(?:\.\d+)?)(?:\s?(?:k|K|M|B|bn|mn|thousand|million|billion)\b)?`;

const COUNT_EXACT = new RegExp(String.raw`^(${COUNT_PATTERN})$`);
const QUALIFIED_COUNT = new RegExp(String.raw`^\s*(?:(${QUALIFIER_PATTERN})\s*)?(${COUNT_PATTERN})\s*$`, 'i');

/** Parses a qualifier word ("about", "over", "~"); undefined when it is none. */
export function parseQualifier(text: string): CountQualifier | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return 'exact';
  return QUALIFIERS.find(([pattern]) => pattern.test(trimmed))?.[1];
}

/**
 * Parses a count: "10,000", "10 000", "10.000", "10k", "1.2M", "50 thousand", optionally after a
 * qualifier ("about 10,000", "~10k", "more than 1M"). Undefined when the text is not one.
 */
export function parseCount(text: string): StatedCount | undefined {
  const match = QUALIFIED_COUNT.exec(text);
  if (!match) return undefined;
  const qualifier = parseQualifier(match[1] ?? '');
  const numberText = match[2] ?? '';
  if (!qualifier || !COUNT_EXACT.test(numberText)) return undefined;
  const suffix = /\s?([A-Za-z]+)$/.exec(numberText);
  const multiplier = suffix ? (MULTIPLIERS[(suffix[1] ?? '').toLowerCase()] ?? 1) : 1;
  const digits = suffix ? numberText.slice(0, suffix.index) : numberText;
  let plain: string;
  if (/^\d{1,3}(?:\.\d{3})+$/.test(digits) && multiplier === 1) plain = digits.replace(/\./g, '');
  else plain = digits.replace(/[,\u00a0\u202f ]/g, '');
  const base = Number(plain);
  if (!Number.isFinite(base)) return undefined;
  const value = Math.round(base * multiplier);
  const abbreviated = multiplier !== 1;
  // An abbreviated figure is rounded to its last written digit: 1.2M is 1,150,000–1,249,999.
  const decimals = /\.(\d+)$/.exec(plain)?.[1]?.length ?? 0;
  const halfUnit = abbreviated ? multiplier / 10 ** decimals / 2 : 0;
  const tolerance = qualifier === 'about' ? Math.max(halfUnit, Math.round(value * APPROXIMATE_TOLERANCE)) : halfUnit;
  const interval = ((): [number, number] => {
    switch (qualifier) {
      case 'at-least':
        return [value - halfUnit, Infinity];
      case 'more-than':
        return [value + (abbreviated ? -halfUnit : 1), Infinity];
      case 'at-most':
        return [0, value + halfUnit];
      case 'fewer-than':
        return [0, value - (abbreviated ? -halfUnit : 1)];
      default:
        return [value - tolerance, value + tolerance];
    }
  })();
  return {
    value,
    low: Math.max(0, Math.ceil(interval[0])),
    high:
      interval[1] === Infinity
        ? Infinity
        : Math.floor(interval[1] - (halfUnit > 0 && qualifier !== 'about' ? 1e-9 : 0)),
    qualifier,
    abbreviated,
    text: numberText,
  };
}

/** Whether `rows` makes the stated count true. */
export function countHolds(stated: StatedCount, rows: number): boolean {
  return rows >= stated.low && rows <= stated.high;
}

/** "about 10,000 (±500 accepted)", "more than 1M", "10,000": the claim, as a message repeats it. */
export function describeCount(stated: StatedCount): string {
  const shown = stated.abbreviated ? stated.text : stated.value.toLocaleString('en-US');
  switch (stated.qualifier) {
    case 'about':
      return `about ${shown} (within ±${Math.round((stated.high - stated.low) / 2).toLocaleString('en-US')}, i.e. ${stated.low.toLocaleString('en-US')}–${stated.high.toLocaleString('en-US')}, accepted)`;
    case 'at-least':
      return `at least ${shown}`;
    case 'more-than':
      return `more than ${shown}`;
    case 'at-most':
      return `at most ${shown}`;
    case 'fewer-than':
      return `fewer than ${shown}`;
    default:
      return stated.abbreviated
        ? `${shown} (${stated.low.toLocaleString('en-US')}–${stated.high.toLocaleString('en-US')} once rounded)`
        : shown;
  }
}

/** A stated range of values: "between 0 and 100", "0–1", "[0, 1]", "from 1 to 5". */
export interface StatedRange {
  min: number;
  max: number;
  /** Offset of the range's text in the searched string, and its length. */
  start: number;
  length: number;
}

const NUM = String.raw`[-−]?\d+(?:\.\d+)?`;
const RANGE_FORMS: readonly RegExp[] = [
  new RegExp(String.raw`\bbetween\s+(${NUM})\s+and\s+(${NUM})`, 'gi'),
  new RegExp(String.raw`\bfrom\s+(${NUM})\s+to\s+(${NUM})`, 'gi'),
  new RegExp(String.raw`\branges?\s+(?:from\s+)?(${NUM})\s*(?:to|[-–—])\s*(${NUM})`, 'gi'),
  new RegExp(String.raw`[[(]\s*(${NUM})\s*[,;]\s*(${NUM})\s*[\])]`, 'g'),
  new RegExp(String.raw`(?<![\w.\-−/:])(${NUM})\s*(?:–|—|\.\.|-(?=\s*\d))\s*(${NUM})(?![\w./:-])`, 'g'),
  new RegExp(String.raw`(?<![\w.])(${NUM})\s*(?:≤|<=)\s*[A-Za-z_]\w*\s*(?:≤|<=)\s*(${NUM})`, 'g'),
];

const toNumber = (text: string): number => Number(text.replace('−', '-'));

/**
 * The value ranges stated in a piece of text. Ranges that look like dates or versions
 * ("2019-2024" inside "2019-2024-01", "1.2-3.4.5") are not taken; a range whose ends are in the
 * wrong order is not a range.
 */
export function parseRanges(text: string): StatedRange[] {
  const found: StatedRange[] = [];
  for (const form of RANGE_FORMS) {
    form.lastIndex = 0;
    for (const match of text.matchAll(form)) {
      const min = toNumber(match[1] ?? '');
      const max = toNumber(match[2] ?? '');
      if (!(min < max)) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((f) => start < f.start + f.length && end > f.start)) continue;
      // "3-5 %" is a range of shares; "10-20 years" is still a range: only dates are refused.
      if (/^\d{4}\s*-\s*\d{1,2}$/.test(match[0]) && /^-\d/.test(text.slice(end))) continue;
      found.push({ min, max, start, length: end - start });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The type families a card's stated type is compared in. */
export type StatedType = 'integer' | 'float' | 'number' | 'string' | 'categorical' | 'bool' | 'date' | 'id';

/** Words cards use for a column's type, by family. Matched as whole words, case-insensitively. */
const TYPE_WORDS: readonly [RegExp, StatedType][] = [
  [/^(?:id|identifier|key|primary key|uuid|guid)$/, 'id'],
  [/^(?:bool|boolean|binary|flag|logical|yes\/no|true\/false)$/, 'bool'],
  [/^(?:date|datetime|timestamp|time|date time|datetime64(?:\[\w+\])?|timestamp\[\w+\]|date32|date64)$/, 'date'],
  [
    /^(?:int|integer|int8|int16|int32|int64|uint8|uint16|uint32|uint64|long|short|whole number|count|ordinal)$/,
    'integer',
  ],
  [/^(?:float|float16|float32|float64|double|real|decimal|continuous|floating point|float number)$/, 'float'],
  [/^(?:number|numeric|numerical|quantitative)$/, 'number'],
  [
    /^(?:categorical|category|categories|class|class label|class_label|enum|factor|nominal|label encoded)$/,
    'categorical',
  ],
  [/^(?:string|str|text|large_string|utf8|free text|varchar|char|object)$/, 'string'],
];

/**
 * The type family a card states for a column, from a type cell or annotation ("integer",
 * "float, may be missing", "categorical: basic, standard", "a `string` feature", "int64").
 * The first type word wins; undefined when the text names no type ("label", "see below").
 */
export function parseStatedType(text: string): { type: StatedType; word: string } | undefined {
  const plain = text.replace(/`/g, '').toLowerCase().replace(/[*_]/g, ' ');
  // Two-word types first ("primary key", "class label", "free text"), then single words.
  const tokens = plain.split(/[^a-z0-9/[\]_-]+/).filter((t) => t !== '');
  for (let i = 0; i < tokens.length; i++) {
    const pair = `${tokens[i] ?? ''} ${tokens[i + 1] ?? ''}`;
    for (const candidate of [pair, tokens[i] ?? '']) {
      const hit = TYPE_WORDS.find(([pattern]) => pattern.test(candidate));
      if (hit) return { type: hit[1], word: candidate };
    }
  }
  return undefined;
}
