/**
 * Test text helpers: join lines, mark a caret with `$|$` (YAML uses `|` itself), read an example.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, type GpaiDocument } from '../../server/src/engine';
import { parseGpai } from './engine';

export const CARET = '$|$';
export const ROOT = join(__dirname, '..', '..', '..');

export function lines(...parts: string[]): string {
  return parts.join('\n') + '\n';
}

/** Text with one `$|$` caret: the text without it, and the caret's offset and position. */
export function withCaret(marked: string): {
  text: string;
  offset: number;
  position: { line: number; character: number };
  doc: GpaiDocument;
} {
  const offset = marked.indexOf(CARET);
  if (offset < 0) throw new Error('no $|$ caret in the test text');
  const text = marked.slice(0, offset) + marked.slice(offset + CARET.length);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return {
    text,
    offset,
    position: { line: before.length - 1, character: before[before.length - 1].length },
    doc: parseGpai(text),
  };
}

export function example(name: string): string {
  return readFileSync(join(ROOT, 'examples', name), 'utf8');
}

export function parse(text: string): GpaiDocument {
  return parseGpai(text, 'file:///test.gpai.yaml', 1);
}

/** Replace the first occurrence of `from` (which must exist) with `to`. */
export function edit(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`test edit: ${String(from)} not found`);
  return text.replace(from, to);
}

/** "Section 7 Computational resources (during training)": a section of the form as the outline names it. */
export function sectionTitle(number: number): string {
  return `Section ${number} ${catalogue.formSections.find((s) => s.number === number)!.title}`;
}
