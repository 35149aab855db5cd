// One call for the CLI and the tests: the data a card points at, read (or taken from the cache).
// The language server uses the two steps underneath (inputs, then the pass) to keep keystrokes
// free of I/O.
import type { DatasetCard } from '../parse/datasetCard';
import { dataInputs, expandInputs, type DataAssignments } from './findData';
import { readCardData, type DataFactsCache, type DataPassOptions } from './readData';
import type { CardData } from './types';

/** The facts of every data file the card points at; undefined when it points at none. */
export async function cardDataFor(
  cardPath: string,
  card: DatasetCard,
  assignments: DataAssignments,
  cache: DataFactsCache,
  options: DataPassOptions = {},
): Promise<CardData | undefined> {
  const references = expandInputs(cardPath, dataInputs(cardPath, card, assignments));
  if (references.length === 0) return undefined;
  return readCardData(references, cache, options);
}
