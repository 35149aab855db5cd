/**
 * Text that only holds a place: `TODO`, `TBD`, `N/A`, Hugging Face's `[More Information Needed]`,
 * `-`, `...`, "Lorem ipsum". Matched against a whole line once list markers, a leading bold label
 * (`**License:**`) and surrounding emphasis are stripped.
 */
const PLACEHOLDER =
  /^(?:todo|tbd|tba|tbc|to do|n\/?a|xxx+|-+|–|—|\?+|\.{2,}|…|fill(?: me)? in|to be (?:completed|determined|added|written|defined|announced)|\[?(?:more information needed|needs more information|more info needed|information needed)\]?|coming soon|work in progress|wip|placeholder|lorem ipsum\b.*)[.:!]?$/i;

/** A note to self: "TODO: describe the split", "FIXME add the source". */
const NOTE_TO_SELF = /^(?:todo|tbd|fixme|xxx)\b[\s:,–—-]/i;

/**
 * Template prompts addressed to the card's author rather than its reader: "Describe the data
 * collection process.", "Provide a longer summary of what this dataset is.", "[Add the license
 * here]", `{{ dataset_summary }}`. Only sentences that start with such an instruction count, so
 * "Described in the paper" or "Provided by the city council" stay content.
 */
const TEMPLATE_PROMPT =
  /^(?:\{\{[^}]*\}\}|\{\s*[A-Za-z_][\w.]*\s*\}|\[(?:add|describe|provide|insert|enter|list|write|fill)\b[^\]]*\]|(?:please\s+)?(?:describe|provide|briefly (?:summari[sz]e|describe)|summari[sz]e|explain|fill in|insert|enter)\s+(?:a|an|the|any|all|your|here|how|what|which|who|whether|if|this|these|details|information|context|links?|below)\b.*[.?:]$)/i;

/** Boilerplate that Hugging Face's card template writes as if it were content. */
const TEMPLATE_BOILERPLATE = [
  /^this dataset card aims to be a base template for new datasets\b/i,
  /^users should be made aware of the risks, biases and limitations of the dataset\. more information needed for further recommendations\.?$/i,
];

/** Strips what frames a line's words: list and quote markers, a bold label, emphasis, HTML tags. */
export function lineContent(line: string): string {
  return line
    .replace(/<img\b[^>]*>/gi, ' image ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/^\s*(?:>\s*)+/, '')
    .replace(/^\s*(?:\*\*[^*\n]{1,80}?(?::\*\*|\*\*:)|__[^_\n]{1,80}?(?::__|__:))\s*/, '')
    .replace(/^([*_`]+)(.*?)\1$/, '$2')
    .trim();
}

/**
 * A question left from a template, with no answer after it: "For what purpose was the dataset
 * created?", "**Who funded it?** TODO". Datasheets for Datasets is written as questions; a section
 * that only repeats them answers nothing. The answer, when on the same line, is what is tested.
 */
const LEADING_QUESTION = /^(?:(\*\*|__)([^*_\n]+?\?)\1|([^.!?\n]+\?))\s*(.*)$/;

const CODE_FENCE = /^(?:`{3,}|~{3,})[\w+-]*$/;

/** True when one line, as `lineContent` leaves it, says nothing. */
export function isPlaceholderLine(line: string): boolean {
  // Blank lines are most of what sections are read for: no pattern needed to see they say nothing.
  if (line.trim() === '') return true;
  // A code fence frames what is inside it: "```bibtex", "[More Information Needed]", "```" says nothing.
  if (CODE_FENCE.test(line.trim())) return true;
  const content = lineContent(line);
  if (content === '') return true;
  const question = LEADING_QUESTION.exec(content);
  if (question) {
    const answer = question[4] ?? '';
    return answer === '' || isPlaceholderLine(answer);
  }
  return (
    PLACEHOLDER.test(content) ||
    NOTE_TO_SELF.test(content) ||
    TEMPLATE_PROMPT.test(content) ||
    TEMPLATE_BOILERPLATE.some((pattern) => pattern.test(content))
  );
}

/** True when `text` (comments already removed) says nothing: empty, or only placeholders. */
export function isPlaceholder(text: string): boolean {
  return text.split('\n').every(isPlaceholderLine);
}

/** The first placeholder written in `text` ("TODO", "[More Information Needed]"), for messages. */
export function placeholderShown(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const content = lineContent(line);
    if (content !== '') return content.length > 60 ? `${content.slice(0, 57)}…` : content;
  }
  return undefined;
}
