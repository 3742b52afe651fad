/**
 * Every LSP handler, listed once. Each finds the document's parse for its version and calls one engine
 * function; nothing here knows the Code of Practice.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { RequestType } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CoverageRequest, PreviewRequest } from '../../shared/protocol';
import type { ParseCache } from './documents';
import {
  getCodeActions,
  getCodeLenses,
  getCompletions,
  getCoverage,
  getDocumentLinks,
  getDocumentSymbols,
  getFoldingRanges,
  getHover,
  getPreviewModel,
  type GpaiDocument,
  type Rule,
} from './engine';
import { registerNewFileTemplate } from './newFileTemplate';
import type { SettingsStore } from './settings';
import { registerWorkspaceSummary } from './workspaceSummary';

export interface HandlerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: ParseCache;
  readonly settings: SettingsStore;
  /** Today, YYYY-MM-DD: dates offered by completion, date rules behind fix-all. */
  readonly today: () => string;
  /** The rules behind fix-all, if not every rule (tests). */
  readonly rules?: readonly Rule[];
}

export function registerHandlers(ctx: HandlerContext): void {
  const { connection } = ctx;
  const parsed = (uri: string): GpaiDocument | undefined => {
    const document = ctx.documents.get(uri);
    return document ? ctx.cache.get(document) : undefined;
  };
  const withDoc = <T>(uri: string, feature: (doc: GpaiDocument) => T, none: T): T => {
    const doc = parsed(uri);
    return doc ? feature(doc) : none;
  };

  connection.onHover(({ textDocument, position }) => withDoc(textDocument.uri, (doc) => getHover(doc, position), null));
  connection.onCompletion(({ textDocument, position }) =>
    withDoc(textDocument.uri, (doc) => getCompletions(doc, position, { today: ctx.today() }), null),
  );
  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const doc = parsed(textDocument.uri);
    if (!doc) return null;
    const { severity } = await ctx.settings.get(textDocument.uri);
    return getCodeActions(parsed(textDocument.uri) ?? doc, range, context, {
      severity,
      today: ctx.today(),
      rules: ctx.rules,
    });
  });
  connection.onDocumentSymbol(({ textDocument }) => withDoc(textDocument.uri, getDocumentSymbols, null));
  connection.onFoldingRanges(({ textDocument }) => withDoc(textDocument.uri, getFoldingRanges, null));
  connection.onDocumentLinks(({ textDocument }) => withDoc(textDocument.uri, getDocumentLinks, null));
  connection.onCodeLens(({ textDocument }) => withDoc(textDocument.uri, getCodeLenses, null));

  onRequest(connection, CoverageRequest, ({ uri }) => withDoc(uri, getCoverage, null));
  onRequest(connection, PreviewRequest, ({ uri }) => withDoc(uri, getPreviewModel, null));
  registerWorkspaceSummary(ctx);
  registerNewFileTemplate(connection);
}

/**
 * A custom request typed by its shared constant. vscode-languageserver bundles its own copy of the protocol
 * package, whose RequestType is not assignable from shared/'s, so the handler is registered by method name.
 */
function onRequest<P, R>(connection: Connection, type: RequestType<P, R, void>, handler: (params: P) => R): void {
  connection.onRequest(type.method, (params: P) => handler(params) as unknown);
}
