/** Where an empty key's answer is typed, for "Add…" on an item that is written but empty. Pure. */

/** The column after `key:` and one space (or the end of the line). */
export function answerColumn(text: string): number {
  const match = /^\s*(?:- +)?(?:"[^"]*"|'[^']*'|[^\s#:][^:#]*?)\s*:/.exec(text);
  if (!match) return text.length;
  const after = match[0].length;
  return text[after] === ' ' ? after + 1 : after;
}

/** The index of the first line of inserted text that holds a key (not blank, not a comment), if any. */
export function firstKeyLine(text: string): number | undefined {
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => /^\s*(?:- +)?[^\s#]/.test(line));
  return index < 0 ? undefined : index;
}
