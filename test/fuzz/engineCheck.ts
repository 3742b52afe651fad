/**
 * One fuzz document through the engine, as the CLI and the server use it: parse, diagnostics, preview,
 * coverage, outline, folding, links, lenses, and hover, completion and code actions at random positions.
 * Nothing may throw, and every range must lie inside the text.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { type GpaiDocument } from '../../server/src/engine';
import {
  getCodeActions,
  getCodeLenses,
  getCompletions,
  getCoverage,
  getDiagnostics,
  getDocumentLinks,
  getDocumentSymbols,
  getFoldingRanges,
  getHover,
  getPreviewModel,
  parseGpai,
} from '../helpers/engine';
import { TODAY } from '../helpers/diagnostics';
import {
  Bounds,
  codeActionProblems,
  completionProblems,
  diagnosticProblems,
  everyRange,
  foldingProblems,
  symbolProblems,
} from './invariants';
import type { Random } from './random';

export const FUZZ_URI = 'file:///fuzz/document.gpai.yaml';

export interface CheckResult {
  readonly problems: string[];
  /** Feature calls (engine) or requests (server) answered. */
  readonly answered: number;
}

/** Positions for requests: mostly inside the text, some past a line's end or the last line, as stale clients send. */
export function randomPositions(rnd: Random, bounds: Bounds, count: number): Position[] {
  return Array.from({ length: count }, () => {
    if (rnd.chance(0.08)) return { line: rnd.int(0, bounds.lineCount + 3), character: rnd.int(0, 400) };
    const line = rnd.int(0, bounds.lineCount - 1);
    return { line, character: rnd.int(0, bounds.lineLength(line)) };
  });
}

export function randomRange(rnd: Random, bounds: Bounds): Range {
  const [a, b] = randomPositions(rnd, bounds, 2);
  return a.line < b.line || (a.line === b.line && a.character <= b.character)
    ? { start: a, end: b }
    : { start: b, end: a };
}

export function checkWithEngine(text: string, rnd: Random): CheckResult {
  const bounds = new Bounds(text);
  const problems: string[] = [];
  let answered = 0;
  const call = <T>(name: string, f: () => T, verify: (result: T) => string[]): void => {
    try {
      const result = f();
      answered++;
      problems.push(...verify(result));
    } catch (e) {
      problems.push(`engine ${name} threw: ${stackOf(e)}`);
    }
  };
  let doc: GpaiDocument;
  try {
    doc = parseGpai(text, FUZZ_URI, 1);
  } catch (e) {
    return { problems: [`engine parse threw: ${stackOf(e)}`], answered: 0 };
  }
  const today = TODAY;
  let diagnostics = getDiagnosticsSafely(doc, problems);
  if (diagnostics) answered++;
  diagnostics ??= [];
  problems.push(...diagnosticProblems(bounds, diagnostics, 'engine'));
  call(
    'preview',
    () => getPreviewModel(doc),
    (m) => everyRange(bounds, m, 'engine preview'),
  );
  call(
    'coverage',
    () => getCoverage(doc),
    (c) => everyRange(bounds, c, 'engine coverage'),
  );
  call(
    'symbols',
    () => getDocumentSymbols(doc),
    (s) => symbolProblems(bounds, s, 'engine'),
  );
  call(
    'folding',
    () => getFoldingRanges(doc),
    (f) => foldingProblems(bounds, f, 'engine'),
  );
  call(
    'links',
    () => getDocumentLinks(doc),
    (l) => everyRange(bounds, l, 'engine links'),
  );
  call(
    'lenses',
    () => getCodeLenses(doc),
    (l) => everyRange(bounds, l, 'engine lenses'),
  );
  for (const position of randomPositions(rnd, bounds, 3)) {
    call(
      `hover ${position.line}:${position.character}`,
      () => getHover(doc, position),
      (h) => everyRange(bounds, h, 'engine hover'),
    );
    call(
      `completion ${position.line}:${position.character}`,
      () => getCompletions(doc, position, { today }),
      (c) => completionProblems(bounds, c.items, position, 'engine'),
    );
  }
  const fixable = diagnostics.filter((d) => (d.data as { fix?: unknown } | undefined)?.fix);
  const contexts = [
    { diagnostics: [] },
    { diagnostics: fixable.slice(0, 6) },
    ...(fixable.length ? [{ diagnostics: [rnd.pick(fixable)] }] : []),
  ];
  for (const context of contexts) {
    call(
      'code actions',
      () => getCodeActions(doc, randomRange(rnd, bounds), context, { today }),
      (a) => codeActionProblems(bounds, FUZZ_URI, a, 'engine'),
    );
  }
  return { problems, answered };
}

function getDiagnosticsSafely(doc: GpaiDocument, problems: string[]) {
  try {
    return getDiagnostics(doc, { today: TODAY }).diagnostics;
  } catch (e) {
    problems.push(`engine diagnostics threw: ${stackOf(e)}`);
    return undefined;
  }
}

export function stackOf(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e);
}
