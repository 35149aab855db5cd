import { fileURLToPath } from 'node:url';

/** The path of a `file:` URI; `undefined` for anything else (other schemes, malformed, not a string). */
export function uriToPath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
