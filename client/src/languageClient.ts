/**
 * The language client, bundled on its own (dist/languageClient.js) and loaded by extension.ts once
 * activation has returned: how the server process starts (Node over IPC), which documents it sees, its
 * output channel and trace (`gpaiDocs.trace.server`, read by the client through its id), what happens
 * when the server crashes (a restart with a message, up to a few times, then a stop with a button to
 * restart it by hand, never a restart loop), and the requests of serverApi.ts in VS Code's types.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  CodeActionKind,
  CodeActionRequest,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CLIENT_ID, Commands, LANGUAGE_ID, Settings } from '../../shared/names';
import {
  CoverageRequest,
  NewFileTemplateRequest,
  PreviewRequest,
  WorkspaceSummaryRequest,
} from '../../shared/protocol';
import { CrashHistory } from './crashPolicy';
import type { GpaiServer } from './serverApi';

/**
 * Creates the client and starts the server; `onRunning` is called each time it (re)starts running, after a
 * restart by hand or a crash too: a new server has nothing cached, so the views ask again.
 */
export function startServer(context: vscode.ExtensionContext, onRunning: () => void): GpaiServer {
  const { client, restart, stop } = createLanguageClient(context);
  context.subscriptions.push(
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) onRunning();
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
    workspaceSummary: (files) => client.sendRequest(WorkspaceSummaryRequest, { files }),
    newFileTemplate: async (options) => (await client.sendRequest(NewFileTemplateRequest, options)).text,
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

function createLanguageClient(context: vscode.ExtensionContext) {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // One log channel for the server's messages and the protocol trace, like the built-in language servers.
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('GPAI Docs'), { log: true });
  const crashes = new CrashHistory();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: {
      // The server pulls `gpaiDocs` settings; this tells it when they change.
      configurationSection: Settings.section,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.gpai-docs.json'),
    },
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
  const client = new LanguageClient(CLIENT_ID, vscode.l10n.t('GPAI Docs'), serverOptions, clientOptions);
  context.subscriptions.push(outputChannel);
  return {
    client,
    async restart(): Promise<void> {
      crashes.reset();
      if (client.isRunning()) await client.restart();
      else await client.start();
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
