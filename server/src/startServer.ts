/**
 * The language server: its capabilities, synchronisation and settings; the features are in handlers.ts.
 * Documents sync incrementally; one parse per version serves every request; diagnostics follow each change
 * after a short pause, without holding up hovers and completions.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { CodeActionKinds, Settings } from '../../shared/names';
import { ConfigFilesNotification, type ConfigFilesParams, type InitializationOptions } from '../../shared/protocol';
import { ConfigFiles } from './configFiles';
import { ParseCache } from './documents';
import { getDiagnostics, parseGpai, type Rule } from './engine';
import { registerHandlers } from './handlers';
import { SettingsStore } from './settings';
import { Validation } from './validation';

export interface ServerOptions {
  /** Milliseconds between the last change and its check (default 150). */
  readonly delayMs?: number;
  /** Today, YYYY-MM-DD (default: the current date). Tests fix it. */
  readonly today?: () => string;
  /** The rules to run instead of every rule: a test adds one that throws. */
  readonly rules?: readonly Rule[];
}

export const SERVER_NAME = 'gpai-docs';

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const cache = new ParseCache();
  const documents = new TextDocuments(cache.documents);
  const configFiles = new ConfigFiles((message) => connection.console.warn(`gpai-docs: ${message}`));
  const settings = new SettingsStore(connection, configFiles);
  const validation = new Validation(connection, documents, cache, settings, {
    delayMs: options.delayMs ?? 150,
    today,
    rules: options.rules,
  });
  let registerConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    const workspace = params.capabilities.workspace;
    settings.canPull = !!workspace?.configuration;
    registerConfiguration = !!workspace?.didChangeConfiguration?.dynamicRegistration;
    configFiles.set((params.initializationOptions as InitializationOptions | undefined)?.configFiles ?? []);
    return { capabilities: capabilities(), serverInfo: { name: SERVER_NAME } };
  });

  connection.onInitialized(() => {
    if (registerConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: Settings.section });
    // The shape validator compiles its schema on first use (~250 ms): pay it now, not on the first file.
    setImmediate(() => getDiagnostics(parseGpai('gpai: 1\n', 'gpai-docs:warm-up')));
  });

  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    settings.changed((pushed as Record<string, unknown> | null | undefined)?.[Settings.section]);
    validation.scheduleAll();
  });

  // By method name: see newFileTemplate.ts.
  connection.onNotification(ConfigFilesNotification.method, ({ files }: ConfigFilesParams) => {
    if (!configFiles.set(files ?? [])) return;
    settings.changed();
    validation.scheduleAll();
  });

  // Fired on open as well as on each change.
  documents.onDidChangeContent(({ document }) => validation.changed(document));
  documents.onDidClose(({ document }) => {
    validation.forget(document.uri);
    cache.delete(document.uri);
    settings.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  registerHandlers({ connection, documents, cache, settings, today, rules: options.rules });
  documents.listen(connection);
  connection.listen();
}

/** What the server does, as advertised at `initialize`. */
export function capabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    completionProvider: { triggerCharacters: [' ', ':'], resolveProvider: false },
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, CodeActionKinds.addMissing, CodeActionKinds.fixAll],
      resolveProvider: false,
    },
    documentSymbolProvider: { label: 'GPAI documentation' },
    foldingRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
  };
}
