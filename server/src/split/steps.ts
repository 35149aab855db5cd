/**
 * What a preprocessing step does, read from its name (and its options): whether it learns
 * statistics from the rows it sees — so it leaks when fitted before the split — and whether it
 * removes duplicates — so it must run before the split.
 */
import type { SplitNode, SplitStep } from './types';

/** A step that learns from the data: what it is and what it fits. */
export interface FittedStep {
  kind: string;
  fits: string;
}

/** Lower-case letters and digits only: `StandardScaler`, `standard_scale`, `standard-scaler` → `standardscale…`. */
function compact(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Names that look fitted but transform each value on its own: text normalisation, a log, hashing. */
const STATELESS: Readonly<Record<string, RegExp>> = {
  'a scaling step': /unicode|nfkc|nfc|whitespace|case|text|string|url|log(?:1p)?$|^log/,
  'vocabulary building': /hashing/,
};

const FITTED: readonly (FittedStep & { pattern: RegExp })[] = [
  {
    kind: 'a scaling step',
    fits: "each column's mean and standard deviation (or minimum and maximum)",
    pattern:
      /standardi[sz]|standardscal|minmax|robustscal|maxabs|zscore|scal(?:e|er|ers|ing)$|^scal(?:e|er|ing)|^normali[sz]|normali[sz](?:e|ation|er)$/,
  },
  {
    kind: 'imputation with statistics',
    fits: "each column's mean, median or most frequent value",
    pattern:
      /imput|fillna(?:mean|median|mode)|fill(?:mean|median|mode|mostfrequent)|(?:mean|median|mode)(?:fill|imput)/,
  },
  {
    kind: 'feature selection',
    fits: 'which features relate to the label, on the rows it sees',
    pattern:
      /selectkbest|kbest|selectpercentile|selectfrommodel|featureselect|selectfeatures|variancethreshold|^rfe(?:cv)?$|boruta|mutualinfo|chi2select|lassoselect|l1select|sequentialfeature|dropcorrelated|correlationfilter|longtail/,
  },
  {
    kind: 'a target or frequency encoding',
    fits: "each category's mean label or frequency",
    pattern:
      /targetenc|meanenc|likelihoodenc|frequencyenc|freqenc|countenc|^woe|weightofevidence|catboostenc|jamesstein|leaveoneoutenc|mestimate/,
  },
  {
    kind: 'over- or under-sampling',
    fits: 'synthetic or dropped rows built from neighbouring rows and the class counts',
    pattern:
      /smote|adasyn|oversampl|undersampl|upsampl|downsampl|randomover|randomunder|nearmiss|tomek|rebalanc|classbalanc|balanceclasses|resampl/,
  },
  {
    kind: 'a dimensionality reduction',
    fits: 'components computed from the covariance of all rows',
    pattern: /pca|truncatedsvd|^svd$|^ica$|fastica|umap|tsne|factoranalysis|^nmf$|lineardiscriminant|autoencoder/,
  },
  {
    kind: 'vocabulary building',
    fits: 'a vocabulary and document frequencies from the texts it sees',
    pattern:
      /tfidf|countvector|vectori[sz]e|buildvocab|vocab|fittokeni[sz]er|tokeni[sz]erfit|traintokeni[sz]er|^bpe|wordpiece|sentencepiece|word2vec|fasttext|glove/,
  },
  {
    kind: 'a quantile or outlier step',
    fits: 'quantiles or bounds of each column',
    pattern:
      /quantile|kbins|binning|discreti[sz]|powertransform|yeojohnson|boxcox|winsori[sz]|clipoutlier|removeoutlier|outlierremov|^iqr|isolationforest/,
  },
];

/** Option values that make an imputer learn nothing: a constant fill. */
const CONSTANT_FILL = /constant|zero|fillvalue|const$|^fill(?:na)?0$|^fillna$/;

function optionText(node: SplitNode | undefined): string {
  if (!node) return '';
  if (node.kind === 'scalar') return String(node.value);
  if (node.kind === 'list') return node.items.map(optionText).join(' ');
  return node.entries.map((e) => `${e.key} ${optionText(e.value)}`).join(' ');
}

/** What the step fits, when it learns statistics from the data; undefined when it learns nothing. */
export function fittedStep(step: Pick<SplitStep, 'name' | 'options'>): FittedStep | undefined {
  const name = compact(step.name);
  if (name === '' || isDeduplication(step.name)) return undefined;
  const found = FITTED.find((entry) => entry.pattern.test(name));
  if (!found) return undefined;
  if (STATELESS[found.kind]?.test(name)) return undefined;
  if (found.kind === 'imputation with statistics') {
    const options = compact(optionText(step.options));
    if (CONSTANT_FILL.test(name) || /constant|fillvalue/.test(options)) return undefined;
  }
  return { kind: found.kind, fits: found.fits };
}

/** Whether a step removes duplicate rows. */
export function isDeduplication(name: string): boolean {
  return /dedup|duplicat|dropdup|distinctrows|uniquerows|^distinct$|^unique$/.test(compact(name));
}
