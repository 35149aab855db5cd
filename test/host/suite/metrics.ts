/** Figures the in-editor tests measure, reported with the results (not asserted as timings). */
export const metrics: Record<string, number> = {};
