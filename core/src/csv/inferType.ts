import { KIND_BOOL, KIND_DATE, KIND_FLOAT, KIND_INT, scanCell } from './scanCell';

/** What a single non-missing cell looks like (see {@link scanCell} for the exact grammar). */
export type CellKind = 'bool' | 'int' | 'float' | 'date' | 'string';

/** Classifies one non-missing cell. */
export function cellKind(cell: string): CellKind {
  if (cell.length === 0) return 'string';
  switch (scanCell(cell)) {
    case KIND_INT:
      return 'int';
    case KIND_FLOAT:
      return 'float';
    case KIND_BOOL:
      return 'bool';
    case KIND_DATE:
      return 'date';
    default:
      return 'string';
  }
}
