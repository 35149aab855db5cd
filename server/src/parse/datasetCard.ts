import MarkdownIt from 'markdown-it';
import { parseDocument, type Document } from 'yaml';
import { lineRange, splitLines, type TextRange } from './text';

/** A Markdown heading and the text under it, up to the next heading of the same or a higher level. */
export interface CardSection {
  heading: string;
  level: number;
  /** The heading line. */
  range: TextRange;
  /** First line after the heading. */
  bodyStartLine: number;
  /** Line after the section's last line. */
  bodyEndLine: number;
  /** The section's text (subsections included), HTML comments removed. */
  body: string;
}

/** A link in the card body. */
export interface CardLink {
  target: string;
  line: number;
}

/** A dataset card parsed into the pieces rules look at, each with its range in the file. */
export interface DatasetCard {
  kind: 'markdown' | 'yaml';
  lines: string[];
  /** The card's title: its first level-1 heading, else its first heading, else its first line. */
  title: { text: string; range: TextRange };
  sections: CardSection[];
  /** Parsed YAML front matter (Markdown cards) or the whole document (YAML cards). */
  metadata?: Document;
  /** The text `metadata` was parsed from and the card line it starts on, to place its nodes. */
  metadataSource?: { text: string; startLine: number };
  /** Line after the front matter block (0 when there is none). */
  bodyStartLine: number;
  /** The Markdown body with HTML comments and front matter blanked out (line numbers kept). */
  bodyText: string;
  /** `bodyText` with code blocks (fenced, indented, unclosed) blanked out too: the card's prose. */
  proseText: string;
  links: CardLink[];
}

const markdown = new MarkdownIt({ html: true });

/** Replaces HTML comments with spaces, keeping newlines so line numbers stay right. */
export function blankComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** Parses a dataset card. `kind` follows the file name: YAML cards are `dataset.yaml|yml`. */
export function parseDatasetCard(text: string, kind: 'markdown' | 'yaml'): DatasetCard {
  const lines = splitLines(text);
  if (kind === 'yaml') {
    return {
      kind,
      lines,
      title: { text: '', range: lineRange(lines, 0) },
      sections: [],
      metadata: parseDocument(text),
      metadataSource: { text, startLine: 0 },
      bodyStartLine: 0,
      bodyText: '',
      proseText: '',
      links: [],
    };
  }

  let metadata: Document | undefined;
  let metadataSource: { text: string; startLine: number } | undefined;
  let bodyStartLine = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (close > 0) {
      const frontMatter = lines.slice(1, close).join('\n');
      metadata = parseDocument(frontMatter);
      metadataSource = { text: frontMatter, startLine: 1 };
      bodyStartLine = close + 1;
    }
  }
  const bodyLines = lines.map((line, i) => (i < bodyStartLine ? '' : line));
  const bodyText = blankComments(bodyLines.join('\n'));
  const tokens = markdown.parse(bodyText, {});

  const proseLines = bodyText.split('\n');
  const headings: { heading: string; level: number; line: number }[] = [];
  const links: CardLink[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
      for (let line = token.map[0]; line < token.map[1]; line++) proseLines[line] = '';
    }
    if (token.type === 'heading_open' && token.map) {
      const inline = tokens[i + 1];
      headings.push({ heading: (inline?.content ?? '').trim(), level: Number(token.tag.slice(1)), line: token.map[0] });
    }
    if (token.type === 'inline' && token.map) {
      for (const child of token.children ?? []) {
        const href = child.type === 'link_open' ? child.attrGet('href') : null;
        if (href !== null) links.push({ target: String(href), line: token.map[0] });
      }
    }
  }

  const bodyTextLines = bodyText.split('\n');
  const sections: CardSection[] = headings.map((h, index) => {
    const next = headings.slice(index + 1).find((other) => other.level <= h.level);
    const bodyEndLine = next ? next.line : lines.length;
    return {
      heading: h.heading,
      level: h.level,
      range: headingRange(lines, h.line),
      bodyStartLine: h.line + 1,
      bodyEndLine,
      body: bodyTextLines.slice(h.line + 1, bodyEndLine).join('\n'),
    };
  });

  const titleSection = sections.find((s) => s.level === 1) ?? sections[0];
  const firstTextLine = Math.max(
    bodyStartLine,
    lines.findIndex((line, i) => i >= bodyStartLine && line.trim() !== ''),
  );
  const title = titleSection
    ? { text: titleSection.heading, range: titleSection.range }
    : { text: (lines[firstTextLine] ?? '').trim(), range: lineRange(lines, firstTextLine) };
  return {
    kind,
    lines,
    title,
    sections,
    metadata,
    ...(metadataSource ? { metadataSource } : {}),
    bodyStartLine,
    bodyText,
    proseText: proseLines.join('\n'),
    links,
  };
}

/** The range in the card of a metadata node's `[start, end]` offsets (the `range` the yaml library gives). */
export function metadataRange(card: DatasetCard, offsets: readonly [number, number, ...number[]]): TextRange {
  const source = card.metadataSource ?? { text: '', startLine: 0 };
  const position = (offset: number): { line: number; character: number } => {
    const before = source.text.slice(0, Math.min(offset, source.text.length));
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = source.startLine + (before.match(/\n/g)?.length ?? 0);
    const character = Math.min(before.length - lineStart, (card.lines[line] ?? '').length);
    return { line, character };
  };
  return { start: position(offsets[0]), end: position(offsets[1]) };
}

/** The range of a heading's text on its line, without the `#` marks. */
function headingRange(lines: readonly string[], line: number): TextRange {
  const text = lines[line] ?? '';
  const match = /^(\s*#{1,6}\s+)(.*?)(\s+#+)?\s*$/.exec(text);
  if (!match) return lineRange(lines, line);
  const start = (match[1] ?? '').length;
  return { start: { line, character: start }, end: { line, character: start + (match[2] ?? '').length } };
}
