/**
 * The engine as one object, created with its options: the clock (today is the date in the writer's time
 * zone, not UTC), the rules and the severities. It parses versions and answers every feature for a parsed
 * document; the server, the CLI and the tests call only this. A check runs one rule at a time and stops
 * when its token is cancelled (a newer version arrived): the caller gets `undefined`, never stale findings.
 */
import type {
  CodeAction,
  CodeActionContext,
  CodeLens,
  CompletionList,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
} from 'vscode-languageserver-types';
import type { ChangeAudience, DocumentChanges } from '../../../shared/changes';
import type { CoverageReport, PreviewModel, TemplateOptions } from '../../../shared/types';
import { getCodeActions } from './codeActions';
import { getCompletions } from './completion';
import { getCoverage } from './coverage';
import { diffDocuments } from './diff';
import { diagnosticSteps, localDate, type DiagnosticsResult } from './diagnostics';
import { parseGpai, type GpaiDocument } from './document';
import { getHover } from './hover';
import { getCodeLenses, getDocumentLinks, getFoldingRanges } from './navigation';
import { getPreviewModel } from './preview';
import { reparseGpai, type TextChange } from './reparse';
import type { Code } from './rules';
import type { PreviousVersion, Rule, SeveritySetting } from './rules/types';
import { getDocumentSymbols } from './symbols';
import { newFileTemplate } from './template';

/** What the LSP's cancellation token offers, and all the engine reads of it. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** A token that is never cancelled. */
export const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false };

export type Severities = Readonly<Record<string, SeveritySetting>>;

export interface EngineOptions {
  /** The current moment (default: the system clock). Tests fix it. */
  readonly now?: () => Date;
  /** The writer's IANA time zone, in which "today" is counted (default: the system's). */
  readonly timeZone?: string;
  /** The rules to run instead of every rule: a rule's own tests run it alone; a fault test adds one that throws. */
  readonly rules?: readonly Rule<Code>[];
  /** Severity per code, for every document or per document URI; a check may name its own. */
  readonly severity?: Severities | ((uri: string) => Severities | undefined);
  /**
   * Awaited before each rule of a check: a server lets the requests that arrived meanwhile through (hovers,
   * completions), and a newer version cancel the check. Default: nothing to let through.
   */
  readonly pause?: () => Promise<void>;
}

export interface CheckOptions {
  readonly token?: CancellationToken;
  /** Severities for this check, instead of the engine's. */
  readonly severity?: Severities;
  /**
   * The version last committed or released (the editor's git HEAD, `check --since`): the document is then also
   * checked against it (a version number left unchanged, a history entry removed). The engine reads no git.
   */
  readonly previous?: PreviousVersion;
}

export interface Engine {
  /** Today, YYYY-MM-DD, in the writer's time zone. */
  today(): string;
  parse(text: string, uri?: string, version?: number): GpaiDocument;
  /** The next version from the previous one, sharing what did not change; the previous one is left as it was. */
  reparse(previous: GpaiDocument, text: string, version: number, changes: readonly TextChange[]): GpaiDocument;
  /** Every finding as LSP diagnostics, one rule at a time; `undefined` once the token is cancelled. */
  check(doc: GpaiDocument, options?: CheckOptions): Promise<DiagnosticsResult | undefined>;
  /** The same, at once, for a caller with nothing else to do (the CLI, a code action). */
  checkNow(doc: GpaiDocument, options?: CheckOptions): DiagnosticsResult;
  hover(doc: GpaiDocument, position: Position, token?: CancellationToken): Hover | null;
  complete(doc: GpaiDocument, position: Position, token?: CancellationToken): CompletionList | null;
  codeActions(doc: GpaiDocument, range: Range, context: CodeActionContext, options?: CheckOptions): CodeAction[] | null;
  coverage(doc: GpaiDocument, token?: CancellationToken): CoverageReport | null;
  preview(doc: GpaiDocument, token?: CancellationToken): PreviewModel | null;
  symbols(doc: GpaiDocument): DocumentSymbol[];
  folding(doc: GpaiDocument): FoldingRange[];
  links(doc: GpaiDocument): DocumentLink[];
  lenses(doc: GpaiDocument): CodeLens[];
  /** The text of a new documentation file for a kind of model. */
  newFile(options: TemplateOptions): string;
  /**
   * What changed from one version of a file to another, item by item, for everyone or for what one recipient
   * of the form receives: formatting, comments and key order are no change, the same meaning written
   * otherwise is a rewording.
   */
  diff(before: GpaiDocument, after: GpaiDocument, audience?: ChangeAudience): DocumentChanges;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const now = options.now ?? (() => new Date());
  const today = () => localDate(now(), options.timeZone);
  const severityFor = (doc: GpaiDocument, own?: Severities): Severities | undefined =>
    own ?? (typeof options.severity === 'function' ? options.severity(doc.uri) : options.severity);
  const pause = options.pause ?? (() => Promise.resolve());
  const settings = (doc: GpaiDocument, check: CheckOptions = {}) => ({
    severity: severityFor(doc, check.severity),
    today: today(),
    rules: options.rules,
    previous: check.previous,
  });
  const live = (token: CancellationToken | undefined) => !token?.isCancellationRequested;

  return {
    today,
    parse: (text, uri, version) => parseGpai(text, uri, version),
    reparse: (previous, text, version, changes) => reparseGpai(previous, text, version, changes),
    async check(doc, check = {}) {
      const steps = diagnosticSteps(doc, settings(doc, check));
      // A pause before the first rule too: what arrived while this version was parsed goes first.
      for (;;) {
        await pause();
        if (!live(check.token)) return undefined;
        const step = steps.next();
        if (step.done) return step.value;
      }
    },
    checkNow(doc, check = {}) {
      const steps = diagnosticSteps(doc, settings(doc, check));
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
      }
    },
    hover: (doc, position, token) => (live(token) ? getHover(doc, position) : null),
    complete: (doc, position, token) => (live(token) ? getCompletions(doc, position, { today: today() }) : null),
    codeActions: (doc, range, context, check = {}) =>
      live(check.token) ? getCodeActions(doc, range, context, settings(doc, check)) : null,
    coverage: (doc, token) => (live(token) ? getCoverage(doc) : null),
    preview: (doc, token) => (live(token) ? getPreviewModel(doc) : null),
    symbols: getDocumentSymbols,
    folding: getFoldingRanges,
    links: getDocumentLinks,
    lenses: getCodeLenses,
    newFile: (template) => newFileTemplate({ today: today(), ...template }),
    diff: (before, after, audience) => diffDocuments(before, after, audience),
  };
}
