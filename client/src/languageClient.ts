/**
 * The language client: how the server process starts (Node over IPC), which documents it sees, its
 * output channel and trace (`gpaiDocs.trace.server`, read by the client through its id), and what happens
 * when the server crashes: a restart with a message, up to a few times, then a stop with a button to
 * restart it by hand (never a restart loop).
 */
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, TransportKind,
  type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { CLIENT_ID, Commands, LANGUAGE_ID, Settings } from '../../shared/names';
import { CrashHistory } from './crashPolicy';

export interface GpaiLanguageClient {
  readonly client: LanguageClient;
  /** Restarts the server by hand (the restart command); the crash count starts again. */
  restart(): Promise<void>;
  /** Stops the server and waits for it, at most `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export function createLanguageClient(context: vscode.ExtensionContext): GpaiLanguageClient {
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
      void showServerMessage('error', vscode.l10n.t('The GPAI Docs language server could not start. See the output for details.'), outputChannel);
      return false;
    },
  };
  const client = new LanguageClient(CLIENT_ID, vscode.l10n.t('GPAI Docs'), serverOptions, clientOptions);
  context.subscriptions.push(outputChannel);
  return {
    client,
    async restart() {
      crashes.reset();
      if (client.isRunning()) await client.restart();
      else await client.start();
    },
    async stop(timeoutMs = 2000) {
      if (client.needsStop()) await client.stop(timeoutMs);
    },
  };
}

/** Restarts a crashed server a few times, telling the writer each time, then stops restarting it. */
class CrashHandler implements ErrorHandler {
  constructor(private readonly crashes: CrashHistory, private readonly channel: vscode.LogOutputChannel) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.channel.error(`connection error: ${error.message}`);
    // A few write errors are transient; after that the connection is broken and `closed` decides.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    if (this.crashes.crashed(Date.now()) === 'restart') {
      void showServerMessage('warning', vscode.l10n.t('The GPAI Docs language server stopped unexpectedly and was restarted.'), this.channel);
      return { action: CloseAction.Restart, handled: true };
    }
    void showServerMessage('error', vscode.l10n.t('The GPAI Docs language server stopped unexpectedly several times and will not be restarted. Fix the cause (see the output), then restart it.'), this.channel, true);
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

async function showServerMessage(level: 'warning' | 'error', message: string, channel: vscode.LogOutputChannel, offerRestart = false): Promise<void> {
  const showOutput = vscode.l10n.t('Show Output');
  const restart = vscode.l10n.t('Restart Server');
  const buttons = offerRestart ? [restart, showOutput] : [showOutput];
  const chosen = level === 'error'
    ? await vscode.window.showErrorMessage(message, ...buttons)
    : await vscode.window.showWarningMessage(message, ...buttons);
  if (chosen === showOutput) channel.show(true);
  if (chosen === restart) await vscode.commands.executeCommand(Commands.restartServer);
}
