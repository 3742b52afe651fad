/**
 * The web extension's entry (package.json `browser`), for VS Code for the Web and other web worker extension
 * hosts: activate.ts, with the language server in a Web Worker. One bundle (dist/web/extension.js): a web
 * extension host loads no module but `vscode` by `require`.
 */
import type * as vscode from 'vscode';
import { activateGpai } from '../activate';
import { startServer } from './languageClient';

let stopServer: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): void {
  stopServer = activateGpai(context, async () => startServer);
}

export async function deactivate(): Promise<void> {
  await stopServer?.();
}
