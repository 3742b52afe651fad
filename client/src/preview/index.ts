/**
 * The preview's wiring: the show-preview commands, the panel serializer and the export command, over two
 * requests to the language server: the PreviewModel, and the quick-fixes of one diagnostic.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../../shared/names';
import type { GpaiServer } from '../serverApi';
import { registerExport } from './exportCommand';
import { PREVIEW_VIEW_TYPE, PreviewManager, type PreviewServer } from './previewPanel';

export function registerPreview(
  context: vscode.ExtensionContext,
  languageServer: Pick<GpaiServer, 'preview' | 'quickFixes'>,
): void {
  const server: PreviewServer = {
    model: (uri) => languageServer.preview(uri),
    fixes: (uri, diagnostic) => languageServer.quickFixes(uri, diagnostic),
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
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand(Commands.showPreview, show(vscode.ViewColumn.Active, false)),
    vscode.commands.registerCommand(Commands.showPreviewToSide, show(vscode.ViewColumn.Beside, true)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: { uri?: string; audience?: string } | undefined) =>
        manager.revive(panel, state),
    }),
    registerExport(context, server.model, () => manager.currentUri),
  );
}

function activeDocument(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}
