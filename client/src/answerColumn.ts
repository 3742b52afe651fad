/** Where an empty key's answer is typed, for "Add…" on an item that is written but empty. Pure. */

/** The column after `key:` and one space (or the end of the line). */
export function answerColumn(text: string): number {
  const match = /^\s*(?:- +)?(?:"[^"]*"|'[^']*'|[^\s#:][^:#]*?)\s*:/.exec(text);
  if (!match) return text.length;
  const after = match[0].length;
  return text[after] === ' ' ? after + 1 : after;
}
