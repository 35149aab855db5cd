/**
 * Hover in a card's YAML metadata: on a Hugging Face key, what it must contain, why it matters to
 * the people who use the dataset, the rule that checks it and where its known values come from;
 * on a known value (`1K<n<10K`, `cc-by-4.0`), what the value means. Pure: text and position in.
 */
import type { TextPosition, TextRange } from '../parse/text';
import { ruleDocsUrl } from '../lint';
import { findRule } from '../rules/registry';
import { keySpecAt, type MetadataKeySpec } from './metadataKeys';
import { languageName, VALUE_SOURCES } from './values';
import { metadataRegion, yamlPaths } from './yamlContext';

/** Markdown for the hover and the range it explains. */
export interface MetadataHover {
  markdown: string;
  range: TextRange;
}

function keyMarkdown(spec: MetadataKeySpec): string {
  const parts = [
    `**\`${spec.key}\`** — Hugging Face dataset card metadata`,
    spec.what,
    `*Why it matters:* ${spec.why}`,
  ];
  if (spec.example !== undefined) parts.push(`Example: \`${spec.key}: ${spec.example}\``);
  const rule = spec.rule !== undefined ? findRule(spec.rule) : undefined;
  if (rule) parts.push(`Checked by [${rule.id} ${rule.alias}](${ruleDocsUrl(rule.id)}).`);
  const source = VALUE_SOURCES.find((s) => s.list.split(', ').includes(spec.key));
  if (spec.values && source) {
    parts.push(`${spec.values.length} known values, from ${source.source} (taken ${source.date}).`);
  }
  return parts.join('\n\n');
}

/** The hover at `position`, or undefined off a known key or value. */
export function metadataHover(
  text: string,
  kind: 'markdown' | 'yaml',
  position: TextPosition,
): MetadataHover | undefined {
  const lines = text.split(/\r\n?|\n/);
  const region = metadataRegion(lines, kind);
  if (!region || position.line < region.start || position.line >= region.end) return undefined;
  const paths = yamlPaths(lines, region);
  const line = paths.line(position.line);
  if (!line) return undefined;
  const at = position.character;
  const lineNumber = position.line;

  if (line.key !== undefined && line.keyCol !== undefined && at >= line.keyCol && at <= line.keyCol + line.key.length) {
    const spec = keySpecAt(paths.keyPath(lineNumber));
    if (!spec) return undefined;
    return {
      markdown: keyMarkdown(spec),
      range: {
        start: { line: lineNumber, character: line.keyCol },
        end: { line: lineNumber, character: line.keyCol + line.key.length },
      },
    };
  }

  // A value: after `key: `, or a list item's scalar.
  const value = line.rest.replace(/\s+#.*$/, '').trim();
  if (value === '' || at < line.valueCol || at > line.valueCol + value.length) return undefined;
  const spec =
    line.key !== undefined
      ? keySpecAt(paths.keyPath(lineNumber))
      : line.dash !== undefined
        ? keySpecAt(paths.listAt(lineNumber, line.dash))
        : undefined;
  const bare = value.replace(/^["']|["']$/g, '');
  const known =
    spec?.key === 'language'
      ? languageName(bare) !== undefined
        ? { id: bare, description: languageName(bare) ?? '' }
        : undefined
      : spec?.values?.find((v) => v.id === bare);
  if (!spec || !known) return undefined;
  return {
    markdown: `**\`${known.id}\`** — ${known.description}\n\n\`${spec.key}\`: ${spec.what}`,
    range: {
      start: { line: lineNumber, character: line.valueCol },
      end: { line: lineNumber, character: line.valueCol + value.length },
    },
  };
}
