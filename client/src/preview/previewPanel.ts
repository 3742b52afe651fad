/**
 * The preview panel, after the built-in Markdown preview: one webview that shows a `.gpai.yaml` file as the
 * Model Documentation Form, follows the active editor, updates as the file changes (the page swaps its body,
 * so nothing flickers and the scroll position stays), scrolls with the editor both ways, reveals an item's
 * key on click and restores itself after a reload. It only displays the server's PreviewModel.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, Settings } from '../../../shared/names';
import type { PreviewModel, Range as ModelRange } from '../../../shared/types';
import { addMissing, showRange, type FixSource } from '../addMissing';
import { renderPreviewBody, renderPreviewNotice, renderPreviewShell } from '../../../shared/render/render';
import { toBase64 } from '../../../shared/render/sha256';
import { isPreviewAudience, type PreviewAudience } from '../../../shared/render/view';

/** The webview's type: `onWebviewPanel:gpaiDocs.preview` activates the extension to restore it. */
export const PREVIEW_VIEW_TYPE = 'gpaiDocs.preview';

/** Gets the model of a file from the server; null when the server does not know the file. */
export type ModelSource = (uri: vscode.Uri) => Promise<PreviewModel | null>;

/** What the preview asks of the language server. */
export interface PreviewServer {
  readonly model: ModelSource;
  readonly fixes: FixSource;
}

/** What the page script keeps with `setState`, and the serializer hands back after a reload. */
interface PanelState {
  readonly uri?: string;
  readonly audience?: string;
}

/** Messages from the page script (client/media/preview.js). */
type PageMessage =
  | { type: 'ready' }
  | { type: 'audience'; audience: string }
  | { type: 'reveal'; id: string }
  | { type: 'quickFix'; id: string }
  | { type: 'revealLine'; line: number };

const UPDATE_DELAY_MS = 250;
/** After one side scrolls the other, its echo is ignored for this long. */
const ECHO_MS = 300;
const AUDIENCE_KEY = 'gpaiDocs.preview.lastAudience';

/** Owns the one preview panel and the editor events it follows. */
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
    );
  }

  /** The document currently previewed, if any: the export command's default. */
  get currentUri(): vscode.Uri | undefined {
    return this.panel?.uri;
  }

  show(uri: vscode.Uri, column: vscode.ViewColumn, preserveFocus = false): void {
    if (this.panel) {
      this.panel.setDocument(uri);
      this.panel.reveal(column, preserveFocus);
      return;
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      title(uri),
      { viewColumn: column, preserveFocus },
      webviewOptions(this.context),
    );
    this.adopt(webviewPanel, uri, this.defaultAudience());
  }

  /** After a reload: the serializer hands back the panel and the page's last saved state. */
  async revive(webviewPanel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    if (!state?.uri) {
      webviewPanel.dispose();
      return;
    }
    webviewPanel.webview.options = webviewOptions(this.context);
    this.panel?.dispose();
    // The workspace's last choice is newer than the page state, which the workbench may have saved early.
    const last = this.context.workspaceState.get<string>(AUDIENCE_KEY);
    const audience = isPreviewAudience(last)
      ? last
      : isPreviewAudience(state.audience)
        ? state.audience
        : this.defaultAudience();
    this.adopt(webviewPanel, vscode.Uri.parse(state.uri), audience);
  }

  private adopt(webviewPanel: vscode.WebviewPanel, uri: vscode.Uri, audience: PreviewAudience): void {
    const panel = new PreviewPanel(webviewPanel, uri, audience, this.context.extensionUri, this.server, (a) => {
      void this.context.workspaceState.update(AUDIENCE_KEY, a);
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

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'client', 'media')],
  };
}

function title(uri: vscode.Uri): string {
  return `Preview ${uri.path.split('/').pop() ?? ''}`;
}

