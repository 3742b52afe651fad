/**
 * What every answer must satisfy, whatever the text: each range lies inside the document (a line that
 * exists, a character within it, start before end), edits do not overlap, a completion's range is on the
 * cursor's line around the cursor, a symbol has a name and its selection lies inside it, folding ranges
 * cover existing lines. Each check returns problems as sentences; an empty list means the answer is fine.
 */
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/engine/ranges';

export class Bounds {
  private readonly index: LineIndex;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
  }

  get lineCount(): number {
    return this.index.lineCount;
  }

  positionAt(offset: number): Position {
    return this.index.positionAt(offset);
  }

  lineLength(line: number): number {
    return this.index.lineText(line).length;
  }

  /** Whether the client could have sent this position for this text (random positions may fall outside). */
  contains(p: Position): boolean {
    return p.line >= 0 && p.line < this.lineCount && p.character >= 0 && p.character <= this.lineLength(p.line);
  }

  positionProblem(p: unknown, where: string): string | undefined {
    const pos = p as Position | undefined;
    if (!pos || !Number.isInteger(pos.line) || !Number.isInteger(pos.character))
      return `${where}: not a position: ${JSON.stringify(p)}`;
    if (pos.line < 0 || pos.line >= this.lineCount)
      return `${where}: line ${pos.line} is outside the document (${this.lineCount} lines)`;
    const length = this.lineLength(pos.line);
    if (pos.character < 0 || pos.character > length)
      return `${where}: character ${pos.character} is outside line ${pos.line} (${length} characters)`;
    return undefined;
  }

  rangeProblems(r: Range | undefined, where: string): string[] {
    if (!r) return [`${where}: no range`];
    const problems = [
      this.positionProblem(r.start, `${where} start`),
      this.positionProblem(r.end, `${where} end`),
    ].filter((p): p is string => !!p);
    if (!problems.length && compare(r.start, r.end) > 0) problems.push(`${where}: starts after it ends ${show(r)}`);
    return problems;
  }
}

export function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function show(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function isRange(value: unknown): value is Range {
  const r = value as Range | null;
  return (
    !!r &&
    typeof r === 'object' &&
    typeof r.start === 'object' &&
    typeof r.end === 'object' &&
    r.start !== null &&
    r.end !== null &&
    'line' in r.start &&
    'character' in r.end
  );
}

/** Every object shaped like a range anywhere inside `value` (models, reports, results of any kind). */
export function everyRange(bounds: Bounds, value: unknown, where: string): string[] {
  const problems: string[] = [];
  const visit = (v: unknown, path: string, depth: number): void => {
    if (!v || typeof v !== 'object' || depth > 64) return;
    if (isRange(v)) {
      problems.push(...bounds.rangeProblems(v, path));
      return;
    }
    for (const [k, child] of Object.entries(v)) visit(child, `${path}.${k}`, depth + 1);
  };
  visit(value, where, 0);
  return problems;
}

export function diagnosticProblems(bounds: Bounds, diagnostics: readonly Diagnostic[], where: string): string[] {
  return diagnostics.flatMap((d, i) => {
    const here = `${where} diagnostic ${i} (${String(d.code)})`;
    const problems = bounds.rangeProblems(d.range, here);
    if (typeof d.message !== 'string' || !d.message.trim()) problems.push(`${here}: no message`);
    else if (d.message.length > 1500) problems.push(`${here}: a message of ${d.message.length} characters`);
    if (d.code === 'rule.failed') problems.push(`${here}: a rule threw: ${d.message}`);
    return problems;
  });
}

/** Edits an editor can apply: inside the text, none overlapping another (insertions at one place are fine). */
export function editProblems(bounds: Bounds, edits: readonly TextEdit[], where: string): string[] {
  const problems = edits.flatMap((e, i) => bounds.rangeProblems(e.range, `${where} edit ${i}`));
  if (problems.length) return problems;
  const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
  for (let i = 1; i < sorted.length; i++) {
    if (compare(sorted[i].range.start, sorted[i - 1].range.end) < 0)
      problems.push(`${where}: edits overlap at ${show(sorted[i - 1].range)} and ${show(sorted[i].range)}`);
  }
  for (const e of edits) if (typeof e.newText !== 'string') problems.push(`${where}: an edit without text`);
  return problems;
}

export function codeActionProblems(
  bounds: Bounds,
  uri: string,
  actions: readonly CodeAction[],
  where: string,
): string[] {
  return actions.flatMap((a, i) => {
    const here = `${where} action ${i} "${a.title}"`;
    const problems: string[] = [];
    if (!a.title) problems.push(`${here}: no title`);
    for (const [target, edits] of Object.entries(a.edit?.changes ?? {})) {
      if (target !== uri) problems.push(`${here}: edits another document, ${target}`);
      problems.push(...editProblems(bounds, edits, here));
    }
    problems.push(...diagnosticProblems(bounds, a.diagnostics ?? [], here).filter((p) => !p.includes('a message of')));
    return problems;
  });
}

/** VS Code drops a completion whose range leaves the cursor's line or does not contain the cursor. */
export function completionProblems(
  bounds: Bounds,
  items: readonly CompletionItem[],
  position: Position,
  where: string,
): string[] {
  return items.flatMap((item, i) => {
    const here = `${where} completion ${i} "${item.label}"`;
    const problems: string[] = [];
    if (!item.label) problems.push(`${here}: no label`);
    const edit = item.textEdit;
    const ranges = !edit ? [] : 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
    for (const r of ranges) {
      const own = bounds.rangeProblems(r, here);
      problems.push(...own);
      if (
        !own.length &&
        bounds.contains(position) &&
        (r.start.line !== position.line ||
          r.end.line !== position.line ||
          compare(r.start, position) > 0 ||
          compare(position, r.end) > 0)
      ) {
        problems.push(`${here}: range ${show(r)} does not hold the cursor ${position.line}:${position.character}`);
      }
    }
    problems.push(...editProblems(bounds, item.additionalTextEdits ?? [], `${here} additional`));
    return problems;
  });
}

/** VS Code rejects a symbol without a name, or whose selection range is not inside its range. */
export function symbolProblems(bounds: Bounds, symbols: readonly DocumentSymbol[], where: string): string[] {
  return symbols.flatMap((s, i) => {
    const here = `${where} symbol ${i} "${s.name}"`;
    const problems = [
      ...bounds.rangeProblems(s.range, here),
      ...bounds.rangeProblems(s.selectionRange, `${here} selection`),
    ];
    if (typeof s.name !== 'string' || !s.name) problems.push(`${here}: no name`);
    if (
      !problems.length &&
      (compare(s.selectionRange.start, s.range.start) < 0 || compare(s.range.end, s.selectionRange.end) < 0)
    ) {
      problems.push(`${here}: selection ${show(s.selectionRange)} is not inside ${show(s.range)}`);
    }
    return [...problems, ...symbolProblems(bounds, s.children ?? [], here)];
  });
}

export function foldingProblems(bounds: Bounds, ranges: readonly FoldingRange[], where: string): string[] {
  return ranges.flatMap((f, i) =>
    f.startLine < 0 || f.startLine > f.endLine || f.endLine >= bounds.lineCount
      ? [`${where} folding ${i}: lines ${f.startLine}-${f.endLine} of ${bounds.lineCount}`]
      : [],
  );
}
