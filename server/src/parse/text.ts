/** A zero-based position, with the same meaning as LSP's `Position` (UTF-16 code units). */
export interface TextPosition {
  line: number;
  character: number;
}

/** A zero-based range, with the same meaning as LSP's `Range`. */
export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** The range covering the whole of line `line` of `lines`. */
export function lineRange(lines: readonly string[], line: number): TextRange {
  return { start: { line, character: 0 }, end: { line, character: (lines[line] ?? '').length } };
}

/**
 * Splits text into lines as LSP and editors count them: `\n`, `\r\n` and a lone `\r` each end a
 * line (markdown-it reads a lone `\r` as a line break too, so its line numbers agree).
 */
export function splitLines(text: string): string[] {
  // Splitting on a string is several times faster than on a pattern, and most files have no `\r`.
  return text.includes('\r') ? text.split(/\r\n?|\n/) : text.split('\n');
}
