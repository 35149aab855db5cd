import { metadataAt, metadataFilled, profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceSupportedTasksSection: ProfileSectionSpec = {
  id: 'MLG202',
  alias: 'hf-supported-tasks',
  profile: 'huggingface',
  order: 2,
  group: 'Dataset Description',
  description: 'The Hugging Face card says which tasks the dataset supports (and their leaderboards)',
  topic: 'which tasks the dataset supports and how models are scored on them (Supported Tasks and Leaderboards)',
  heading: 'Supported Tasks and Leaderboards',
  why: 'The template asks for the tasks the data was made for and the metric they are measured with, so results on it can be compared; the `task_categories` metadata names them too.',
  prompt:
    'For each task the dataset supports: what a model does, which metric measures success (and a typical score), and a link to the leaderboard if there is one.',
  synonyms: [
    'Supported Tasks and Leaderboards',
    'Supported Tasks',
    'Tasks',
    'Leaderboards',
    'Leaderboard',
    'Tasks and Leaderboards',
    'Intended Uses',
    'Intended Use',
    'Uses',
    'Direct Use',
    'Use Cases',
    'Benchmarks',
  ],
  // The Hub shows the tasks from the metadata: `task_categories` / `task_ids` name them.
  statedElsewhere: (card) =>
    metadataAt(card, ['task_categories']).some(metadataFilled) || metadataAt(card, ['task_ids']).some(metadataFilled),
};

export const huggingFaceSupportedTasks = profileSectionRule(huggingFaceSupportedTasksSection);
