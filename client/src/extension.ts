/**
 * The desktop extension's entry (package.json `main`): activate.ts, with the language client in a bundle of
 * its own (dist/languageClient.js), required once activation has returned so that activation need not load it.
 */
import type * as vscode from 'vscode';
import { activateGpai } from './activate';

/** Stops the server on deactivation; set by activate. */
let stopServer: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): void {
  stopServer = activateGpai(context, async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startServer } = require('./languageClient') as typeof import('./languageClient');
    return startServer;
  });
}

export async function deactivate(): Promise<void> {
  await stopServer?.();
}
