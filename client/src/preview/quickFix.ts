/**
 * The preview's "Add…" button: the server's own quick-fix for a missing item. The diagnostic the server
 * reported for the item (its `data.id` names the item, or the section when the whole section is missing)
 * is sent back in a code-action request of its own, so the fix that comes back is that diagnostic's.
 * Without one, the editor's quick-fix menu opens at the place.
 */
import * as vscode from 'vscode';

/** The server's quick-fixes for exactly one of its diagnostics. */
export type FixSource = (uri: vscode.Uri, diagnostic: vscode.Diagnostic) => Promise<vscode.CodeAction[]>;

/** What the language client keeps of a diagnostic's LSP `data`. */
type WithData = vscode.Diagnostic & { readonly data?: { readonly id?: unknown } };

/** Applies the item's fix and returns true, or opens the quick-fix menu at its place and returns false. */
export async function offerQuickFix(
  fixes: FixSource,
  uri: vscode.Uri,
  ids: readonly string[],
  fallback: vscode.Range | undefined,
): Promise<boolean> {
  const diagnostic = findDiagnostic(uri, ids);
  await showRange(uri, diagnostic?.range ?? fallback ?? new vscode.Range(0, 0, 0, 0));
  const actions = diagnostic ? await fixes(uri, diagnostic) : [];
  const fix = actions.find((a) => a.isPreferred) ?? (actions.length === 1 ? actions[0] : undefined);
  if (fix && (fix.edit || fix.command)) return applyFix(fix);
  await vscode.commands.executeCommand('editor.action.quickFix');
  return false;
}

/** The first diagnostic about the first id that has one (the item, then its section). */
function findDiagnostic(uri: vscode.Uri, ids: readonly string[]): vscode.Diagnostic | undefined {
  const all = vscode.languages.getDiagnostics(uri) as WithData[];
  for (const id of ids) {
    const found = all.find((d) => d.data?.id === id);
    if (found) return found;
  }
  return undefined;
}

async function applyFix(fix: vscode.CodeAction): Promise<boolean> {
  if (fix.edit && !(await vscode.workspace.applyEdit(fix.edit))) return false;
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  return true;
}

/** Shows the file with `range` selected, in the editor already showing it or beside the preview. */
export async function showRange(uri: vscode.Uri, range: vscode.Range): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
    selection: new vscode.Selection(range.start, range.end),
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
