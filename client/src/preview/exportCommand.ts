/**
 * `gpaiDocs.export`: the preview for one audience, written as a standalone HTML page (stylesheet inside,
 * no script, prints to PDF) or as Markdown. The downstream export is what a provider hands to the providers
 * who integrate the model (Transparency Measure 1.2).
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../../shared/names';
import type { PreviewModel } from '../../../shared/types';
import type { ModelSource } from './previewPanel';
import { renderPreviewHtml } from './render';
import { renderPreviewMarkdown } from './renderMarkdown';
import { AUDIENCE_LABELS, missingSummary, PREVIEW_AUDIENCES, type PreviewAudience } from './view';

type Format = 'html' | 'md';

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
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export the Model Documentation Form for {0}', AUDIENCE_LABELS[audience].phrase),
      defaultUri: defaultTarget(uri, audience, format),
      filters: format === 'html' ? { [vscode.l10n.t('HTML page')]: ['html'] } : { Markdown: ['md'] },
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(await render(context, model, audience, format), 'utf8'));
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

/** `kestrel-13b.gpai.yaml` -> `kestrel-13b.downstream.html` beside it. */
function defaultTarget(uri: vscode.Uri, audience: PreviewAudience, format: Format): vscode.Uri | undefined {
  if (uri.scheme === 'untitled') return undefined;
  const base = uri.path
    .split('/')
    .pop()!
    .replace(/\.gpai\.ya?ml$/i, '')
    .replace(/\.ya?ml$/i, '');
  return vscode.Uri.joinPath(uri, '..', `${base}.${audience}.${format}`);
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
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Exported the Model Documentation Form to {0}.', name ?? ''),
    open,
  );
  if (choice !== open) return;
  if (format === 'html') await vscode.env.openExternal(target);
  else await vscode.window.showTextDocument(target);
}
