import * as path from 'node:path';
import type { SplitFinding, SplitRule } from '../types';

const GLOB = /[*?[\]{}]/;

function inside(file: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const relative = path.relative(root, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
}

/** Data paths that do not exist, and data or output paths outside the workspace. */
export const splitDataPath: SplitRule = {
  id: 'MLS014',
  alias: 'split-data-path',
  description: 'The raw data exists, and every data and output path is inside the workspace',
  defaultSeverity: 'error',
  tags: ['split', 'data'],
  check(parsed, context) {
    const dir = context.dir;
    if (!dir) return [];
    const roots = context.workspaceRoots ?? [];
    const findings: SplitFinding[] = [];
    for (const written of parsed.config.data?.value ?? []) {
      const file = path.resolve(dir, written.value);
      if (roots.length > 0 && !inside(file, roots)) {
        findings.push({
          range: written.range,
          message: `data ${written.value} is outside the workspace (${file}): mlguide reads only files inside the workspace folders; copy or link the data into the project`,
        });
      } else if (!GLOB.test(written.value) && context.fileExists && !context.fileExists(file)) {
        findings.push({ range: written.range, message: `data ${written.value}: no such file (looked for ${file})` });
      }
    }
    for (const output of parsed.config.outputs?.value ?? []) {
      for (const written of output.paths) {
        const file = path.resolve(dir, written.value);
        if (roots.length > 0 && !inside(file, roots)) {
          findings.push({
            range: written.range,
            message: `outputs.${output.split} ${written.value} is outside the workspace (${file}): mlguide reads split files only inside the workspace folders`,
          });
        }
      }
    }
    return findings;
  },
};
