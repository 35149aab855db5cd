// A node:test reporter that counts leaf tests, for scripts/test.mjs to total over the tiers.
// Skipped and todo tests are counted apart: a skipped test is a defect, and fails the run.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { details, skip, todo } = event.data;
    const suite = details?.type === 'suite';
    if (event.type === 'test:pass') {
      if (suite) continue;
      if (skip !== undefined || todo !== undefined) counts.skipped++;
      else counts.passed++;
    } else if (!suite || details?.error?.failureType !== 'subtestsFailed') {
      // A suite fails on its own only when a hook or its body threw: that is one failure.
      counts.failed++;
    }
  }
  yield `${JSON.stringify(counts)}\n`;
}
