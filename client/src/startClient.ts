/**
 * The language client, whichever way its server runs (a Node process over IPC: languageClient.ts; a web
 * worker: web/languageClient.ts): which documents the server sees, its output channel and trace
 * (`gpaiDocs.trace.server`, read by the client through its id), what happens when the server crashes (a
 * restart with a message, up to a few times, then a stop with a button to restart it by hand, never a
 * restart loop), and the requests of serverApi.ts in VS Code's types.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  CodeActionKind,
  CodeActionRequest,
  ErrorAction,
  RevealOutputChannelOn,
  State,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { Commands, LANGUAGE_ID, Settings } from '../../shared/names';
import {
  ConfigFilesNotification,
  CoverageRequest,
  DiffRequest,
  NewFileTemplateRequest,
  PreviewRequest,
  PreviousVersionNotification,
  WorkspaceFilesNotification,
  WorkspaceSummaryRequest,
  type InitializationOptions,
} from '../../shared/protocol';
import { CrashHistory } from './crashPolicy';
import type { GpaiServer } from './serverApi';

/** What the extension gives the client it starts. */
export interface ClientHooks {
  /**
   * Called each time the server (re)starts running, after a restart by hand or a crash too: a new server has
   * nothing cached, so the views ask again and the files it was sent are sent again.
   */
  readonly onRunning: () => void;
  /** Read at each (re)start: what the server needs before its first check (the `.gpai-docs.json` files). */
  readonly initializationOptions: () => InitializationOptions;
}

/** Makes the language client of one platform, over its own transport, with these options. */
export type ClientFactory = (name: string, options: LanguageClientOptions) => BaseLanguageClient;

/** Creates the client with `create` and starts the server. */
export function startClient(context: vscode.ExtensionContext, hooks: ClientHooks, create: ClientFactory): GpaiServer {
  const { client, restart, stop } = createLanguageClient(context, hooks, create);
  context.subscriptions.push(
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) hooks.onRunning();
    }),
  );
  // Requests sent while it starts wait for it; a failure to start is told by initializationFailedHandler.
  client.start().catch(() => undefined);
  const c2p = client.code2ProtocolConverter;
  return {
    coverage: (uri) => client.sendRequest(CoverageRequest, { uri: uri.toString() }),
    preview: async (uri) => {
      // Opening the document (no editor needed) makes the language client send it to the server.
      const document = await vscode.workspace.openTextDocument(uri);
      return client.sendRequest(PreviewRequest, { uri: document.uri.toString() });
    },
    workspaceSummary: () => client.sendRequest(WorkspaceSummaryRequest),
    workspaceFiles: (changed, deleted) => client.sendNotification(WorkspaceFilesNotification, { changed, deleted }),
    configFiles: (files) => client.sendNotification(ConfigFilesNotification, { files }),
    newFileTemplate: async (options) => (await client.sendRequest(NewFileTemplateRequest, options)).text,
    previousVersion: (uri, text, label) =>
      client.sendNotification(PreviousVersionNotification, { uri: uri.toString(), text, label }),
    diff: async (uri, text, audience) => {
      const document = await vscode.workspace.openTextDocument(uri);
      return client.sendRequest(DiffRequest, { uri: document.uri.toString(), text, audience });
    },
    quickFixes: async (uri, diagnostic) => {
      const result = await client.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: c2p.asUri(uri) },
        range: c2p.asRange(diagnostic.range),
        context: { diagnostics: await c2p.asDiagnostics([diagnostic]), only: [CodeActionKind.QuickFix] },
      });
      const actions = await client.protocol2CodeConverter.asCodeActionResult(result ?? []);
      return actions.filter((a): a is vscode.CodeAction => typeof a.command !== 'string'); // a bare Command has a string `command`
    },
    restart,
    stop,
  };
}

function createLanguageClient(context: vscode.ExtensionContext, hooks: ClientHooks, create: ClientFactory) {
  // One log channel for the server's messages and the protocol trace, like the built-in language servers.
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('GPAI Docs'), { log: true });
  const crashes = new CrashHistory();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    // The server pulls `gpaiDocs` settings; this tells it when they change. The `.gpai-docs.json` files
    // reach it as text (configFiles.ts): a server in a web worker reads no files.
    synchronize: { configurationSection: Settings.section },
    initializationOptions: hooks.initializationOptions,
    outputChannel,
    traceOutputChannel: outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never, // the messages below offer the output instead
    errorHandler: new CrashHandler(crashes, outputChannel),
    initializationFailedHandler: (error) => {
      outputChannel.error(`initialisation failed: ${String(error?.message ?? error)}`);
      void showServerMessage(
        'error',
        vscode.l10n.t('The GPAI Docs language server could not start. See the output for details.'),
        outputChannel,
      );
      return false;
    },
  };
  const client = create(vscode.l10n.t('GPAI Docs'), clientOptions);
  context.subscriptions.push(outputChannel);
  return {
    client,
    async restart(): Promise<void> {
      crashes.reset();
      // As the Node client's restart() does; the browser client has none.
      if (client.needsStop()) await client.stop();
      await client.start();
    },
    async stop(timeoutMs = 2000): Promise<void> {
      if (client.needsStop()) await client.stop(timeoutMs);
    },
  };
}

/** Restarts a crashed server a few times, telling the writer each time, then stops restarting it. */
class CrashHandler implements ErrorHandler {
  constructor(
    private readonly crashes: CrashHistory,
    private readonly channel: vscode.LogOutputChannel,
  ) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.channel.error(`connection error: ${error.message}`);
    // A few write errors are transient; after that the connection is broken and `closed` decides.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    if (this.crashes.crashed(Date.now()) === 'restart') {
      void showServerMessage(
        'warning',
        vscode.l10n.t('The GPAI Docs language server stopped unexpectedly and was restarted.'),
        this.channel,
      );
      return { action: CloseAction.Restart, handled: true };
    }
    void showServerMessage(
      'error',
      vscode.l10n.t(
        'The GPAI Docs language server stopped unexpectedly several times and will not be restarted. Fix the cause (see the output), then restart it.',
      ),
      this.channel,
      true,
    );
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

async function showServerMessage(
  level: 'warning' | 'error',
  message: string,
  channel: vscode.LogOutputChannel,
  offerRestart = false,
): Promise<void> {
  const showOutput = vscode.l10n.t('Show Output');
  const restart = vscode.l10n.t('Restart Server');
  const buttons = offerRestart ? [restart, showOutput] : [showOutput];
  const chosen =
    level === 'error'
      ? await vscode.window.showErrorMessage(message, ...buttons)
      : await vscode.window.showWarningMessage(message, ...buttons);
  if (chosen === showOutput) channel.show(true);
  if (chosen === restart) await vscode.commands.executeCommand(Commands.restartServer);
}