/** One webview showing one document at a time. */
class PreviewPanel implements vscode.Disposable {
  private model: PreviewModel | undefined;
  private timer: NodeJS.Timeout | undefined;
  private request = 0;
  private editorQuietUntil = 0;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly panel: vscode.WebviewPanel,
    public uri: vscode.Uri,
    private audience: PreviewAudience,
    private readonly extensionUri: vscode.Uri,
    private readonly server: PreviewServer,
    private readonly rememberAudience: (audience: PreviewAudience) => void,
  ) {
    panel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'client', 'media', 'icons', 'gpai-yaml-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'client', 'media', 'icons', 'gpai-yaml-dark.svg'),
    };
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: PageMessage) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.loadShell();
  }

  shows(uri: vscode.Uri): boolean {
    return uri.toString() === this.uri.toString();
  }

  reveal(column: vscode.ViewColumn, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  setDocument(uri: vscode.Uri): void {
    if (this.shows(uri)) return;
    this.uri = uri;
    this.model = undefined;
    this.panel.title = title(uri);
    void this.refresh();
  }

  setAudience(audience: PreviewAudience): void {
    this.audience = audience;
    this.post();
  }

  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), UPDATE_DELAY_MS);
  }

  /** The editor scrolled: bring the item at its top line to the top of the preview. */
  followEditor(line: number): void {
    if (Date.now() < this.editorQuietUntil || !this.panel.visible) return;
    void this.panel.webview.postMessage({ type: 'scrollToLine', line });
  }

  private loadShell(): void {
    const webview = this.panel.webview;
    const media = (name: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'client', 'media', name)).toString();
    webview.html = renderPreviewShell(this.uri.toString(), {
      audience: this.audience,
      nonce: nonce(),
      cspSource: webview.cspSource,
      styleUri: media('preview.css'),
      scriptUri: media('preview.js'),
    });
  }

  /** Asks for the model and shows it. Returns whether it is of the document's current version. */
  private async refresh(): Promise<boolean> {
    const request = ++this.request;
    const uri = this.uri;
    let model: PreviewModel | null;
    try {
      model = await this.server.model(uri);
    } catch (e) {
      if (request === this.request)
        this.postNotice(`The preview is not available: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
    if (request !== this.request) return false;
    if (!model) {
      this.postNotice('The language server has not opened this file yet; the preview follows as soon as it has.');
      return false;
    }
    this.model = model;
    this.post();
    return model.version >= (this.openDocument()?.version ?? model.version);
  }

  /** Until the server has seen the latest edit (its change notification can trail an applied edit). */
  private async refreshCurrent(): Promise<void> {
    for (let attempt = 0; attempt < 20 && !(await this.refresh()); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private openDocument(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => this.shows(d.uri));
  }

  private post(): void {
    if (!this.model) return;
    const html = renderPreviewBody(this.model, { mode: 'webview', audience: this.audience });
    void this.panel.webview.postMessage({ type: 'update', uri: this.uri.toString(), audience: this.audience, html });
  }

  private postNotice(text: string): void {
    void this.panel.webview.postMessage({
      type: 'update',
      uri: this.uri.toString(),
      audience: this.audience,
      html: renderPreviewNotice(text),
    });
  }

  private onMessage(message: PageMessage): void {
    switch (message.type) {
      case 'ready':
        if (this.model) this.post();
        else void this.refresh();
        return;
      case 'audience':
        if (!isPreviewAudience(message.audience)) return;
        this.rememberAudience(message.audience);
        this.setAudience(message.audience);
        return;
      case 'reveal':
        void this.revealItem(message.id);
        return;
      case 'quickFix':
        void this.quickFix(message.id);
        return;
      case 'revealLine':
        this.scrollEditor(message.line);
        return;
    }
  }

  /** The item clicked stays where it is in the preview: the editor's scrolling to it is not echoed back. */
  private async revealItem(id: string): Promise<void> {
    const target = this.model && locate(this.model, id);
    if (!target?.range) return;
    this.quietEditor();
    await showRange(this.uri, toRange(target.range));
    this.quietEditor();
  }

  /** Adds the missing item with the server's quick-fix, then puts the cursor where its answer goes. */
  private async quickFix(id: string): Promise<void> {
    const target = this.model && locate(this.model, id);
    this.quietEditor();
    const applied = await addMissing(
      this.server.fixes,
      this.uri,
      target?.sectionId ? [id, target.sectionId] : [id],
      target?.range && toRange(target.range),
      'beside',
    );
    this.quietEditor();
    if (!applied) return;
    await this.refreshCurrent();
    const key = this.model && locate(this.model, id)?.range;
    const editor = vscode.window.visibleTextEditors.find((e) => this.shows(e.document.uri));
    if (!key || !editor) return;
    // After `key: `, where the answer is written.
    const line = editor.document.lineAt(key.end.line);
    const at = line.range.start.translate(0, Math.min(key.end.character + 2, line.text.length));
    editor.selection = new vscode.Selection(at, at);
  }

  private quietEditor(): void {
    this.editorQuietUntil = Date.now() + ECHO_MS;
  }

  /** The preview scrolled: scroll the file's visible editor to the same item, without taking the focus. */
  private scrollEditor(line: number): void {
    if (typeof line !== 'number') return;
    const editor = vscode.window.visibleTextEditors.find((e) => this.shows(e.document.uri));
    if (!editor) return;
    this.quietEditor();
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.request++;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** Where an item, measure or the summary is in the file: its own key, else its section's. */
function locate(model: PreviewModel, id: string): { range?: ModelRange; sectionId?: string } | undefined {
  for (const section of model.sections) {
    const item = section.items.find((i) => i.id === id);
    if (item) return { range: item.range ?? section.range, sectionId: section.id };
  }
  for (const chapter of [model.copyright, model.safetyAndSecurity]) {
    for (const measure of chapter?.commitments.flatMap((c) => c.measures) ?? []) {
      if (measure.id === id) return { range: measure.range };
    }
  }
  return undefined;
}

function toRange(range: ModelRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function nonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return toBase64(bytes).replace(/[^A-Za-z0-9]/g, '');
}
