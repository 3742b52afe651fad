/**
 * Escaping for the preview: every string that comes from a document passes through one of these before
 * it reaches HTML or Markdown. Nothing from a document is ever emitted as markup, a style or a script.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text content and attribute values alike: safe inside elements and inside double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

/** The only link targets a preview may carry. Anything else is shown as text. */
const SAFE_SCHEME = /^(https:\/\/[^\s"'<>`\\]+|mailto:[^\s"'<>`\\/:]+@[^\s"'<>`\\]+)$/i;

/**
 * The address if it is an `https:` or `mailto:` link written plainly, else undefined. Control characters,
 * spaces, quotes and backslashes disqualify an address: browsers strip or reinterpret them, which is how
 * `java\tscript:` and similar tricks get through naive checks.
 */
export function safeHref(value: string): string | undefined {
  const trimmed = value.trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) return undefined;
  return SAFE_SCHEME.test(trimmed) ? trimmed : undefined;
}

/** A JSON value as an attribute value (`data-path`); the page script reads it back with JSON.parse. */
export function jsonAttr(value: unknown): string {
  return escapeHtml(JSON.stringify(value));
}

/**
 * Markdown text that renders as exactly the characters given: HTML is escaped as entities (Markdown lets raw
 * HTML through), and every character that could start emphasis, code, a link, a table cell or strikethrough
 * is backslash-escaped, so `[x](javascript:…)` stays text. `atLineStart` (the default) also escapes what
 * would open a heading, list, rule or quote at the start of a line; pass false for text after other text.
 */
export function escapeMarkdown(value: string, atLineStart = true): string {
  const escaped = value
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return escaped
    .split('\n')
    .map((line, i) => (i === 0 && !atLineStart ? line : escapeBlockStart(line)))
    .join('\n');
}

function escapeBlockStart(line: string): string {
  return line.replace(/^([ \t]*)([-+=#])(?=[\s=#-]|$)/, '$1\\$2').replace(/^([ \t]*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** A link target for Markdown `<…>` autolinks: only safe addresses, with the characters that end one encoded. */
export function markdownHref(value: string): string | undefined {
  const href = safeHref(value);
  return href?.replace(/[<>()[\]\s]/g, (c) => encodeURIComponent(c));
}
