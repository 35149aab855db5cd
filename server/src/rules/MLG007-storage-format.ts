import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { DatasetCard } from '../parse/datasetCard';
import { bookItemRule, metadataAt, type BookItemSpec } from './requiredSection';

const DATA_FILE =
  /\.(?:csv|tsv|txt|json|jsonl|ndjson|parquet|arrow|feather|avro|orc|xlsx?|h5|hdf5|npz?|pkl|tfrecords?|zip|tar|gz|bz2|xz|zst)$/i;

function paths(node: Node | null | undefined): string[] {
  if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : [];
  if (isSeq(node)) return node.items.flatMap((item) => paths(item as Node));
  if (isMap(node)) {
    return node.items.flatMap((pair) =>
      isScalar(pair.key) && pair.key.value === 'path' ? paths(pair.value as Node) : [],
    );
  }
  return [];
}

/** Hugging Face `configs[].data_files` whose paths show the file type (`data/train-*.parquet`). */
function metadataShowsFormat(card: DatasetCard): boolean {
  return metadataAt(card, ['configs', 'data_files']).some((files) => paths(files).some((p) => DATA_FILE.test(p)));
}

export const storageFormatItem: BookItemSpec = {
  id: 'MLG007',
  alias: 'storage-format',
  description: 'The dataset card says in which format the data is stored',
  item: 7,
  topic: 'in which format the data is stored',
  heading: 'Storage format',
  why: 'Readers should not have to guess the file type, encoding or delimiter: a wrong guess corrupts examples without an error.',
  key: 'format',
  prompt:
    'In which format is the data stored? Give the file type, encoding, delimiter and quoting, compression, how the files are laid out, and where they are.',
  synonyms: [
    'Storage format',
    'Data Format',
    'File Format',
    'Format',
    'Formats',
    'Dataset Format',
    'Format used to store it',
    'Storage',
    'Data Storage',
    'How it is stored',
    'How the data is stored',
    'Files',
    'Data Files',
    'File Structure',
    'File Layout',
    'File Organization',
    'Directory Structure',
    'Folder Structure',
    'Repository Structure',
    'Data Layout',
    'Serialization',
    'Serialization Format',
    'Encoding',
    'File Encoding',
  ],
  statedElsewhere: metadataShowsFormat,
};

export const storageFormat = bookItemRule(storageFormatItem);
