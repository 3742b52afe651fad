/**
 * The preview's wiring: the show-preview commands, the panel serializer and the export command, over two
 * requests to the language server: the PreviewModel, and the quick-fixes of one diagnostic.
 */
import * as vscode from 'vscode';
import { CodeActionKind, CodeActionRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { Commands, LANGUAGE_ID } from '../../../shared/names';
import { PreviewRequest } from '../../../shared/protocol';
import { registerExport } from './exportCommand';
import { PREVIEW_VIEW_TYPE, PreviewManager, type PreviewServer } from './previewPanel';

export type PreviewClient = Pick<BaseLanguageClient, 'sendRequest' | 'code2ProtocolConverter' | 'protocol2CodeConverter'>;

export function registerPreview(context: vscode.ExtensionContext, client: PreviewClient): void {
  const server = previewServer(client);
  const manager = new PreviewManager(context, server);
  const show = (column: vscode.ViewColumn, preserveFocus: boolean) => (arg?: unknown) => {
    const uri = arg instanceof vscode.Uri ? arg : activeDocument();
    if (uri) manager.show(uri, column, preserveFocus);
    else void vscode.window.showInformationMessage(vscode.l10n.t('Open a .gpai.yaml file to preview it as the Model Documentation Form.'));
  };
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand(Commands.showPreview, show(vscode.ViewColumn.Active, false)),
    vscode.commands.registerCommand(Commands.showPreviewToSide, show(vscode.ViewColumn.Beside, true)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: { uri?: string; audience?: string } | undefined) => manager.revive(panel, state),
    }),
    registerExport(context, server.model, () => manager.currentUri),
  );
}

function previewServer(client: PreviewClient): PreviewServer {
  const c2p = client.code2ProtocolConverter;
  return {
    model: async (uri) => {
      // Opening the document (no editor needed) makes the language client send it to the server.
      const document = await vscode.workspace.openTextDocument(uri);
      return client.sendRequest(PreviewRequest, { uri: document.uri.toString() });
    },
    // `vscode.executeCodeActionProvider` returns actions without their diagnostics, so which fix belongs
    // to which missing item cannot be told; asking with the one diagnostic in the context can.
    fixes: async (uri, diagnostic) => {
      const result = await client.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: c2p.asUri(uri) },
        range: c2p.asRange(diagnostic.range),
        context: { diagnostics: await c2p.asDiagnostics([diagnostic]), only: [CodeActionKind.QuickFix] },
      });
      const actions = await client.protocol2CodeConverter.asCodeActionResult(result ?? []);
      return actions.filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
    },
  };
}

function activeDocument(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}
