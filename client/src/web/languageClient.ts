/**
 * The web language client (VS Code for the Web, and any web worker extension host): the server is
 * dist/web/server.js in a Web Worker, over postMessage. The worker is served from the extension's own
 * origin, as VS Code for the Web serves extensions; nothing here needs Node.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CLIENT_ID } from '../../../shared/names';
import type { GpaiServer } from '../serverApi';
import { startClient, type ClientHooks } from '../startClient';

/** The web worker constructor of the extension host (the project compiles without the DOM library). */
declare const Worker: new (url: string, options?: { name?: string }) => object;

export function startServer(context: vscode.ExtensionContext, hooks: ClientHooks): GpaiServer {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  return startClient(context, hooks, (name, options) => {
    const worker = new Worker(main.toString(true), { name: 'gpai-docs language server' });
    return new LanguageClient(CLIENT_ID, name, worker, options);
  });
}
