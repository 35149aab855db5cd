/** What a single non-missing cell looks like. */
export type CellKind = 'bool' | 'int' | 'float' | 'date' | 'string';

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:inf|Inf|INF|infinity|Infinity)$/;
const BOOL = /^(?:true|false|True|False|TRUE|FALSE)$/;
// ISO 8601 dates and date-times (`2019-03-23`, `2019-03-23 20:21:09`, `2019-03-23T20:21:09.5Z`).
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether the `YYYY-MM-DD` at the start of `cell` is a real day (`2019-02-30` is not). */
function isCalendarDate(cell: string): boolean {
  const year = Number(cell.slice(0, 4));
  const month = Number(cell.slice(5, 7));
  const day = Number(cell.slice(8, 10));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Classifies one non-missing cell. */
export function cellKind(cell: string): CellKind {
  if (INT.test(cell)) return 'int';
  if (FLOAT.test(cell)) return 'float';
  if (BOOL.test(cell)) return 'bool';
  if (DATE.test(cell) && isCalendarDate(cell)) return 'date';
  return 'string';
}
