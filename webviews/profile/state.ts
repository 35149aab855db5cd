import type { ProfileViewModel } from '../../core/src/protocol/webview';

/** A row of the profile table, every cell already formatted. */
export interface ColumnRow {
  name: string;
  type: string;
  missing: string;
  /** Share of rows missing, 0..1, drawn as a bar. */
  missingShare: number;
  distinct: string;
  min: string;
  max: string;
  mean: string;
}

/** What the page shows for a profile: pure, so it is tested without a browser. */
export interface ProfileView {
  title: string;
  path: string;
  figures: { label: string; value: string }[];
  columns: ColumnRow[];
  warnings: string[];
  moreWarnings: number;
}

const integer = new Intl.NumberFormat('en-US');
const fraction = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  return Number.isInteger(value) ? integer.format(value) : fraction.format(value);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Turns the host's view model into what the page shows. */
export function profileView(model: ProfileViewModel): ProfileView {
  const { profile } = model;
  const delimiter = profile.delimiter === '\t' ? 'tab' : profile.delimiter;
  return {
    title: model.fileName,
    path: model.path,
    figures: [
      { label: 'rows', value: integer.format(profile.rows) },
      { label: 'columns', value: integer.format(profile.columns.length) },
      { label: 'delimiter', value: delimiter },
      { label: 'size', value: formatBytes(model.bytes) },
      { label: 'warnings', value: integer.format(profile.warningCount) },
    ],
    columns: profile.columns.map((c) => ({
      name: c.name,
      type: c.type,
      missing: integer.format(c.missing),
      missingShare: profile.rows > 0 ? c.missing / profile.rows : 0,
      distinct: `${integer.format(c.distinct)}${c.distinctCapped ? '+' : ''}`,
      min: formatNumber(c.min),
      max: formatNumber(c.max),
      mean: formatNumber(c.mean),
    })),
    warnings: profile.warnings.map((w) => `line ${w.line}: ${w.message}`),
    moreWarnings: profile.warningCount - profile.warnings.length,
  };
}
