/**
 * A hand-written scanner that classifies one non-missing cell and parses its value in the same
 * pass. It replaces a cascade of regular expressions on the profiler's hot path (every cell of
 * a file goes through it) and accepts exactly the texts those expressions accepted:
 *
 * - int: `[+-]?\d+`
 * - float: `[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`, or `[+-]?` then `inf`, `Inf`, `INF`,
 *   `infinity` or `Infinity` (pandas reads those as infinities)
 * - bool: `true`, `True`, `TRUE`, `false`, `False`, `FALSE` (pandas' default true/false values)
 * - date: ISO 8601 `YYYY-MM-DD`, optionally followed by `[T ]hh:mm`, `:ss`, `.fraction` and `Z`
 *   or an offset `±hh:mm` / `±hhmm`, on a real calendar day (`2019-02-30` is not one)
 * - string: anything else. Surrounding spaces make a string (`" 1"`), as before.
 */

/** {@link scanCell}: an integer. */
export const KIND_INT = 0;
/** {@link scanCell}: a decimal, exponent or infinity. */
export const KIND_FLOAT = 1;
/** {@link scanCell}: true or false. */
export const KIND_BOOL = 2;
/** {@link scanCell}: an ISO 8601 date or date-time. */
export const KIND_DATE = 3;
/** {@link scanCell}: anything else. */
export const KIND_STRING = 4;

/**
 * What {@link scanCell} found besides the kind, valid until the next call. One shared object
 * rather than a fresh one per cell: the scanner runs for every cell of a file.
 */
export const scanned = {
  /** The number, for ints and floats; 1 or 0 for `true` / `false`. */
  value: 0,
  /** For ints: more than 15 significant digits, so `value` may not be the exact integer. */
  wide: false,
  /** For dates: milliseconds since 1970-01-01T00:00Z (a date without offset is taken as UTC). */
  instant: 0,
};

/** Exact powers of ten: a double holds 10^k exactly up to k = 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

const D0 = 48;
const D9 = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;

function isDigit(c: number): boolean {
  return c >= D0 && c <= D9;
}

/**
 * Classifies `cell` (non-empty, not a missing-value token) and returns one of the `KIND_*`
 * codes; the value and details are left in {@link scanned}.
 */
export function scanCell(cell: string): number {
  const n = cell.length;
  let i = 0;
  let c = cell.charCodeAt(0);
  let signed = false;
  let negative = false;
  if (c === MINUS || c === PLUS) {
    if (n === 1) return KIND_STRING;
    signed = true;
    negative = c === MINUS;
    c = cell.charCodeAt(1);
    i = 1;
  }
  if (isDigit(c) || c === DOT) return scanNumber(cell, n, i, signed, negative);
  if (c === 105 || c === 73) return scanInfinity(cell, i, negative);
  if (!signed && (n === 4 || n === 5)) return scanBool(cell);
  return KIND_STRING;
}

/** Digits, optional fraction and exponent, from `start` (just past any sign). */
function scanNumber(cell: string, n: number, start: number, signed: boolean, negative: boolean): number {
  let i = start;
  let c = 0;
  // Significand digits as an integer while it stays exact (at most 15 significant digits).
  let mantissa = 0;
  let significant = 0;
  let intDigits = 0;
  while (i < n && isDigit((c = cell.charCodeAt(i)))) {
    if (significant > 0 || c !== D0) {
      significant++;
      if (significant <= 15) mantissa = mantissa * 10 + (c - D0);
    }
    intDigits++;
    i++;
  }
  if (i === n) {
    // An integer.
    scanned.wide = significant > 15;
    scanned.value = significant <= 15 ? (negative ? -mantissa : mantissa) : Number(cell);
    return KIND_INT;
  }
  if (c === MINUS && intDigits === 4 && !signed) return scanDate(cell, n);
  let fracDigits = 0;
  let fracSignificant = 0;
  if (c === DOT) {
    i++;
    while (i < n && isDigit((c = cell.charCodeAt(i)))) {
      if (significant > 0 || c !== D0) {
        significant++;
        if (significant <= 15) {
          mantissa = mantissa * 10 + (c - D0);
          fracSignificant = fracDigits + 1;
        }
      }
      fracDigits++;
      i++;
    }
    if (intDigits === 0 && fracDigits === 0) return KIND_STRING;
  } else if (intDigits === 0) {
    return KIND_STRING;
  }
  let exponent = 0;
  if (i < n) {
    c = cell.charCodeAt(i);
    if (c !== 101 && c !== 69) return KIND_STRING;
    i++;
    let expNegative = false;
    c = cell.charCodeAt(i);
    if (c === MINUS || c === PLUS) {
      expNegative = c === MINUS;
      i++;
    }
    const expStart = i;
    while (i < n && isDigit((c = cell.charCodeAt(i)))) {
      if (exponent < 100000) exponent = exponent * 10 + (c - D0);
      i++;
    }
    if (i === expStart || i !== n) return KIND_STRING;
    if (expNegative) exponent = -exponent;
  }
  // With at most 15 significant digits, `mantissa` holds them all and its last digit sits
  // `fracSignificant` places after the point.
  const scale = exponent - fracSignificant;
  let value: number;
  if (significant <= 15 && scale >= -22 && scale <= 22) {
    // Clinger's fast path: an exact integer times or divided by an exact power of ten is one
    // correctly rounded operation, the same double Number() gives.
    value = scale < 0 ? mantissa / (POW10[-scale] as number) : mantissa * (POW10[scale] as number);
    if (negative) value = -value;
  } else {
    value = Number(cell);
  }
  scanned.value = value;
  scanned.wide = false;
  return KIND_FLOAT;
}

