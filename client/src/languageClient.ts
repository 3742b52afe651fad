/**
 * The desktop (Node) language client, bundled on its own (dist/languageClient.js) and loaded by extension.ts
 * once activation has returned: the server is dist/server.js in a Node process, over IPC, started with the
 * options of shared/serverProcess.ts.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID } from '../../shared/names';
import { SERVER_EXEC_ARGV } from '../../shared/serverProcess';
import type { GpaiServer } from './serverApi';
import { startClient, type ClientHooks } from './startClient';

export function startServer(context: vscode.ExtensionContext, hooks: ClientHooks): GpaiServer {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009', ...SERVER_EXEC_ARGV] },
    },
  };
  return startClient(context, hooks, (name, options) => new LanguageClient(CLIENT_ID, name, serverOptions, options));
}
