/**
 * Offsets <-> LSP positions. One line index per document version; conversions are binary searches, never
 * rescans. Line breaks are \n, \r\n and \r, as in vscode-languageserver-textdocument; characters are
 * UTF-16 code units, as LSP counts them.
 */
import type { Position, Range } from 'vscode-languageserver-types';

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: number[];

  /** `starts`, when given, must be the line starts of `text` (reparse.ts moves them instead of scanning). */
  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    this.starts = starts ?? LineIndex.scan(text);
  }

  private static scan(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset between the \r and \n of a line break is the end of its line.
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.max(start, Math.min(start + position.character, this.lineEnd(position.line)));
  }

  /** Offset just after the last character of a line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The line break the file uses: edits insert the same (\r\n if any, \r in a file of lone \r, else \n). */
  get eol(): string {
    if (this.text.includes('\r\n')) return '\r\n';
    return this.text.includes('\r') && !this.text.includes('\n') ? '\r' : '\n';
  }
}

export function containsPosition(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
