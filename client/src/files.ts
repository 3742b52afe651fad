/**
 * Reading workspace files for the server, which reads none itself (so that it runs in a web worker too):
 * always through `vscode.workspace.fs`, which serves local, remote and virtual file systems alike.
 */
import * as vscode from 'vscode';
import type { FileText } from '../../shared/protocol';

/** Folders never searched nor watched. */
export const EXCLUDE = '**/{node_modules,.git}/**';

/** Whether a watcher's event concerns a file under an excluded folder. */
export function isExcluded(uri: vscode.Uri): boolean {
  return /\/(node_modules|\.git)\//.test(uri.path);
}

/** The file's text as saved, or undefined if it cannot be read (deleted between listing and reading). */
export async function readSaved(uri: vscode.Uri): Promise<FileText | undefined> {
  try {
    return { uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return undefined;
  }
}
