/** Text that only holds a place: `TODO`, `TBD`, Hugging Face's `[More Information Needed]`… */
const PLACEHOLDER =
  /^(?:todo|tbd|tba|tbc|n\/?a|none|xxx+|\.{3}|…|fill(?: me)? in|to be (?:completed|determined|added|written)|\[more information needed\]|more information needed|coming soon)[.:!]?$/i;

/** True when `text` (comments already removed) says nothing: empty, or only placeholders. */
export function isPlaceholder(text: string): boolean {
  const meaningful = text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
  return meaningful.every((line) => PLACEHOLDER.test(line));
}
