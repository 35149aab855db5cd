// The text the "mlguide: Check Split for Leakage" command writes to its output channel
// (formatLeakageSummary), from a report the core checker computes on rows fed in memory; and the
// checker's contract: held splits before train, several files per split.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LeakageChecker } from '../../core/src/leakage/checker';
import { checkHeadlines, formatLeakageSummary } from '../../core/src/leakage/summary';

function feed(checker: LeakageChecker, split: string, file: string, header: string[], rows: string[][]): void {
  checker.startFile(split, file, header);
  rows.forEach((row, i) => {
    checker.row(row, i + 2);
  });
}

const header = ['user_id', 'day', 'x', 'label'];
const trainRows = Array.from({ length: 20 }, (_, i) => [
  `u${i}`,
  `2024-01-${String(i + 1).padStart(2, '0')}`,
  String(i),
  i % 2 ? 'a' : 'b',
]);

function report(testRows: string[][]): ReturnType<LeakageChecker['finish']> {
  const checker = new LeakageChecker({
    reference: 'train',
    target: 'label',
    groupBy: 'user_id',
    timeColumn: 'day',
    features: ['x'],
    sizes: [
      { split: 'train', value: 0.8 },
      { split: 'test', value: 0.2 },
    ],
  });
  feed(checker, 'test', '/p/data/test.csv', header, testRows);
  feed(checker, 'train', '/p/data/train.csv', header, trainRows);
  return checker.finish();
}

describe('leakage summary', () => {
  it('writes a header, one PASS/WARN/FAIL/SKIP line per check with its rule and headline, and the counts', () => {
    const testRows = [
      ['u3', '2024-01-04', '3', 'a'], // the same row as train's u3: duplicate, shared id, early date
      ['u40', '2024-02-01', '20.5', 'a'],
      ['u41', '2024-02-02', '21.5', 'c'], // a label train never has
      ['u42', '2024-02-03', '22.5', 'b'],
      ['u43', '2024-02-04', '23.5', 'a'],
    ];
    const text = formatLeakageSummary(report(testRows), '/p/churn.split.yaml', 1.25);
    const lines = text.split('\n');
    assert.equal(lines[0], 'mlguide: leakage checks of /p/churn.split.yaml');
    assert.equal(lines[1], '  test: data/test.csv, 5 rows');
    assert.equal(lines[2], '  train: data/train.csv, 20 rows');
    const checkLines = lines.filter((l) => /^(PASS|WARN|FAIL|SKIP) {2}MLS0\d\d {2}/.test(l));
    assert.deepEqual(
      checkLines.map((l) => l.slice(0, 12)),
      ['FAIL  MLS016', 'FAIL  MLS017', 'FAIL  MLS018', 'FAIL  MLS019', 'FAIL  MLS020', 'PASS  MLS021', 'PASS  MLS022'],
    );
    // Each check line is followed by its headline, indented.
    const at = (id: string): string => lines[lines.findIndex((l) => l.includes(`  ${id}  `)) + 1] ?? '';
    assert.match(
      at('MLS016'),
      /^ {6}1 test row also occurs in train \(1 train row\): 20\.0 % of the smaller split; first pairs data\/test\.csv:2 ↔ data\/train\.csv:5$/,
    );
    assert.match(
      at('MLS017'),
      /1 user_id values are in both test and train .*u3 at data\/test\.csv:2 ↔ data\/train\.csv:5/,
    );
    assert.match(
      at('MLS018'),
      /1 of 5 test rows \(20\.0 %\) are dated before the end of train, 2024-01-20 \(data\/train\.csv:21\); the earliest test row is 2024-01-04 \(data\/test\.csv:2\)/,
    );
    assert.match(at('MLS019'), /label label: 1 value in test never seen in train \(1 rows: "c" ×1\)/);
    assert.match(
      at('MLS022'),
      /test 5 rows \(20\.0 %, configured 20\.0 %\), train 20 rows \(80\.0 %, configured 80\.0 %\)/,
    );
    assert.match(lines.at(-2) ?? '', /^\d passed, \d warned, \d failed, \d skipped in 1\.3 s$/);
    const counts = checkHeadlines(report(testRows)).reduce<Record<string, number>>((acc, h) => {
      acc[h.status] = (acc[h.status] ?? 0) + 1;
      return acc;
    }, {});
    assert.equal(
      lines.at(-2),
      `${counts.pass ?? 0} passed, ${counts.warn ?? 0} warned, ${counts.fail ?? 0} failed, ${counts.skip ?? 0} skipped in 1.3 s`,
    );
  });

  it('says PASS for a clean split and SKIP with the reason when a check cannot run', () => {
    const testRows = Array.from({ length: 5 }, (_, i) => [
      `v${i}`,
      `2024-02-0${i + 1}`,
      String(4 * i + 0.5),
      i % 2 ? 'a' : 'b',
    ]);
    const text = formatLeakageSummary(report(testRows), '/p/churn.split.yaml');
    assert.match(text, /^PASS {2}MLS016 {2}Duplicate rows across splits$/m);
    assert.match(text, /^PASS {2}MLS017 {2}Group \/ entity overlap\n {6}no user_id value appears in two splits$/m);
    assert.match(
      text,
      /^PASS {2}MLS018 {2}Time leakage\n {6}every test row is dated at or after the end of train, 2024-01-20/m,
    );
    assert.match(text, /^\d passed, 0 warned, 0 failed, \d skipped\n$/m);
  });

  it('refuses a held split after train, and files of one split apart from each other', () => {
    const checker = new LeakageChecker({ reference: 'train' });
    checker.startFile('train', 'train.csv', ['a']);
    assert.throws(() => {
      checker.startFile('test', 'test.csv', ['a']);
    }, /started after the reference split train/);
    const other = new LeakageChecker({ reference: 'train' });
    other.startFile('test', 'a.csv', ['a']);
    other.startFile('validation', 'b.csv', ['a']);
    assert.throws(() => {
      other.startFile('test', 'c.csv', ['a']);
    }, /must follow each other/);
  });
});
