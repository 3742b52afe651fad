/**
 * The panel that shows a change notice (Compare with Version…): one webview beside the editor, replaced by
 * each comparison, rendering the server's DocumentChanges with the same escaping renderer as
 * `gpai-docs diff --format html`, with the preview's stylesheet and no script.
 */
import * as vscode from 'vscode';
import type { DocumentChanges } from '../../../shared/changes';
import { changeNoticeWebview } from '../../../shared/render/renderChanges';

export const CHANGES_VIEW_TYPE = 'gpaiDocs.changes';

export class ChangesPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(changes: DocumentChanges, title: string): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'client', 'media');
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        CHANGES_VIEW_TYPE,
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, localResourceRoots: [media] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    const webview = this.panel.webview;
    this.panel.title = title;
    webview.html = changeNoticeWebview(changes, {
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
    });
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
