/**
 * Every LSP handler, listed once. Each finds the document's parse for its version and calls one engine
 * function; nothing here knows the Code of Practice.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { RequestType } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CoverageRequest, DiffRequest, PreviewRequest } from '../../shared/protocol';
import type { ParseCache } from './documents';
import type { Engine, GpaiDocument } from './engine';
import { registerNewFileTemplate } from './newFileTemplate';
import { checked, type Lifecycle, type ParamsShape } from './params';
import type { PreviousVersions } from './previousVersions';
import type { SettingsStore } from './settings';
import type { RequestTraffic } from './validation';
import { registerWorkspaceSummary } from './workspaceSummary';

export interface HandlerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: ParseCache;
  readonly settings: SettingsStore;
  readonly engine: Engine;
  /** Refuses requests after `shutdown`. */
  readonly lifecycle: Lifecycle;
  /** The last committed text of open documents, as the client sent it. */
  readonly previous: PreviousVersions;
  /** Counts the requests answered from a document, so that a check's pause lets them all through. */
  readonly traffic: RequestTraffic;
}

export function registerHandlers(ctx: HandlerContext): void {
  const { connection } = ctx;
  const parsed = (uri: string): GpaiDocument | undefined => {
    ctx.traffic.answered++;
    const document = ctx.documents.get(uri);
    return document ? ctx.cache.get(document) : undefined;
  };
  const withDoc = <T>(uri: string, feature: (doc: GpaiDocument) => T, none: T): T => {
    const doc = parsed(uri);
    return doc ? feature(doc) : none;
  };
  /** The request's parameters, once checked against their shape and while the server runs. */
  const params = <P>(p: P, shape: ParamsShape): P => {
    ctx.lifecycle.assertRunning();
    return checked(p, shape);
  };

  const { engine } = ctx;
  connection.onHover((p, token) => {
    const { textDocument, position } = params(p, 'position');
    return withDoc(textDocument.uri, (doc) => engine.hover(doc, position, token), null);
  });
  connection.onCompletion((p, token) => {
    const { textDocument, position } = params(p, 'position');
    return withDoc(textDocument.uri, (doc) => engine.complete(doc, position, token), null);
  });
  connection.onCodeAction(async (p, token) => {
    const { textDocument, range, context } = params(p, 'codeAction');
    if (!parsed(textDocument.uri)) return null;
    const { severity } = await ctx.settings.get(textDocument.uri);
    // The settings may have taken a while: answer for the version the client has now.
    const doc = parsed(textDocument.uri);
    const previous = ctx.previous.get(textDocument.uri);
    return doc ? engine.codeActions(doc, range, context, { severity, token, previous }) : null;
  });
  connection.onDocumentSymbol((p) => withDoc(params(p, 'document').textDocument.uri, engine.symbols, null));
  connection.onFoldingRanges((p) => withDoc(params(p, 'document').textDocument.uri, engine.folding, null));
  connection.onDocumentLinks((p) => withDoc(params(p, 'document').textDocument.uri, engine.links, null));
  connection.onCodeLens((p) => withDoc(params(p, 'document').textDocument.uri, engine.lenses, null));

  onRequest(connection, CoverageRequest, (p) => withDoc(params(p, 'uri').uri, (doc) => engine.coverage(doc), null));
  onRequest(connection, PreviewRequest, (p) => withDoc(params(p, 'uri').uri, (doc) => engine.preview(doc), null));
  onRequest(connection, DiffRequest, (p) => {
    const { uri, text, audience } = params(p, 'diff');
    // The views ask on each edit, mostly against the last commit, which the server has parsed already.
    const previous = ctx.previous.get(uri)?.doc;
    const earlier = () => (previous?.text === text ? previous : engine.parse(text, `${uri}#earlier`));
    return withDoc(uri, (doc) => engine.diff(earlier(), doc, audience), null);
  });
  registerWorkspaceSummary(ctx);
  registerNewFileTemplate(connection, engine);
}

/**
 * A custom request typed by its shared constant. vscode-languageserver bundles its own copy of the protocol
 * package, whose RequestType is not assignable from shared/'s, so the handler is registered by method name.
 */
function onRequest<P, R>(connection: Connection, type: RequestType<P, R, void>, handler: (params: P) => R): void {
  connection.onRequest(type.method, (params: P) => handler(params) as unknown);
}
