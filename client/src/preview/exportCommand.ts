/**
 * `gpaiDocs.export`: the preview for one audience, or one of the two public documents (the training-content
 * summary, the summary of the copyright policy), written as a standalone HTML page, Markdown, PDF or DOCX.
 * The downstream export is what a provider hands to the providers who integrate the model (Transparency
 * Measure 1.2). A draft (errors, or items open for its reader) is exported only after the writer agrees.
 * The renderers load from the export bundle (dist/exporters.js) on first use. The writer picks where in a save
 * dialog that starts in `exports/` of the workspace folder (exportTarget.ts); written through
 * `vscode.workspace.fs` only, the same on the desktop, in a remote window and in VS Code for the Web.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../../shared/names';
import type { PreviewModel } from '../../../shared/types';
import type * as Exporters from '../../../shared/render/exporters';
import { DOCUMENT_TITLES, draftStatus, strictProblems, type ExportTarget } from '../../../shared/render/exportFacts';
import { previewExport, revealExport } from './exportPreview';
import { exportFileName, exportFolderPath } from './exportTarget';
import { renderPreviewHtml } from '../../../shared/render/render';
import { renderPreviewMarkdown } from '../../../shared/render/renderMarkdown';
import { renderPublicHtml, renderPublicMarkdown } from '../../../shared/render/renderSummary';
import type { ModelSource } from './previewPanel';
import { AUDIENCE_LABELS, missingSummary, PREVIEW_AUDIENCES, type PreviewAudience } from '../../../shared/render/view';

type Format = Exporters.ExportFormat;

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
    const what = await pickAudience(model);
    const format = what && (await pickFormat());
    if (!what || !format || !(await confirmDraft(model, what))) return;
    const target = await chooseTarget(uri, what, format);
    if (!target) return;
    const output = await render(context, model, what, format);
    await vscode.workspace.fs.writeFile(target, typeof output === 'string' ? new TextEncoder().encode(output) : output);
    await offerToOpen(target, format);
  });
}

function activeDocument(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}

/** The form for one audience, or one of the two documents a provider publishes. */
async function pickAudience(model: PreviewModel): Promise<ExportTarget | undefined> {
  const items: (vscode.QuickPickItem & { target?: ExportTarget })[] = [
    ...PREVIEW_AUDIENCES.map((a) => ({
      label: AUDIENCE_LABELS[a].long,
      description: missingSummary(model, a),
      detail: audienceDetail()[a],
      target: { document: 'form' as const, audience: a },
    })),
    { label: vscode.l10n.t('Public documents'), kind: vscode.QuickPickItemKind.Separator },
    {
      label: vscode.l10n.t('Public summary of training content'),
      detail: vscode.l10n.t("AI Act Art. 53(1)(d), laid out as the AI Office's template: to publish"),
      target: { document: 'summary', audience: 'all' },
    },
    {
      label: vscode.l10n.t('Summary of the copyright policy'),
      detail: vscode.l10n.t('Copyright chapter, Measure 1.1: what the Code invites providers to publish'),
      target: { document: 'copyright-policy', audience: 'all' },
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export (1/2)'),
    placeHolder: vscode.l10n.t('Which document, for whom?'),
    matchOnDetail: true,
  });
  return picked?.target;
}

/** A draft is exported only if the writer says so, in a modal that names what is open. */
async function confirmDraft(model: PreviewModel, target: ExportTarget): Promise<boolean> {
  if (!draftStatus(model, target).draft) return true;
  const problems = strictProblems(model, target);
  const asDraft = vscode.l10n.t('Export as draft');
  const choice = await vscode.window.showWarningMessage(
    problems.length === 1
      ? vscode.l10n.t('This export is a draft: one problem is open. Every page will be marked DRAFT.')
      : vscode.l10n.t(
          'This export is a draft: {0} problems are open. Every page will be marked DRAFT.',
          problems.length,
        ),
    { modal: true, detail: problems.slice(0, 8).join('\n') + (problems.length > 8 ? '\n…' : '') },
    asDraft,
  );
  return choice === asDraft;
}

const FILTERS = (): Readonly<Record<Format, Record<string, string[]>>> => ({
  html: { [vscode.l10n.t('HTML page')]: ['html'] },
  md: { Markdown: ['md'] },
  pdf: { PDF: ['pdf'] },
  docx: { [vscode.l10n.t('Word document')]: ['docx'] },
});

