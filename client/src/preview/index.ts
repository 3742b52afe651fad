/**
 * The preview's wiring: the show-preview commands, the panel serializer and the export command, all
 * reading the server's PreviewModel through one request. extension.ts calls registerPreview once.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Commands, LANGUAGE_ID } from '../../../shared/names';
import { PreviewRequest } from '../../../shared/protocol';
import { registerExport } from './exportCommand';
import { PREVIEW_VIEW_TYPE, PreviewManager, type ModelSource } from './previewPanel';

export function registerPreview(context: vscode.ExtensionContext, client: Pick<BaseLanguageClient, 'sendRequest'>): void {
  const source: ModelSource = async (uri) => {
    // Opening the document (no editor needed) makes the language client send it to the server.
    const document = await vscode.workspace.openTextDocument(uri);
    return client.sendRequest(PreviewRequest, { uri: document.uri.toString() });
  };
  const manager = new PreviewManager(context, source);
  const show = (column: vscode.ViewColumn, preserveFocus: boolean) => (arg?: unknown) => {
    const uri = arg instanceof vscode.Uri ? arg : activeDocument();
    if (uri) manager.show(uri, column, preserveFocus);
    else void vscode.window.showInformationMessage('Open a .gpai.yaml file to preview it as the Model Documentation Form.');
  };
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand(Commands.showPreview, show(vscode.ViewColumn.Active, false)),
    vscode.commands.registerCommand(Commands.showPreviewToSide, show(vscode.ViewColumn.Beside, true)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: { uri?: string; audience?: string } | undefined) => manager.revive(panel, state),
    }),
    registerExport(context, source, () => manager.currentUri),
  );
}

function activeDocument(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}
