/**
 * The engine as the tests drive it: one service per set of options, with the clock fixed at TODAY (noon UTC,
 * read in UTC) so that date rules do not drift with the calendar. The functions below are the service's
 * methods under the names the tests use; nothing here reaches past the engine's API.
 */
import type { CodeActionContext, Position, Range } from 'vscode-languageserver-types';
import type { TemplateOptions } from '../../shared/types';
import {
  createEngine,
  type Code,
  type Engine,
  type GpaiDocument,
  type Rule,
  type Severities,
  type TextChange,
} from '../../server/src/engine';

/** The date the tests check against. */
export const TODAY = '2025-11-01';

export interface TestOptions {
  /** YYYY-MM-DD; default TODAY. */
  readonly today?: string;
  readonly severity?: Severities;
  readonly rules?: readonly Rule<Code>[];
}

/** A service whose today is `options.today`. */
export function testEngine(options: TestOptions = {}): Engine {
  const today = options.today ?? TODAY;
  return createEngine({
    now: () => new Date(`${today}T12:00:00Z`),
    timeZone: 'UTC',
    ...(options.severity ? { severity: options.severity } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  });
}

const shared = testEngine();

export const parseGpai = (text: string, uri?: string, version?: number): GpaiDocument =>
  shared.parse(text, uri, version);
export const reparseGpai = (previous: GpaiDocument, text: string, version: number, changes: readonly TextChange[]) =>
  shared.reparse(previous, text, version, changes);
export const getDiagnostics = (doc: GpaiDocument, options: TestOptions = {}) => testEngine(options).checkNow(doc);
export const getCodeActions = (
  doc: GpaiDocument,
  range: Range,
  context: CodeActionContext,
  options: TestOptions = {},
) => testEngine(options).codeActions(doc, range, context) ?? [];
export const getCompletions = (doc: GpaiDocument, position: Position, options: TestOptions = {}) =>
  testEngine(options).complete(doc, position)!;
export const getHover = (doc: GpaiDocument, position: Position) => shared.hover(doc, position);
export const getCoverage = (doc: GpaiDocument) => shared.coverage(doc)!;
export const getPreviewModel = (doc: GpaiDocument) => shared.preview(doc)!;
export const getDocumentSymbols = (doc: GpaiDocument) => shared.symbols(doc);
export const getFoldingRanges = (doc: GpaiDocument) => shared.folding(doc);
export const getDocumentLinks = (doc: GpaiDocument) => shared.links(doc);
export const getCodeLenses = (doc: GpaiDocument) => shared.lenses(doc);
export const newFileTemplate = (options: TemplateOptions) => testEngine({ today: options.today }).newFile(options);
