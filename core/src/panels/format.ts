/** Numbers as the panels and their reports show them. */
import type { ReportedMetric } from '../evaluate/report';

/** A metric value: 4 significant decimals, "—" for a missing one. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (Number.isInteger(value) && Math.abs(value) >= 1000) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  const digits = abs !== 0 && abs < 0.001 ? 6 : 4;
  return Number(value.toFixed(digits)).toString();
}

/** `[0.61, 0.88]`, or "" without an interval. */
export function formatInterval(metric: Pick<ReportedMetric, 'ci'> | undefined): string {
  return metric?.ci ? `[${formatNumber(metric.ci[0])}, ${formatNumber(metric.ci[1])}]` : '';
}

/** A share as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)} %` : '—';
}

/** A count with thousands separators. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
