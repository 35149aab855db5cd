// Packages the built extension into a .vsix with @vscode/vsce and prints its size and file count.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const { name, version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const out = `${root}${name}-${version}.vsix`;

const vsce = spawnSync(
  'npx',
  ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
  {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
if (vsce.status !== 0) process.exit(vsce.status ?? 1);

// The zip's end-of-central-directory record holds the entry count (bytes 10–11).
const zip = readFileSync(out);
const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
const entries = zip.readUInt16LE(eocd + 10);
const bytes = statSync(out).size;
console.log(`${out.slice(root.length)}: ${(bytes / 1024).toFixed(1)} KiB, ${entries} files`);
