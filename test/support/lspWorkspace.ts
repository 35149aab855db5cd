/**
 * Scratch workspaces for the lsp tier: a copy of `examples/` in a temp folder (so quick fixes and
 * generated files never touch the repository), generated CSV files, and facts about CSV files
 * computed here, independently of the engine under test.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './lspClient';

/** A temp folder holding a copy of `examples/`. */
export interface ScratchWorkspace {
  dir: string;
  /** Absolute path of a file in the workspace, from a `/`-separated relative path. */
  file(relative: string): string;
  /** `file:` URI of a file in the workspace. */
  uri(relative: string): string;
  /** Writes a file (creating folders) and returns its `file:` URI. */
  write(relative: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function copyExamples(): Promise<ScratchWorkspace> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), 'mlguide-lsp-'));
  await fs.cp(path.join(repoRoot, 'examples'), dir, { recursive: true });
  const file = (relative: string): string => path.join(dir, ...relative.split('/'));
  const uri = (relative: string): string => pathToFileURL(file(relative)).href;
  return {
    dir,
    file,
    uri,
    write: async (relative, content) => {
      await fs.mkdir(path.dirname(file(relative)), { recursive: true });
      await fs.writeFile(file(relative), content);
      return uri(relative);
    },
    remove: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/** A CSV file read naively: valid only for files without quoted fields, which callers check. */
export interface PlainCsv {
  header: string[];
  rows: string[][];
}

export function readPlainCsv(text: string): PlainCsv {
  if (text.includes('"')) throw new Error('readPlainCsv: the file has quoted fields; this reader cannot split them');
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [header, ...rows] = lines.map((line) => line.split(','));
  if (!header) throw new Error('readPlainCsv: no header');
  return { header, rows };
}

/**
 * Writes a CSV file of at least `minBytes` (id, a number, a category, a float), streaming so even
 * tens of megabytes take no more memory than one block. Returns the rows written and the size.
 */
export async function writeLargeCsv(file: string, minBytes: number): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(file);
  const header = 'id,amount,segment,score\n';
  let bytes = Buffer.byteLength(header);
  let rows = 0;
  out.write(header);
  const segments = ['north', 'south', 'east', 'west'];
  while (bytes < minBytes) {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++, rows++) {
      lines.push(`${rows},${rows % 997},${segments[rows % 4] ?? ''},${((rows * 7919) % 10007) / 100}\n`);
    }
    const block = lines.join('');
    bytes += Buffer.byteLength(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows, bytes };
}
