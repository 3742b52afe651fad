/**
 * The writer's text inside the Markdown the server builds (hovers, which Explain also shows): always as
 * text. `text` escapes every character Markdown or HTML could read as syntax, so a value such as
 * `![](https://tracker.example/p.png)` or `<img src=…>` shows as written and never loads, links or renders;
 * `code` puts it in a code span that no backtick in it can close.
 */

/** ASCII punctuation CommonMark lets a backslash escape, and the line breaks that would start a new block. */
const SYNTAX = /[\\`*_{}[\]()#+\-.!|<>~&"'=:$]/g;

/** The writer's text as Markdown text: every syntax character escaped, line breaks as spaces. */
export function text(value: string): string {
  return value.replace(/\r\n|\r|\n/g, ' ').replace(SYNTAX, (c) => `\\${c}`);
}

/** The writer's text as an inline code span, fenced by more backticks than it holds in a row. */
export function code(value: string): string {
  const flat = value.replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space each side keeps a backtick at either end from joining the fence; CommonMark strips one of each.
  const padded = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ` ${flat} ` : flat;
  return `${fence}${padded || ' '}${fence}`;
}
