/**
 * The YAML comments of a document, as the `yaml` lexer reads them: a `#` inside a block scalar, a quoted
 * string or a plain value (`a#b`) is text, not a comment. Read once per version, and only when asked.
 */
import { Lexer } from 'yaml';
import { memo, yamlSource, type GpaiDocument } from './document';

export interface Comment {
  /** Offsets of the comment in the text, from its `#` to the end of its line (line break excluded). */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** The comment as written, from its `#`. */
  readonly text: string;
  /** Nothing but white space before it on its line. */
  readonly ownLine: boolean;
}

/** Tokens the lexer emits to mark structure: they stand for no character of the text. */
const CONTROL_TOKENS: ReadonlySet<string> = new Set(['\x02', '\x18', '\x1f']);

/** Every comment of the document, in order. */
export function comments(doc: GpaiDocument): readonly Comment[] {
  return memo(doc, 'comments', () => readComments(doc));
}

/** The comments whose text contains `needle`: free when the text does not contain it at all. */
export function commentsContaining(doc: GpaiDocument, needle: string): readonly Comment[] {
  if (!doc.text.includes(needle)) return [];
  return comments(doc).filter((c) => c.text.includes(needle));
}

function readComments(doc: GpaiDocument): Comment[] {
  const out: Comment[] = [];
  let offset = 0;
  try {
    for (const token of new Lexer().lex(yamlSource(doc.text))) {
      if (CONTROL_TOKENS.has(token)) continue;
      if (token.charCodeAt(0) === 0x23 /* # */) {
        const position = doc.lines.positionAt(offset);
        const lineStart = doc.lines.starts[position.line];
        out.push({
          start: offset,
          end: offset + token.length,
          line: position.line,
          text: token,
          ownLine: doc.text.slice(lineStart, offset).trim() === '',
        });
      }
      offset += token.length;
    }
  } catch {
    // A text the lexer cannot read has no comment that anything may act on.
    return [];
  }
  return out;
}
