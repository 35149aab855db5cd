import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const datasheetPreprocessingSection: ProfileSectionSpec = {
  id: 'MLG104',
  alias: 'datasheet-preprocessing',
  profile: 'datasheets',
  order: 4,
  description:
    'The datasheet says how the data was preprocessed, cleaned and labeled, and whether the raw data was kept',
  topic:
    'how the data was preprocessed, cleaned or labeled, and whether the raw data was kept (Preprocessing/cleaning/labeling)',
  heading: 'Preprocessing/cleaning/labeling',
  why: 'Datasheets for Datasets asks for every transformation between the raw data and the released data, because each one changes what the data says and a reader may need to undo or repeat it.',
  prompt:
    'Was any preprocessing, cleaning or labeling done (discretisation, tokenisation, part-of-speech tagging, removal of instances, handling of missing values…)? Was the raw data kept alongside, and where? Is the software used to preprocess or label available?',
  synonyms: [
    'Preprocessing/cleaning/labeling',
    'Preprocessing',
    'Annotations',
    'Pre-processing',
    'Cleaning',
    'Data Cleaning',
    'Labeling',
    'Labelling',
    'Data Labeling',
    'Annotation',
    'Annotation Process',
    'Data Processing',
    'Processing',
    'Data Preparation',
    'Preparation',
    'Filtering',
    'Normalization',
    'Was any preprocessing/cleaning/labeling of the data done',
    'Transformations',
  ],
};

export const datasheetPreprocessing = profileSectionRule(datasheetPreprocessingSection);
