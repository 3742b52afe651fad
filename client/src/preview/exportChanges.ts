/**
 * `gpaiDocs.exportChanges` (GPAI Docs: Export Change Notice…): what changed since the file's earlier version
 * (its last commit, or the version Compare with Version… picked) for one audience, written like the form's
 * export as HTML, Markdown, PDF or DOCX: the notice a provider sends with an update (Transparency Measure 1.2).
 * The preview's banner runs it for the audience it shows.
 */
import * as vscode from 'vscode';
import type { ChangeAudience, DocumentChanges } from '../../../shared/changes';
import { Commands, LANGUAGE_ID } from '../../../shared/names';
import { countsLine, sinceVersion } from '../../../shared/render/changeWords';
import { changeNoticeHtml, changeNoticeMarkdown } from '../../../shared/render/renderChanges';
import { AUDIENCE_LABELS, isPreviewAudience, PREVIEW_AUDIENCES } from '../../../shared/render/view';
import type { Baseline, Baselines } from '../baselines';
import type { GpaiServer } from '../serverApi';
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

/** `current` names the previewed file, the default when no `.gpai.yaml` editor is active. */
export function registerExportChanges(
  context: vscode.ExtensionContext,
  server: Pick<GpaiServer, 'diff'>,
  baselines: Pick<Baselines, 'get'>,
  current: () => vscode.Uri | undefined,
): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.exportChanges, async (arg?: unknown, audienceArg?: unknown) => {
    const uri = arg instanceof vscode.Uri ? arg : (activeDocument() ?? current());
    if (!uri) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a .gpai.yaml file to export what changed in it.'));
      return;
    }
    const base = baselines.get(uri);
    if (!base) {
      await offerCompare(uri);
      return;
    }
    const changes = isPreviewAudience(audienceArg)
      ? await server.diff(uri, base.text, audienceArg)
      : await pickAudience(uri, base, server);
    const format = changes && (await pickFormat(vscode.l10n.t('Export the Change Notice (2/2)')));
    if (!changes || !format) return;
    const since = sinceVersion(changes.old, base.label);
    const target = await chooseTarget(
      uri,
      vscode.l10n.t('Export the change notice for {0}', AUDIENCE_LABELS[changes.audience].phrase),
      exportFileName(uri.path, `changes-since-${since.replace(/[^\w.-]+/g, '-')}.${changes.audience}`, format),
      format,
    );
    if (!target) return;
    const output = await render(context.extensionUri, changes, format, {
      old: base.label,
      new: vscode.workspace.asRelativePath(uri),
    });
    const name = target.path.split('/').pop() ?? '';
    await writeExport(target, output, format, vscode.l10n.t('Exported the change notice to {0}.', name));
  });
}

function activeDocument(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}

async function offerCompare(uri: vscode.Uri): Promise<void> {
  const compare = vscode.l10n.t('Compare with Version…');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      'No earlier version of this file is known: it is not committed to git, or the workspace is not trusted. Pick a version to compare it with first.',
    ),
    compare,
  );
  if (choice === compare) await vscode.commands.executeCommand(Commands.compareWithVersion, uri);
}

/** The audience, each with what changed for it; resolves to those changes. */
async function pickAudience(
  uri: vscode.Uri,
  base: Baseline,
  server: Pick<GpaiServer, 'diff'>,
): Promise<DocumentChanges | undefined> {
  const all = await Promise.all(PREVIEW_AUDIENCES.map((a: ChangeAudience) => server.diff(uri, base.text, a)));
  const items = all.flatMap((changes) =>
    changes ? [{ label: AUDIENCE_LABELS[changes.audience].long, description: countsLine(changes), changes }] : [],
  );
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export the Change Notice (1/2)'),
    placeHolder: vscode.l10n.t('What changed for whom?'),
  });
  return picked?.changes;
}

async function render(
  extensionUri: vscode.Uri,
  changes: DocumentChanges,
  format: Format,
  sources: { readonly old: string; readonly new: string },
): Promise<string | Uint8Array> {
  const generatedOn = localDate();
  const { css, fonts } = await readAssets(extensionUri, format);
  // A constant of each build: the web one has no export bundle, and writes HTML and Markdown only.
  if (!WEB_BUILD) return loadExporters().renderNoticeExport(changes, { format, sources, generatedOn, css, fonts });
  return format === 'md'
    ? changeNoticeMarkdown(changes, { sources, generatedOn })
    : changeNoticeHtml(changes, { sources, generatedOn, css });
}
