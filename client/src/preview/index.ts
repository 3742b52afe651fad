/**
 * The preview's wiring: the show-preview commands, the panel serializer and the two export commands (the form,
 * the change notice), over the language server's requests (the PreviewModel, the quick-fixes of one
 * diagnostic, what changed since an earlier version) and the earlier versions kept in baselines.ts.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../../shared/names';
import { changeSource, type Baselines } from '../baselines';
import type { GpaiServer } from '../serverApi';
import { registerExport } from './exportCommand';
import { registerExportChanges } from './exportChanges';
import { PREVIEW_VIEW_TYPE, PreviewManager } from './previewManager';
import type { PanelState, PreviewServer } from './previewPanel';

/** Registers the preview; returns its manager, where Compare with Version… shows a comparison. */
export function registerPreview(
  context: vscode.ExtensionContext,
  languageServer: Pick<GpaiServer, 'preview' | 'quickFixes' | 'diff'>,
  baselines: Baselines,
): PreviewManager {
  const server: PreviewServer = {
    model: (uri) => languageServer.preview(uri),
    fixes: (uri, diagnostic) => languageServer.quickFixes(uri, diagnostic),
    changes: changeSource(baselines, languageServer),
    baselines,
  };
  const manager = new PreviewManager(context, server);
  const show = (column: vscode.ViewColumn, preserveFocus: boolean) => (arg?: unknown) => {
    const uri = arg instanceof vscode.Uri ? arg : activeDocument();
    if (uri) manager.show(uri, column, preserveFocus);
    else
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open a .gpai.yaml file to preview it as the Model Documentation Form.'),
      );
  };
  const current = () => manager.currentUri;
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand(Commands.showPreview, show(vscode.ViewColumn.Active, false)),
    vscode.commands.registerCommand(Commands.showPreviewToSide, show(vscode.ViewColumn.Beside, true)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: PanelState | undefined) => manager.revive(panel, state),
    }),
    registerExport(context, server.model, current),
    registerExportChanges(context, languageServer, baselines, current),
  );
  return manager;
}

function activeDocument(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}
