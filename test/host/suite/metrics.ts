/**
 * Figures the in-editor tests measure, reported with the results (not asserted as timings).
 * Kept on `globalThis` because the runner (index.js) and the tests (extension.suite.js) are
 * separate bundles, each with its own copy of this module.
 */
const store = globalThis as { mlguideHostMetrics?: Record<string, number> };
export const metrics: Record<string, number> = (store.mlguideHostMetrics ??= {});
