import { metadataMapping } from './MLG301-metadata-mapping';
import { metadataKnownValues } from './MLG302-metadata-known-values';
import { metadataLanguage } from './MLG303-metadata-language';
import { metadataLicense } from './MLG304-metadata-license';
import { licenseOtherDetails } from './MLG305-license-other-details';
import { dataFilesExist } from './MLG306-data-files-exist';
import { configsStructure } from './MLG307-configs-structure';
import type { CardRule } from './types';

/** Rules of the Hugging Face dataset card: its sections (MLG2xx) and its metadata (MLG3xx), profile `huggingface`, in id order. Adding a rule is one line here. */
export const huggingFaceRules: readonly CardRule[] = [
  metadataMapping,
  metadataKnownValues,
  metadataLanguage,
  metadataLicense,
  licenseOtherDetails,
  dataFilesExist,
  configsStructure,
];
