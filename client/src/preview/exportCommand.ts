/**
 * `gpaiDocs.export`: the preview for one audience, written as a standalone HTML page (stylesheet inside,
 * no script, prints to PDF) or as Markdown, where the writer picks in a save dialog that starts in `exports/`
 * of the workspace folder (exportTarget.ts). The downstream export is what a provider hands to the providers
 * who integrate the model (Transparency Measure 1.2). Through `vscode.workspace.fs` only: the same on the
 * desktop, in a remote window and in VS Code for the Web.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../../shared/names';
import type { PreviewModel } from '../../../shared/types';
import { previewExport, revealExport } from './exportPreview';
import { exportFileName, exportFolderPath, type ExportFormat } from './exportTarget';
import type { ModelSource } from './previewPanel';
import { renderPreviewHtml } from './render';
import { renderPreviewMarkdown } from './renderMarkdown';
import { AUDIENCE_LABELS, missingSummary, PREVIEW_AUDIENCES, type PreviewAudience } from './view';

type Format = ExportFormat;

const audienceDetail = (): Readonly<Record<PreviewAudience, string>> => ({
  all: vscode.l10n.t(
    'Every item of the form, the Copyright and Safety and Security chapters and the training-content summary',
  ),
  'ai-office': vscode.l10n.t('The items ticked for the AI Office, with the Copyright and Safety and Security chapters'),
  nca: vscode.l10n.t('The items ticked for national competent authorities'),
  downstream: vscode.l10n.t(
    'The items ticked for downstream providers: what you hand to providers who integrate the model (Transparency Measure 1.2)',
  ),
});

/** `current` names the previewed file, the default when no `.gpai.yaml` editor is active. */
export function registerExport(
  context: vscode.ExtensionContext,
  source: ModelSource,
  current: () => vscode.Uri | undefined,
): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.export, async (arg?: unknown) => {
    const uri = arg instanceof vscode.Uri ? arg : (activeDocument() ?? current());
    if (!uri) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Open a .gpai.yaml file to export its Model Documentation Form.'),
      );
      return;
    }
    const model = await source(uri);
    if (!model) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The language server has no model of this file yet; try again in a moment.'),
      );
      return;
    }
    const audience = await pickAudience(model);
    const format = audience && (await pickFormat());
    if (!audience || !format) return;
    const target = await chooseTarget(uri, audience, format);
    if (!target) return;
    await vscode.workspace.fs.writeFile(
      target,
      new TextEncoder().encode(await render(context, model, audience, format)),
    );
    await offerToOpen(target, format);
  });
}

function activeDocument(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}

async function pickAudience(model: PreviewModel): Promise<PreviewAudience | undefined> {
  const items = PREVIEW_AUDIENCES.map((a) => ({
    label: AUDIENCE_LABELS[a].long,
    description: missingSummary(model, a),
    detail: audienceDetail()[a],
    audience: a,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export the Model Documentation Form (1/2)'),
    placeHolder: vscode.l10n.t('Who is it for?'),
    matchOnDetail: true,
  });
  return picked?.audience;
}

async function pickFormat(): Promise<Format | undefined> {
  const items: (vscode.QuickPickItem & { format: Format })[] = [
    {
      label: 'HTML',
      description: vscode.l10n.t('A standalone page to send, or print to PDF from a browser'),
      format: 'html',
    },
    {
      label: 'Markdown',
      description: vscode.l10n.t('Text to paste into a repository, a wiki or an e-mail'),
      format: 'md',
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export the Model Documentation Form (2/2)'),
    placeHolder: vscode.l10n.t('In which format?'),
  });
  return picked?.format;
}

/**
 * The save dialog, starting in `exports/` of the file's workspace folder, created for it if need be (a
 * dialog cannot start in a folder that does not exist) and removed again if the writer cancels and it is
 * still empty.
 */
async function chooseTarget(
  uri: vscode.Uri,
  audience: PreviewAudience,
  format: Format,
): Promise<vscode.Uri | undefined> {
  const workspaceFolder =
    vscode.workspace.getWorkspaceFolder(uri) ??
    (uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0] : undefined);
  const folderPath = exportFolderPath(uri.path, workspaceFolder?.uri.path);
  const folder = folderPath === undefined ? undefined : (workspaceFolder?.uri ?? uri).with({ path: folderPath });
  const created = workspaceFolder && folder ? await createFolder(folder) : false;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export the Model Documentation Form for {0}', AUDIENCE_LABELS[audience].phrase),
    defaultUri: folder && vscode.Uri.joinPath(folder, exportFileName(uri.path, audience, format)),
    filters: format === 'html' ? { [vscode.l10n.t('HTML page')]: ['html'] } : { Markdown: ['md'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target && created && folder) await removeIfEmpty(folder);
  return target;
}

/** Creates the folder unless it exists; true if it was created. */
async function createFolder(folder: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(folder);
    return false;
  } catch {
    try {
      await vscode.workspace.fs.createDirectory(folder);
      return true;
    } catch {
      return false; // a read-only file system: the dialog starts where it can
    }
  }
}

async function removeIfEmpty(folder: vscode.Uri): Promise<void> {
  try {
    if ((await vscode.workspace.fs.readDirectory(folder)).length === 0) await vscode.workspace.fs.delete(folder);
  } catch {
    // gone already, or not ours to remove
  }
}

async function render(
  context: vscode.ExtensionContext,
  model: PreviewModel,
  audience: PreviewAudience,
  format: Format,
): Promise<string> {
  const generatedOn = new Date().toISOString().slice(0, 10);
  if (format === 'md') return renderPreviewMarkdown(model, { audience, generatedOn });
  const css = new TextDecoder().decode(
    await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'client', 'media', 'preview.css')),
  );
  return renderPreviewHtml(model, { audience, css, generatedOn });
}

async function offerToOpen(target: vscode.Uri, format: Format): Promise<void> {
  const name = target.path.split('/').pop();
  const preview = vscode.l10n.t('Open Preview');
  const reveal = vscode.l10n.t('Reveal in Explorer');
  const buttons = vscode.workspace.getWorkspaceFolder(target) ? [preview, reveal] : [preview];
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Exported the Model Documentation Form to {0}.', name ?? ''),
    ...buttons,
  );
  if (choice === preview) await previewExport(target, format);
  else if (choice === reveal) await revealExport(target);
}
