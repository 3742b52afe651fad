/**
 * The preview's "Add…" button: the server's own quick-fix for a missing item, found through the
 * diagnostic the server reported for it (its `data.id` names the item, or the section when the whole
 * section is missing). When no single fix matches, the editor's quick-fix menu opens at that place.
 */
import * as vscode from 'vscode';

/** What the language client keeps of a diagnostic's LSP `data`. */
type WithData = vscode.Diagnostic & { readonly data?: { readonly id?: unknown } };

export async function offerQuickFix(uri: vscode.Uri, ids: readonly string[], fallback: vscode.Range | undefined): Promise<void> {
  const diagnostic = findDiagnostic(uri, ids);
  const range = diagnostic?.range ?? fallback ?? new vscode.Range(0, 0, 0, 0);
  await showRange(uri, range);
  const fix = diagnostic ? await findFix(uri, diagnostic) : undefined;
  if (fix) await applyFix(fix);
  else await vscode.commands.executeCommand('editor.action.quickFix');
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

async function findFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction | undefined> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 10);
  const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string'
    && !!(a as vscode.CodeAction).diagnostics?.some((d) => sameDiagnostic(d, diagnostic)));
  return fixes.find((a) => a.isPreferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

/** The same reported diagnostic (identity, not meaning: the server sent both). */
function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return a.range.isEqual(b.range) && a.message === b.message && String(a.code) === String(b.code);
}

async function applyFix(fix: vscode.CodeAction): Promise<void> {
  if (fix.edit) await vscode.workspace.applyEdit(fix.edit);
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
}

/** Shows the file with `range` selected, in the editor already showing it or beside the preview. */
export async function showRange(uri: vscode.Uri, range: vscode.Range): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = visible?.document ?? await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
    selection: new vscode.Selection(range.start, range.end),
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
