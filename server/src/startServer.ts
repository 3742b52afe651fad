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
import {
  ConfigFilesNotification,
  PreviousVersionNotification,
  type ConfigFilesParams,
  type InitializationOptions,
  type PreviousVersionParams,
} from '../../shared/protocol';
import { ConfigFiles } from './configFiles';
import { ParseCache } from './documents';
import { createEngine, type EngineOptions } from './engine';
import { registerHandlers } from './handlers';
import { Lifecycle } from './params';
import { PreviousVersions } from './previousVersions';
import { SettingsStore } from './settings';
import { SupersededTexts, type CollectGarbage } from './superseded';
import { pauseBetweenRules, RequestTraffic, Validation } from './validation';

export interface ServerOptions {
  /** The longest pause to wait for within a burst of keystrokes before checking (default 150 ms). */
  readonly delayMs?: number;
  /** The engine's clock, time zone and rules (tests fix them); the server supplies the pause between rules. */
  readonly engine?: Omit<EngineOptions, 'pause'>;
  /** How to ask the runtime for a full garbage collection once superseded texts add up (superseded.ts). */
  readonly collectGarbage?: CollectGarbage;
}

export const SERVER_NAME = 'gpai-docs';

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const traffic = new RequestTraffic();
  const engine = createEngine({ ...options.engine, pause: pauseBetweenRules(traffic) });
  const cache = new ParseCache(engine, new SupersededTexts(options.collectGarbage));
  const documents = new TextDocuments(cache.documents);
  const configFiles = new ConfigFiles((message) => connection.console.warn(`gpai-docs: ${message}`));
  const settings = new SettingsStore(connection, configFiles);
  const previous = new PreviousVersions(engine);
  const validation = new Validation(
    connection,
    documents,
    cache,
    settings,
    engine,
    { delayMs: options.delayMs ?? 150 },
    previous,
  );
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
    setImmediate(() => {
      try {
        const warm = createEngine();
        warm.checkNow(warm.parse('gpai: 1\n', 'gpai-docs:warm-up'));
      } catch {
        // A rule that fails is reported on the documents it fails on, not here.
      }
    });
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

  connection.onNotification(PreviousVersionNotification.method, (p: PreviousVersionParams) => {
    if (typeof p?.uri !== 'string' || typeof p.label !== 'string' || (p.text !== null && typeof p.text !== 'string'))
      return;
    if (!previous.set(p.uri, p.text, p.label)) return;
    const document = documents.get(p.uri);
    if (document) validation.recheck(document);
  });

  // Fired on open as well as on each change.
  documents.onDidChangeContent(({ document }) => validation.changed(document));
  documents.onDidClose(({ document }) => {
    validation.forget(document.uri);
    cache.delete(document.uri);
    settings.forget(document.uri);
    previous.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  // After `shutdown`, requests are refused and no check runs; `exit` ends the process (the connection's own).
  const lifecycle = new Lifecycle();
  connection.onShutdown(() => {
    lifecycle.shutDown();
    validation.stopAll();
  });

  registerHandlers({ connection, documents, cache, settings, engine, lifecycle, previous, traffic });
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
