// A node:test reporter that counts leaf tests, for scripts/test.mjs to total over the tiers.
// Events arrive children first, so a test is a leaf when nothing deeper was reported since the
// last event at its own depth. Skipped and todo tests are counted apart: a skipped test is a
// defect, and fails the run.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  let lastNesting = -1;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { details, skip, todo, nesting } = event.data;
    const leaf = details?.type !== 'suite' && !(lastNesting > nesting);
    lastNesting = nesting;
    if (event.type === 'test:pass') {
      if (!leaf) continue;
      if (skip !== undefined || todo !== undefined) counts.skipped++;
      else counts.passed++;
    } else if (leaf || details?.error?.failureType !== 'subtestsFailed') {
      // A parent fails on its own only when a hook or its body threw: that is one failure.
      counts.failed++;
    }
  }
  yield `${JSON.stringify(counts)}\n`;
}