async function pickFormat(): Promise<Format | undefined> {
  const all: (vscode.QuickPickItem & { format: Format })[] = [
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
    { label: 'PDF', description: vscode.l10n.t('A document to send, with page numbers'), format: 'pdf' },
    { label: 'DOCX', description: vscode.l10n.t('A Word document to edit or send'), format: 'docx' },
  ];
  const items = all.filter((i) => formats().includes(i.format));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export (2/2)'),
    placeHolder: vscode.l10n.t('In which format?'),
  });
  return picked?.format;
}

/**
 * The save dialog, starting in `exports/` of the file's workspace folder, created for it if need be (a
 * dialog cannot start in a folder that does not exist) and removed again if the writer cancels and it is
 * still empty.
 */
async function chooseTarget(uri: vscode.Uri, what: ExportTarget, format: Format): Promise<vscode.Uri | undefined> {
  const workspaceFolder =
    vscode.workspace.getWorkspaceFolder(uri) ??
    (uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0] : undefined);
  const folderPath = exportFolderPath(uri.path, workspaceFolder?.uri.path);
  const folder = folderPath === undefined ? undefined : (workspaceFolder?.uri ?? uri).with({ path: folderPath });
  const created = workspaceFolder && folder ? await createFolder(folder) : false;
  const target = await vscode.window.showSaveDialog({
    title:
      what.document === 'form'
        ? vscode.l10n.t('Export the Model Documentation Form for {0}', AUDIENCE_LABELS[what.audience].phrase)
        : vscode.l10n.t('Export the {0}', DOCUMENT_TITLES[what.document].toLowerCase()),
    defaultUri:
      folder &&
      vscode.Uri.joinPath(
        folder,
        exportFileName(uri.path, what.document === 'form' ? what.audience : what.document, format),
      ),
    filters: FILTERS()[format],
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

/** Today in the writer's time zone, YYYY-MM-DD. */
function localDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The web extension is one file a browser loads at once: it carries the HTML and Markdown renderers, and no
 * PDF or DOCX library (esbuild.mjs defines WEB_BUILD for it and leaves the export bundle out).
 */
/** The formats this build can write. */
function formats(): readonly Format[] {
  return WEB_BUILD ? ['html', 'md'] : ['html', 'md', 'pdf', 'docx'];
}

async function render(
  context: vscode.ExtensionContext,
  model: PreviewModel,
  target: ExportTarget,
  format: Format,
): Promise<string | Uint8Array> {
  const read = (...path: string[]) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...path));
  const generatedOn = localDate();
  const css = format === 'html' ? new TextDecoder().decode(await read('client', 'media', 'preview.css')) : undefined;
  // A constant of each build: esbuild leaves the export bundle out of the web one, where this branch is dead.
  if (!WEB_BUILD) {
    // dist/exporters.js, a bundle of its own (esbuild.mjs) beside dist/extension.js, required here on first
    // use: the PDF and DOCX libraries are 1.5 MB, which activation would otherwise load.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderExport } = require('./exporters') as typeof Exporters;
    const fonts =
      format === 'pdf'
        ? {
            regular: await read('dist', 'fonts', 'Roboto-Regular.ttf'),
            bold: await read('dist', 'fonts', 'Roboto-Medium.ttf'),
          }
        : undefined;
    return renderExport(model, { ...target, format, generatedOn, css, fonts });
  }
  return renderWebText(model, target, format === 'md' ? 'md' : 'html', css, generatedOn);
}

/** HTML or Markdown without the export bundle (and so without hyphenation): for the web extension. */
function renderWebText(
  model: PreviewModel,
  target: ExportTarget,
  format: 'html' | 'md',
  css: string | undefined,
  generatedOn: string,
): string {
  const { document, audience } = target;
  if (document !== 'form')
    return format === 'md'
      ? renderPublicMarkdown(model, { document, generatedOn })
      : renderPublicHtml(model, { document, css, generatedOn });
  return format === 'md'
    ? renderPreviewMarkdown(model, { audience, generatedOn })
    : renderPreviewHtml(model, { audience, css, generatedOn });
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
