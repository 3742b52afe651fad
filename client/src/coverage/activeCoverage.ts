/**
 * The coverage report of the active `.gpai.yaml`, shared by the coverage tree and the status bar: follows
 * the active editor, asks the server again a moment after the writer stops typing, and drops answers to
 * requests that a newer one has overtaken.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../../shared/names';
import type { CoverageReport } from '../../../shared/types';

export type CoverageSource = (uri: vscode.Uri) => Promise<CoverageReport | null>;

export class ActiveCoverage implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when `report` or `uri` changes. */
  readonly onDidChange = this.changed.event;
  private currentUri: vscode.Uri | undefined;
  private currentReport: CoverageReport | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly source: CoverageSource,
    private readonly debounceMs = 300,
  ) {
    this.subscriptions = [
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.currentUri && e.document.uri.toString() === this.currentUri.toString()) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.currentUri && d.uri.toString() === this.currentUri.toString() && !vscode.window.activeTextEditor)
          this.show(undefined);
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
    let report: CoverageReport | undefined;
    try {
      report = (await this.source(uri)) ?? undefined;
    } catch {
      report = undefined; // server not running: the tree shows its welcome, the status bar hides
    }
    if (generation !== this.generation) return;
    this.currentReport = report;
    this.changed.fire();
  }
}
