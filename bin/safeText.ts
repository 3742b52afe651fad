/**
 * What the CLI may put on a terminal or into a CI log. A document's values, file names and settings keys
 * reach the output, so a `.gpai.yaml` file could otherwise erase or forge log lines (`\x1b[2K`, `\r`), set the
 * terminal's title (`\x1b]0;…\x07`), add OSC 8 links or reorder what a reviewer reads (bidi overrides).
 * Every text format passes each line through `escapeControls` just before it is written; JSON formats pass
 * through `jsonSafe`.
 */

/**
 * Characters shown escaped: C0 controls (tab and newline included: one finding is one line), DEL, C1
 * controls (U+0080-U+009F, e.g. the 8-bit CSI U+009B), the bidi embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F, U+061C), the line and paragraph separators
 * (U+2028, U+2029), and unpaired surrogates.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` with every unsafe character written as an escape a reader can see: `\x1b`, `\x07`, `\x9b`, `\x7f`,
 * `\x09` (tab), `\x0a` (newline) for code points up to U+00FF, `\u202e` style above. Everything else, and
 * backslashes, stay as they are; the result never contains a character that moves the cursor or changes the
 * terminal's state.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Lines joined for a terminal: each line escaped on its own, so a line break inside one line cannot split it. */
export function printableLines(lines: readonly string[]): string {
  return lines.map(escapeControls).join('\n');
}

/** What JSON.stringify leaves raw of UNSAFE: C0 controls and unpaired surrogates it escapes itself. */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Serialised JSON with the characters JSON.stringify leaves raw (DEL, C1 controls, bidi controls, U+2028/9)
 * written as `\uXXXX`. They occur only inside strings, so the result parses to the same value.
 */
export function jsonSafe(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
