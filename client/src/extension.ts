/**
 * Activation and deactivation of the gpai-docs extension: wiring only.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerPreview } from './preview';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = { documentSelector: [{ language: 'gpai-yaml' }] };
  client = new LanguageClient('gpaiDocs', 'GPAI Docs', serverOptions, clientOptions);
  await client.start();
  registerPreview(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
