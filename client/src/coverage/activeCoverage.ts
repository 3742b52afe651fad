/**
 * The coverage report of the active `.gpai.yaml`, shared by the coverage tree and the status bar, with what
 * changed since its earlier version when one is known (baselines.ts): follows the active editor, asks the
 * server again a moment after the writer stops typing or when the earlier version changes, and drops answers
 * to requests that a newer one has overtaken.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../../shared/names';
import type { ChangeView } from '../../../shared/render/changeMarks';
import type { CoverageReport } from '../../../shared/types';

export type CoverageSource = (uri: vscode.Uri) => Promise<CoverageReport | null>;

/** What changed in a file since its earlier version, for every recipient; undefined when none is known. */
export type ChangesSource = (uri: vscode.Uri) => Promise<ChangeView | undefined>;

/** Where the earlier versions come from, and when one changes. */
export interface ChangesOptions {
  readonly source: ChangesSource;
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

export class ActiveCoverage implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when `report`, `changes` or `uri` changes. */
  readonly onDidChange = this.changed.event;
  private currentUri: vscode.Uri | undefined;
  private currentReport: CoverageReport | undefined;
  private currentChanges: ChangeView | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly source: CoverageSource,
    private readonly earlier?: ChangesOptions,
    private readonly debounceMs = 300,
  ) {
    this.subscriptions = [
      ...(earlier
        ? [
            earlier.onDidChange((uri) => {
              if (this.shows(uri)) this.refresh();
            }),
          ]
        : []),
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.shows(e.document.uri)) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.shows(d.uri) && !vscode.window.activeTextEditor) this.show(undefined);
      }),
    ];
    this.follow();
  }

  /** The file shown, when one is. */
  get uri(): vscode.Uri | undefined {
    return this.currentUri;
  }

  get report(): CoverageReport | undefined {
    return this.currentReport;
  }

  /** What changed since the file's earlier version, when one is known. */
  get changes(): ChangeView | undefined {
    return this.currentChanges;
  }

  private shows(uri: vscode.Uri): boolean {
    return this.currentUri?.toString() === uri.toString();
  }

  /** Asks the server now (after a server restart, or from a refresh button). */
  refresh(): void {
    if (this.currentUri) void this.load(this.currentUri);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((d) => d.dispose());
  }

  /** Shows the active editor's file; with no text editor (a webview or panel has focus) keeps the last one. */
  private follow(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    if (editor.document.languageId !== LANGUAGE_ID) this.show(undefined);
    else if (editor.document.uri.toString() !== this.currentUri?.toString()) this.show(editor.document.uri);
  }

  private show(uri: vscode.Uri | undefined): void {
    this.currentUri = uri;
    this.currentReport = undefined;
    this.currentChanges = undefined;
    this.generation++;
    clearTimeout(this.timer);
    this.changed.fire();
    if (uri) void this.load(uri);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), this.debounceMs);
  }

  private async load(uri: vscode.Uri): Promise<void> {
    const generation = ++this.generation;
    const [report, changes] = await Promise.all([
      // Server not running: the tree shows its welcome, the status bar hides.
      this.source(uri).then(
        (r) => r ?? undefined,
        () => undefined,
      ),
      this.earlier?.source(uri).catch(() => undefined),
    ]);
    if (generation !== this.generation) return;
    this.currentReport = report;
    this.currentChanges = changes;
    this.changed.fire();
  }
}
