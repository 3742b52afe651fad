/**
 * `gpaiDocs.export`: the preview for one audience, or one of the two public documents (the training-content
 * summary, the summary of the copyright policy), written as a standalone HTML page, Markdown, PDF or DOCX.
 * The downstream export is what a provider hands to the providers who integrate the model (Transparency
 * Measure 1.2). A draft (errors, or items open for its reader) is exported only after the writer agrees.
 * The renderers load from the export bundle (dist/exporters.js) on first use; the format, the save dialog and
 * the writing are exportSteps.ts, shared with the change notice's export.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../../shared/names';
import type { PreviewModel } from '../../../shared/types';
import { DOCUMENT_TITLES, draftStatus, strictProblems, type ExportTarget } from '../../../shared/render/exportFacts';
import { exportFileName } from './exportTarget';
import {
  chooseTarget,
  loadExporters,
  localDate,
  pickFormat,
  readAssets,
  writeExport,
  type Format,
} from './exportSteps';
import { renderPreviewHtml } from '../../../shared/render/render';
import { renderPreviewMarkdown } from '../../../shared/render/renderMarkdown';
import { renderPublicHtml, renderPublicMarkdown } from '../../../shared/render/renderSummary';
import type { ModelSource } from './previewPanel';
import { AUDIENCE_LABELS, missingSummary, PREVIEW_AUDIENCES, type PreviewAudience } from '../../../shared/render/view';

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
    const format = what && (await pickFormat(vscode.l10n.t('Export (2/2)')));
    if (!what || !format || !(await confirmDraft(model, what))) return;
    const target = await chooseTarget(
      uri,
      what.document === 'form'
        ? vscode.l10n.t('Export the Model Documentation Form for {0}', AUDIENCE_LABELS[what.audience].phrase)
        : vscode.l10n.t('Export the {0}', DOCUMENT_TITLES[what.document].toLowerCase()),
      exportFileName(uri.path, what.document === 'form' ? what.audience : what.document, format),
      format,
    );
    if (!target) return;
    const output = await render(context, model, what, format);
    const name = target.path.split('/').pop() ?? '';
    await writeExport(target, output, format, vscode.l10n.t('Exported the Model Documentation Form to {0}.', name));
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

async function render(
  context: vscode.ExtensionContext,
  model: PreviewModel,
  target: ExportTarget,
  format: Format,
): Promise<string | Uint8Array> {
  const generatedOn = localDate();
  const { css, fonts } = await readAssets(context.extensionUri, format);
  // A constant of each build: esbuild leaves the export bundle out of the web one, where this branch is dead.
  if (!WEB_BUILD) return loadExporters().renderExport(model, { ...target, format, generatedOn, css, fonts });
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
