/**
 * Opening an export where the writer is, in desktop VS Code and in VS Code for the Web alike (no
 * `openExternal` on a `file:` URI, which a browser cannot open): Markdown in the editor's own Markdown
 * preview, an HTML page in a webview of its own, and either revealed in the Explorer.
 */
import * as vscode from 'vscode';
import type { ExportFormat } from './exportTarget';

/** The webview type of an exported page's preview (not restored after a reload: the file is at hand). */
const PAGE_VIEW_TYPE = 'gpaiDocs.exportedPage';

/**
 * Shows the export: the page or the Markdown preview; a PDF or Word document in the program the system opens
 * it with, on a local disk, and otherwise in the Explorer (a browser cannot open a file of the workspace).
 */
export async function previewExport(target: vscode.Uri, format: ExportFormat): Promise<void> {
  if (format === 'pdf' || format === 'docx') {
    if (target.scheme === 'file') await vscode.env.openExternal(target);
    else await revealExport(target);
    return;
  }
  if (format === 'md') {
    try {
      await vscode.commands.executeCommand('markdown.showPreview', target);
    } catch {
      await vscode.window.showTextDocument(target); // the built-in Markdown extension is disabled
    }
    return;
  }
  const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  const name = target.path.split('/').pop() ?? target.path;
  // The page as exported: its own CSP allows its stylesheet (by hash) and nothing else; no script, no
  // local resource.
  const panel = vscode.window.createWebviewPanel(PAGE_VIEW_TYPE, name, vscode.ViewColumn.Active, {
    enableScripts: false,
    localResourceRoots: [],
  });
  panel.webview.html = html;
}

/** Selects the export in the Explorer, when it is inside the workspace. */
export async function revealExport(target: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('revealInExplorer', target);
}
