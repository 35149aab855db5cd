/** What a single non-missing cell looks like. */
export type CellKind = 'bool' | 'int' | 'float' | 'date' | 'string';

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:inf|Inf|INF|infinity|Infinity)$/;
const BOOL = /^(?:true|false|True|False|TRUE|FALSE)$/;
// ISO 8601 dates and date-times (`2019-03-23`, `2019-03-23 20:21:09`, `2019-03-23T20:21:09.5Z`).
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Classifies one non-missing cell. */
export function cellKind(cell: string): CellKind {
  if (INT.test(cell)) return 'int';
  if (FLOAT.test(cell)) return 'float';
  if (BOOL.test(cell)) return 'bool';
  if (DATE.test(cell) && !Number.isNaN(Date.parse(cell.replace(' ', 'T')))) return 'date';
  return 'string';
}
