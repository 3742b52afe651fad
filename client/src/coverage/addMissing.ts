/**
 * A click on a missing answer in the coverage tree: find the server's diagnostic about it (its `data.id`
 * names the item, else an enclosing block that is missing whole), show where the answer goes, and apply the
 * server's quick-fix for exactly that diagnostic. With no single fix, the editor's quick-fix menu opens there.
 */
import * as vscode from 'vscode';
import type { GpaiServer } from '../serverApi';

type WithData = vscode.Diagnostic & { readonly data?: { readonly id?: unknown } };

export type QuickFixServer = Pick<GpaiServer, 'quickFixes'>;

export async function addMissing(
  server: QuickFixServer,
  uri: vscode.Uri,
  ids: readonly string[],
  near: vscode.Range | undefined,
): Promise<void> {
  const all = vscode.languages.getDiagnostics(uri) as WithData[];
  const diagnostic = ids.map((id) => all.find((d) => d.data?.id === id)).find((d) => d !== undefined);
  const range = diagnostic?.range ?? near ?? new vscode.Range(0, 0, 0, 0);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, {
    viewColumn: visible?.viewColumn,
    selection: new vscode.Selection(range.start, range.start),
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const fix = diagnostic ? await preferredFix(server, uri, diagnostic) : undefined;
  if (fix?.edit && (await vscode.workspace.applyEdit(fix.edit))) {
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    return;
  }
  await vscode.commands.executeCommand('editor.action.quickFix');
}

/** The fix of this one diagnostic: its preferred one, or its only one. */
async function preferredFix(
  server: QuickFixServer,
  uri: vscode.Uri,
  diagnostic: vscode.Diagnostic,
): Promise<vscode.CodeAction | undefined> {
  const actions = await server.quickFixes(uri, diagnostic);
  return actions.find((a) => a.isPreferred) ?? (actions.length === 1 ? actions[0] : undefined);
}
