/**
 * The steps every export takes, the form's (exportCommand.ts) and the change notice's (exportChanges.ts): the
 * format, a save dialog that starts in `exports/` of the workspace folder (exportTarget.ts), the stylesheet and
 * fonts the export bundle needs, writing through `vscode.workspace.fs` (the same on the desktop, in a remote
 * window and in VS Code for the Web) and the offer to open what was written.
 */
import * as vscode from 'vscode';
import type * as Exporters from '../../../shared/render/exporters';
import type { PdfFonts } from '../../../shared/render/renderPdf';
import { previewExport, revealExport } from './exportPreview';
import { exportFolderPath } from './exportTarget';

export type Format = Exporters.ExportFormat;

const FILTERS = (): Readonly<Record<Format, Record<string, string[]>>> => ({
  html: { [vscode.l10n.t('HTML page')]: ['html'] },
  md: { Markdown: ['md'] },
  pdf: { PDF: ['pdf'] },
  docx: { [vscode.l10n.t('Word document')]: ['docx'] },
});

/** The format, in a quick pick titled `title`. */
export async function pickFormat(title: string): Promise<Format | undefined> {
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
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('In which format?') });
  return picked?.format;
}

/**
 * The save dialog titled `title`, proposing `fileName` in `exports/` of the file's workspace folder, created
 * for it if need be (a dialog cannot start in a folder that does not exist) and removed again if the writer
 * cancels and it is still empty.
 */
export async function chooseTarget(
  uri: vscode.Uri,
  title: string,
  fileName: string,
  format: Format,
): Promise<vscode.Uri | undefined> {
  const workspaceFolder =
    vscode.workspace.getWorkspaceFolder(uri) ??
    (uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0] : undefined);
  const folderPath = exportFolderPath(uri.path, workspaceFolder?.uri.path);
  const folder = folderPath === undefined ? undefined : (workspaceFolder?.uri ?? uri).with({ path: folderPath });
  const created = workspaceFolder && folder ? await createFolder(folder) : false;
  const target = await vscode.window.showSaveDialog({
    title,
    defaultUri: folder && vscode.Uri.joinPath(folder, fileName),
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
export function localDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The formats this build can write. The web extension is one file a browser loads at once: it carries the
 * HTML and Markdown renderers, and no PDF or DOCX library (esbuild.mjs defines WEB_BUILD for it and leaves
 * the export bundle out).
 */
export function formats(): readonly Format[] {
  return WEB_BUILD ? ['html', 'md'] : ['html', 'md', 'pdf', 'docx'];
}

/** What an export reads from the extension: the stylesheet an HTML page inlines, the fonts a PDF embeds. */
export interface ExportAssets {
  readonly css?: string;
  readonly fonts?: PdfFonts;
}

export async function readAssets(extensionUri: vscode.Uri, format: Format): Promise<ExportAssets> {
  const read = (...path: string[]) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...path));
  if (format === 'html') return { css: new TextDecoder().decode(await read('client', 'media', 'preview.css')) };
  if (format === 'pdf')
    return {
      fonts: {
        regular: await read('dist', 'fonts', 'Roboto-Regular.ttf'),
        bold: await read('dist', 'fonts', 'Roboto-Medium.ttf'),
      },
    };
  return {};
}

/**
 * The export bundle: dist/exporters.js, a bundle of its own (esbuild.mjs) beside dist/extension.js, required
 * on first use: the PDF and DOCX libraries are 1.5 MB, which activation would otherwise load. The web build
 * has none, and never calls this.
 */
export function loadExporters(): typeof Exporters {
  // In the web build this branch is dead, so that esbuild never looks for the bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!WEB_BUILD) return require('./exporters') as typeof Exporters;
  throw new Error('the web extension has no export bundle');
}

/** Writes the export, then offers to open it where the writer is (`message`: "Exported … to {name}."). */
export async function writeExport(target: vscode.Uri, output: string | Uint8Array, format: Format, message: string) {
  await vscode.workspace.fs.writeFile(target, typeof output === 'string' ? new TextEncoder().encode(output) : output);
  const preview = vscode.l10n.t('Open Preview');
  const reveal = vscode.l10n.t('Reveal in Explorer');
  const buttons = vscode.workspace.getWorkspaceFolder(target) ? [preview, reveal] : [preview];
  const choice = await vscode.window.showInformationMessage(message, ...buttons);
  if (choice === preview) await previewExport(target, format);
  else if (choice === reveal) await revealExport(target);
}
