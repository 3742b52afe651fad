/**
 * The preview panel: one webview that shows a `.gpai.yaml` file as the Model Documentation Form for one
 * audience, updates as the file changes (the page swaps its body, so nothing flickers and the scroll position
 * stays), scrolls with the editor both ways, reveals an item's key on click, and with its toolbar's toggle
 * marks what changed since the file's earlier version (the last commit, or the version Compare with Version…
 * picked). It only displays the server's PreviewModel and DocumentChanges; previewManager.ts owns it.
 */
import * as vscode from 'vscode';
import { Commands } from '../../../shared/names';
import type { ChangeView } from '../../../shared/render/changeMarks';
import { renderPreviewBody, renderPreviewNotice, renderPreviewShell } from '../../../shared/render/render';
import { toBase64 } from '../../../shared/render/sha256';
import { isPreviewAudience, type PreviewAudience } from '../../../shared/render/view';
import type { PreviewModel, Range as ModelRange } from '../../../shared/types';
import { addMissing, showRange, type FixSource } from '../addMissing';
import type { Baselines, ChangeSource } from '../baselines';
import { changesToggle } from './changesToggle';

/** Gets the model of a file from the server; null when the server does not know the file. */
export type ModelSource = (uri: vscode.Uri) => Promise<PreviewModel | null>;

/** What the preview asks of the language server, and where the earlier versions are kept. */
export interface PreviewServer {
  readonly model: ModelSource;
  readonly fixes: FixSource;
  readonly changes: ChangeSource;
  readonly baselines: Pick<Baselines, 'get' | 'unpick' | 'onDidChange'>;
}

/** What the page script keeps with `setState`, and the serializer hands back after a reload. */
export interface PanelState {
  readonly uri?: string;
  readonly audience?: string;
  readonly changes?: boolean;
}

/** How a panel starts, and where it keeps the writer's choices. */
export interface PanelOptions {
  readonly audience: PreviewAudience;
  readonly showChanges: boolean;
  readonly extensionUri: vscode.Uri;
  readonly server: PreviewServer;
  readonly remember: { audience(audience: PreviewAudience): void; changes(on: boolean): void };
}

/** Messages from the page script (client/media/preview.js). */
type PageMessage =
  | { type: 'ready' }
  | { type: 'audience'; audience: string }
  | { type: 'changes'; on: boolean }
  | { type: 'exportChanges' }
  | { type: 'reveal'; id: string }
  | { type: 'quickFix'; id: string }
  | { type: 'revealLine'; line: number };

const UPDATE_DELAY_MS = 250;
/** After one side scrolls the other, its echo is ignored for this long. */
const ECHO_MS = 300;

/** One webview showing one document at a time. */
export class PreviewPanel implements vscode.Disposable {
  private model: PreviewModel | undefined;
  /** What changed since the earlier version, for the audience shown; kept while the toggle is off, for its label. */
  private changes: ChangeView | undefined;
  private timer: NodeJS.Timeout | undefined;
  private request = 0;
  private changesRequest = 0;
  private editorQuietUntil = 0;
  private disposed = false;
  private audience: PreviewAudience;
  private showChanges: boolean;
  private readonly server: PreviewServer;
  private readonly extensionUri: vscode.Uri;
  private readonly disposables: vscode.Disposable[] = [];

  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'client', 'media')],
    };
  }

  static title(uri: vscode.Uri): string {
    return `Preview ${uri.path.split('/').pop() ?? ''}`;
  }

  constructor(
    private readonly panel: vscode.WebviewPanel,
    public uri: vscode.Uri,
    private readonly options: PanelOptions,
  ) {
    this.audience = options.audience;
    this.showChanges = options.showChanges;
    this.server = options.server;
    const extensionUri = (this.extensionUri = options.extensionUri);
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

  /** Another file: a version picked to compare the last one with is dropped, back to its last commit. */
  setDocument(uri: vscode.Uri): void {
    if (this.shows(uri)) return;
    this.server.baselines.unpick(this.uri);
    this.uri = uri;
    this.model = undefined;
    this.changes = undefined;
    this.panel.title = PreviewPanel.title(uri);
    void this.refresh();
  }

  setAudience(audience: PreviewAudience): void {
    this.audience = audience;
    // The changes are counted per audience: the body follows once they are.
    if (this.server.baselines.get(this.uri)) void this.refreshChanges();
    else this.post();
  }

  /** Turns the "Changes since" toggle on or off; off drops a version picked to compare with. */
  setShowChanges(on: boolean): void {
    this.showChanges = on;
    this.options.remember.changes(on);
    if (!on) this.server.baselines.unpick(this.uri);
    this.post();
  }

  /** Asks again what changed (the earlier version or the audience changed), then shows it. */
  async refreshChanges(): Promise<void> {
    const request = ++this.changesRequest;
    const changes = await this.loadChanges(this.uri);
    if (request !== this.changesRequest || this.disposed) return;
    this.changes = changes;
    this.post();
  }

  private loadChanges(uri: vscode.Uri): Promise<ChangeView | undefined> {
    return this.server.changes(uri, this.audience).catch(() => undefined);
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
      changesToggle: this.toggle(),
      nonce: nonce(),
      cspSource: webview.cspSource,
      styleUri: media('preview.css'),
      scriptUri: media('preview.js'),
    });
  }

  /** Asks for the model and shows it. Returns whether it is of the document's current version. */
  private async refresh(): Promise<boolean> {
    const request = ++this.request;
    const changesRequest = ++this.changesRequest;
    const uri = this.uri;
    let model: PreviewModel | null;
    let changes: ChangeView | undefined;
    try {
      [model, changes] = await Promise.all([this.server.model(uri), this.loadChanges(uri)]);
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
    if (changesRequest === this.changesRequest) this.changes = changes;
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
    const changes = this.showChanges ? this.changes : undefined;
    const html = renderPreviewBody(this.model, {
      mode: 'webview',
      audience: this.audience,
      ...(changes ? { changes } : {}),
    });
    this.postBody(html);
  }

  private postNotice(text: string): void {
    this.postBody(renderPreviewNotice(text));
  }

  private postBody(html: string): void {
    void this.panel.webview.postMessage({
      type: 'update',
      uri: this.uri.toString(),
      audience: this.audience,
      html,
      toggle: this.toggle(),
    });
  }

  private toggle() {
    return changesToggle(this.showChanges, this.server.baselines.get(this.uri), this.changes, vscode.l10n.t);
  }

  private onMessage(message: PageMessage): void {
    switch (message.type) {
      case 'ready':
        if (this.model) this.post();
        else void this.refresh();
        return;
      case 'audience':
        if (!isPreviewAudience(message.audience)) return;
        this.options.remember.audience(message.audience);
        this.setAudience(message.audience);
        return;
      case 'changes':
        if (typeof message.on === 'boolean') this.setShowChanges(message.on);
        return;
      case 'exportChanges':
        void vscode.commands.executeCommand(Commands.exportChanges, this.uri, this.audience);
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
    this.server.baselines.unpick(this.uri);
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
