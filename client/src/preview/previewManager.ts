/**
 * The one preview panel and the editor events it follows, after the built-in Markdown preview: it shows the
 * active `.gpai.yaml` file, updates as the file changes, restores itself after a reload, keeps the audience
 * and the "Changes since <version>" toggle last chosen in the workspace, and is where Compare with Version…
 * shows its comparison. The panel itself is previewPanel.ts.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, Settings } from '../../../shared/names';
import { isPreviewAudience, type PreviewAudience } from '../../../shared/render/view';
import { PreviewPanel, type PanelState, type PreviewServer } from './previewPanel';

/** The webview's type: `onWebviewPanel:gpaiDocs.preview` activates the extension to restore it. */
export const PREVIEW_VIEW_TYPE = 'gpaiDocs.preview';

const AUDIENCE_KEY = 'gpaiDocs.preview.lastAudience';
const CHANGES_KEY = 'gpaiDocs.preview.showChanges';

export class PreviewManager implements vscode.Disposable {
  private panel: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly server: PreviewServer,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === LANGUAGE_ID) this.panel?.setDocument(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel?.shows(e.document.uri) && e.contentChanges.length) this.panel.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (this.panel?.shows(e.textEditor.document.uri) && e.visibleRanges.length)
          this.panel.followEditor(e.visibleRanges[0].start.line);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(Settings.audience)) return;
        void this.context.workspaceState.update(AUDIENCE_KEY, undefined);
        this.panel?.setAudience(this.defaultAudience());
      }),
      server.baselines.onDidChange((uri) => {
        if (this.panel?.shows(uri)) void this.panel.refreshChanges();
      }),
    );
  }

  /** The document currently previewed, if any: the export command's default. */
  get currentUri(): vscode.Uri | undefined {
    return this.panel?.uri;
  }

  /** `changes`: turn the "Changes since" toggle on; otherwise it stays as it was. */
  show(uri: vscode.Uri, column: vscode.ViewColumn, preserveFocus = false, changes = false): void {
    if (this.panel) {
      this.panel.setDocument(uri);
      if (changes) this.panel.setShowChanges(true);
      this.panel.reveal(column, preserveFocus);
      return;
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      PreviewPanel.title(uri),
      { viewColumn: column, preserveFocus },
      PreviewPanel.options(this.context.extensionUri),
    );
    this.adopt(webviewPanel, uri, this.defaultAudience(), changes || this.showsChanges());
  }

  /** Compare with Version…: the preview beside the editor, with the changes since the version picked marked. */
  showChanges(uri: vscode.Uri): void {
    void this.context.workspaceState.update(CHANGES_KEY, true);
    this.show(uri, vscode.ViewColumn.Beside, true, true);
  }

  /** After a reload: the serializer hands back the panel and the page's last saved state. */
  async revive(webviewPanel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    if (!state?.uri) {
      webviewPanel.dispose();
      return;
    }
    webviewPanel.webview.options = PreviewPanel.options(this.context.extensionUri);
    this.panel?.dispose();
    // The workspace's last choice is newer than the page state, which the workbench may have saved early.
    const last = this.context.workspaceState.get<string>(AUDIENCE_KEY);
    const audience = isPreviewAudience(last)
      ? last
      : isPreviewAudience(state.audience)
        ? state.audience
        : this.defaultAudience();
    this.adopt(webviewPanel, vscode.Uri.parse(state.uri), audience, this.showsChanges(state.changes));
  }

  private adopt(webviewPanel: vscode.WebviewPanel, uri: vscode.Uri, audience: PreviewAudience, changes: boolean): void {
    const panel = new PreviewPanel(webviewPanel, uri, {
      audience,
      showChanges: changes,
      extensionUri: this.context.extensionUri,
      server: this.server,
      remember: {
        audience: (a) => void this.context.workspaceState.update(AUDIENCE_KEY, a),
        changes: (on) => void this.context.workspaceState.update(CHANGES_KEY, on),
      },
    });
    webviewPanel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    this.panel = panel;
  }

  /** The audience last chosen in this workspace, else the setting. */
  private defaultAudience(): PreviewAudience {
    const last = this.context.workspaceState.get<string>(AUDIENCE_KEY);
    if (isPreviewAudience(last)) return last;
    const setting = vscode.workspace.getConfiguration().get<string>(Settings.audience);
    return isPreviewAudience(setting) ? setting : 'all';
  }

  /** Whether the changes were last shown in this workspace, else as the page last was. */
  private showsChanges(fallback = false): boolean {
    return this.context.workspaceState.get<boolean>(CHANGES_KEY) ?? fallback;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
