import { metadataMapping } from './MLG301-metadata-mapping';
import { metadataKnownValues } from './MLG302-metadata-known-values';
import { metadataLanguage } from './MLG303-metadata-language';
import { metadataLicense } from './MLG304-metadata-license';
import { licenseOtherDetails } from './MLG305-license-other-details';
import { dataFilesExist } from './MLG306-data-files-exist';
import { configsStructure } from './MLG307-configs-structure';
import { huggingFaceSummary } from './MLG201-hf-dataset-summary';
import { huggingFaceSupportedTasks } from './MLG202-hf-supported-tasks';
import { huggingFaceLanguages } from './MLG203-hf-languages';
import { huggingFaceDataInstances } from './MLG204-hf-data-instances';
import { huggingFaceDataFields } from './MLG205-hf-data-fields';
import { huggingFaceDataSplits } from './MLG206-hf-data-splits';
import { huggingFaceCurationRationale } from './MLG207-hf-curation-rationale';
import { huggingFaceSourceData } from './MLG208-hf-source-data';
import { huggingFaceAnnotations } from './MLG209-hf-annotations';
import { huggingFacePersonalInformation } from './MLG210-hf-personal-information';
import { huggingFaceSocialImpact } from './MLG211-hf-social-impact';
import { huggingFaceBiases } from './MLG212-hf-biases';
import { huggingFaceLimitations } from './MLG213-hf-limitations';
import { huggingFaceCurators } from './MLG214-hf-curators';
import { huggingFaceLicensing } from './MLG215-hf-licensing';
import { huggingFaceCitation } from './MLG216-hf-citation';
import type { CardRule } from './types';

/** Rules of the Hugging Face dataset card: its sections (MLG2xx) and its metadata (MLG3xx), profile `huggingface`, in id order. Adding a rule is one line here. */
export const huggingFaceRules: readonly CardRule[] = [
  huggingFaceSummary,
  huggingFaceSupportedTasks,
  huggingFaceLanguages,
  huggingFaceDataInstances,
  huggingFaceDataFields,
  huggingFaceDataSplits,
  huggingFaceCurationRationale,
  huggingFaceSourceData,
  huggingFaceAnnotations,
  huggingFacePersonalInformation,
  huggingFaceSocialImpact,
  huggingFaceBiases,
  huggingFaceLimitations,
  huggingFaceCurators,
  huggingFaceLicensing,
  huggingFaceCitation,
  metadataMapping,
  metadataKnownValues,
  metadataLanguage,
  metadataLicense,
  licenseOtherDetails,
  dataFilesExist,
  configsStructure,
];
