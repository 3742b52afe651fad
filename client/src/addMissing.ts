/**
 * "Add the missing item", from wherever the writer asks (the coverage tree, the preview's "Add…", a code
 * lens): find the server's diagnostic about it (its `data.id` names the item, else an enclosing block that is
 * missing whole), show where the answer goes, and apply the server's quick-fix for exactly that diagnostic.
 * With no single fix, the editor's quick-fix menu opens there; for a key written empty (nothing to insert), the
 * cursor goes where its answer is typed and suggestions open. One flow, so that every entry point adds an
 * item the same way.
 */
import * as vscode from 'vscode';
import { answerColumn, firstKeyLine } from './answerColumn';

/** The server's quick-fixes for exactly one of its diagnostics. */
export type FixSource = (uri: vscode.Uri, diagnostic: vscode.Diagnostic) => Promise<vscode.CodeAction[]>;

/** What the language client keeps of a diagnostic's LSP `data`. */
type WithData = vscode.Diagnostic & { readonly data?: { readonly id?: unknown } };

/** Where the file is shown: in the editor already showing it, else beside the view that asked (the preview). */
export type Placement = 'beside' | 'active';

/** Applies the item's fix and returns true, or opens the quick-fix menu at its place and returns false. */
export async function addMissing(
  fixes: FixSource,
  uri: vscode.Uri,
  ids: readonly string[],
  near: vscode.Range | undefined,
  placement: Placement,
): Promise<boolean> {
  const diagnostic = findDiagnostic(uri, ids);
  const range = diagnostic?.range ?? near ?? new vscode.Range(0, 0, 0, 0);
  const editor = await showRange(uri, range, placement);
  const actions = diagnostic ? await fixes(uri, diagnostic) : [];
  const fix = actions.find((a) => a.isPreferred) ?? (actions.length === 1 ? actions[0] : undefined);
  if (fix && (fix.edit || fix.command)) {
    const applied = await applyFix(fix);
    if (applied) revealInserted(editor, fix.edit);
    return applied;
  }
  if (!actions.length) {
    // The key is written and empty (or holds a placeholder): nothing to insert, the answer is to type.
    focusAnswer(editor, range.start.line);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    return false;
  }
  await vscode.commands.executeCommand('editor.action.quickFix');
  return false;
}

/**
 * After a fix inserted keys, the cursor goes where the first key's answer is typed, scrolled into view: a
 * comment wrapped above the key can push it below the lines the writer was looking at.
 */
function revealInserted(editor: vscode.TextEditor, edit: vscode.WorkspaceEdit | undefined): void {
  const inserted = edit?.get(editor.document.uri).find((e) => e.range.isEmpty && firstKeyLine(e.newText) !== undefined);
  if (!inserted) return;
  const line = inserted.range.start.line + firstKeyLine(inserted.newText)!;
  if (line >= editor.document.lineCount) return;
  focusAnswer(editor, line);
  editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The cursor where the answer of the key on `line` goes: after `key: `, before any comment. */
function focusAnswer(editor: vscode.TextEditor, line: number): void {
  const text = editor.document.lineAt(line).text;
  const colon = answerColumn(text);
  const at = new vscode.Position(line, colon);
  editor.selection = new vscode.Selection(at, at);
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

/** Shows the file with `range` selected, in the editor already showing it or as `placement` says. */
export async function showRange(
  uri: vscode.Uri,
  range: vscode.Range,
  placement: Placement = 'beside',
): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? (placement === 'beside' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active),
    selection: new vscode.Selection(range.start, range.end),
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