const INFINITY_SPELLINGS = new Set(['inf', 'Inf', 'INF', 'infinity', 'Infinity']);

function scanInfinity(cell: string, start: number, negative: boolean): number {
  if (!INFINITY_SPELLINGS.has(start === 0 ? cell : cell.slice(start))) return KIND_STRING;
  scanned.value = negative ? -Infinity : Infinity;
  scanned.wide = false;
  return KIND_FLOAT;
}

function scanBool(cell: string): number {
  switch (cell) {
    case 'true':
    case 'True':
    case 'TRUE':
      scanned.value = 1;
      return KIND_BOOL;
    case 'false':
    case 'False':
    case 'FALSE':
      scanned.value = 0;
      return KIND_BOOL;
    default:
      return KIND_STRING;
  }
}

/** Two digits at `i`, or -1. */
function twoDigits(cell: string, i: number): number {
  const a = cell.charCodeAt(i) - D0;
  const b = cell.charCodeAt(i + 1) - D0;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-` has been seen; the rest of an ISO 8601 date or date-time. */
function scanDate(cell: string, n: number): number {
  if (n !== 10 && n < 16) return KIND_STRING;
  const year =
    (cell.charCodeAt(0) - D0) * 1000 +
    (cell.charCodeAt(1) - D0) * 100 +
    (cell.charCodeAt(2) - D0) * 10 +
    (cell.charCodeAt(3) - D0);
  const month = twoDigits(cell, 5);
  if (month < 1 || month > 12 || cell.charCodeAt(7) !== MINUS) return KIND_STRING;
  const day = twoDigits(cell, 8);
  if (day < 1 || day > daysInMonth(year, month)) return KIND_STRING;
  let ms = 0;
  if (n > 10) {
    const sep = cell.charCodeAt(10);
    if (sep !== 84 && sep !== 32) return KIND_STRING;
    const hours = twoDigits(cell, 11);
    const minutes = twoDigits(cell, 14);
    if (hours < 0 || cell.charCodeAt(13) !== 58 || minutes < 0) return KIND_STRING;
    ms = (hours * 60 + minutes) * 60000;
    let i = 16;
    if (i < n && cell.charCodeAt(i) === 58) {
      const seconds = n >= i + 3 ? twoDigits(cell, i + 1) : -1;
      if (seconds < 0) return KIND_STRING;
      ms += seconds * 1000;
      i += 3;
      if (i < n && cell.charCodeAt(i) === DOT) {
        i++;
        const fracStart = i;
        let fraction = 0;
        let scale = 1;
        while (i < n && isDigit(cell.charCodeAt(i))) {
          if (scale < 1e9) {
            fraction = fraction * 10 + (cell.charCodeAt(i) - D0);
            scale *= 10;
          }
          i++;
        }
        if (i === fracStart) return KIND_STRING;
        ms += (fraction / scale) * 1000;
      }
    }
    if (i < n) {
      const zone = cell.charCodeAt(i);
      if (zone === 90) {
        i++;
      } else if (zone === PLUS || zone === MINUS) {
        const offsetHours = n >= i + 3 ? twoDigits(cell, i + 1) : -1;
        if (offsetHours < 0) return KIND_STRING;
        i += 3;
        if (cell.charCodeAt(i) === 58) i++;
        const offsetMinutes = n >= i + 2 ? twoDigits(cell, i) : -1;
        if (offsetMinutes < 0) return KIND_STRING;
        i += 2;
        const offset = (offsetHours * 60 + offsetMinutes) * 60000;
        ms -= zone === PLUS ? offset : -offset;
      } else {
        return KIND_STRING;
      }
    }
    if (i !== n) return KIND_STRING;
  }
  scanned.instant = daysFromCivil(year, month, day) * 86400000 + ms;
  return KIND_DATE;
}
