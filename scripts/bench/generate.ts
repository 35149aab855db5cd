/**
 * Deterministic benchmark inputs (same seed, same bytes): a wide mixed-type CSV of about 200 bytes
 * a row, and a 3-class predictions file about 85 % accurate with a score column.
 */
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { createRng, type Rng } from '../../core/src/random/rng';

const CITIES = ['Oslo', 'Bergen', 'Rome, IT', 'Lyon', 'Porto', 'Graz', 'Turku', 'Gdańsk', 'Cork', 'Bern'];
const PLANS = ['basic', 'standard', 'premium', 'enterprise'];
const WORDS = ['late', 'refund', 'great', 'slow', 'support', '"broken"', 'fast', 'price', 'app', 'billing'];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.nextInt(items.length)] as T;
}

function date(rng: Rng): string {
  const day = new Date(Date.UTC(2020, 0, 1) + rng.nextInt(1500) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function quote(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeLines(file: string, header: string, rows: number, row: (i: number) => string): Promise<void> {
  if (existsSync(file)) return;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let buffer = `${header}\n`;
  for (let i = 0; i < rows; i++) {
    buffer += `${row(i)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  renameSync(partial, file);
}

/** The wide file: 20 columns of ints, floats, categories, dates, booleans, ids and quoted text. */
export function generateWide(file: string, rows: number, seed = 20261127): Promise<void> {
  const rng = createRng(seed);
  const missing = (value: string, share: number): string => (rng.next() < share ? '' : value);
  const header = [
    'id',
    'age',
    'income',
    'score_a',
    'score_b',
    'score_c',
    'visits',
    'items',
    'rating',
    'city',
    'plan',
    'active',
    'signup',
    'last_seen',
    'session',
    'comment',
    'ratio',
    'segment',
    'referrer',
    'churned',
  ].join(',');
  return writeLines(file, header, rows, (i) =>
    [
      String(100_000 + i),
      missing(String(18 + rng.nextInt(70)), 0.02),
      missing((20_000 + rng.next() * 180_000).toFixed(2), 0.05),
      (rng.next() * 2 - 1).toFixed(6),
      missing((rng.next() * 100).toFixed(3), 0.01),
      (rng.next() ** 3 * 1e4).toFixed(1),
      String(rng.nextInt(400)),
      missing(String(rng.nextInt(25)), 0.03),
      String(1 + rng.nextInt(5)),
      quote(pick(rng, CITIES)),
      pick(rng, PLANS),
      rng.next() < 0.7 ? 'true' : 'false',
      date(rng),
      missing(date(rng), 0.1),
      `s${rng.nextUint32().toString(16)}${rng.nextUint32().toString(16)}`,
      quote(Array.from({ length: 4 + rng.nextInt(9) }, () => pick(rng, WORDS)).join(', ')),
      missing(rng.next().toFixed(4), 0.04),
      `seg-${rng.nextInt(40)}`,
      missing(pick(rng, ['ads', 'search', 'friend', 'email', 'partner']), 0.2),
      rng.next() < 0.26 ? 'yes' : 'no',
    ].join(','),
  );
}

/** The predictions file: true class, predicted class (about 85 % right) and the model's score. */
export function generatePredictions(file: string, rows: number, seed = 7): Promise<void> {
  const rng = createRng(seed);
  const classes = ['cat', 'dog', 'bird'];
  return writeLines(file, 'id,y,y_hat,score', rows, (i) => {
    const truth = classes[rng.next() < 0.5 ? 0 : rng.next() < 0.6 ? 1 : 2] as string;
    const right = rng.next() < 0.85;
    const predicted = right ? truth : (classes.filter((c) => c !== truth)[rng.nextInt(2)] as string);
    const score = right ? 0.5 + rng.next() * 0.5 : 0.34 + rng.next() * 0.4;
    return `${i},${truth},${predicted},${score.toFixed(4)}`;
  });
}
