/**
 * What the extension asks of the language server, in VS Code's types. The language client (startClient.ts;
 * on the desktop 400 KB of protocol code in its own bundle, languageClient.ts) implements it; activation only
 * holds a LazyServer, which loads it once activation has returned, so that nothing the writer sees waits.
 */
import type * as vscode from 'vscode';
import type { ChangeAudience, DocumentChanges } from '../../shared/changes';
import type { FileText } from '../../shared/protocol';
import type { CoverageReport, PreviewModel, TemplateOptions, WorkspaceFileSummary } from '../../shared/types';

export interface GpaiServer {
  coverage(uri: vscode.Uri): Promise<CoverageReport | null>;
  preview(uri: vscode.Uri): Promise<PreviewModel | null>;
  /** The summaries of the files sent with `workspaceFiles`, open documents as the editor holds them. */
  workspaceSummary(): Promise<WorkspaceFileSummary[]>;
  /** Tells the server which workspace `.gpai.yaml` files changed on disk (or were saved) and which are gone. */
  workspaceFiles(changed: readonly FileText[], deleted: readonly string[]): Promise<void>;
  /** Sends every `.gpai-docs.json` of the workspace, as saved. */
  configFiles(files: readonly FileText[]): Promise<void>;
  newFileTemplate(options: TemplateOptions): Promise<string>;
  /** Sends an open file's last committed text (`null`: none), which the server checks the file against. */
  previousVersion(uri: vscode.Uri, text: string | null, label: string): Promise<void>;
  /** What changed from `text` (an earlier version) to the open file, for an audience; null if not open. */
  diff(uri: vscode.Uri, text: string, audience: ChangeAudience): Promise<DocumentChanges | null>;
  /**
   * The quick-fixes of exactly this diagnostic (asked with it alone in the context): the actions of
   * `vscode.executeCodeActionProvider` come without their diagnostics, so whose fix is whose cannot be told.
   */
  quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]>;
  /** Restarts the server by hand (the restart command); the crash count starts again. */
  restart(): Promise<void>;
  /** Stops the server and waits for it, at most `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

/** A GpaiServer that loads the real one on first use (or when `load` is called), once. */
export class LazyServer implements GpaiServer {
  private server: Promise<GpaiServer> | undefined;

  constructor(private readonly create: () => Promise<GpaiServer>) {}

  /** The language client, loaded and its server started on the first call. */
  load(): Promise<GpaiServer> {
    return (this.server ??= this.create());
  }

  coverage(uri: vscode.Uri) {
    return this.load().then((s) => s.coverage(uri));
  }
  preview(uri: vscode.Uri) {
    return this.load().then((s) => s.preview(uri));
  }
  workspaceSummary() {
    return this.load().then((s) => s.workspaceSummary());
  }
  workspaceFiles(changed: readonly FileText[], deleted: readonly string[]) {
    return this.load().then((s) => s.workspaceFiles(changed, deleted));
  }
  configFiles(files: readonly FileText[]) {
    return this.load().then((s) => s.configFiles(files));
  }
  newFileTemplate(options: TemplateOptions) {
    return this.load().then((s) => s.newFileTemplate(options));
  }
  previousVersion(uri: vscode.Uri, text: string | null, label: string) {
    return this.load().then((s) => s.previousVersion(uri, text, label));
  }
  diff(uri: vscode.Uri, text: string, audience: ChangeAudience) {
    return this.load().then((s) => s.diff(uri, text, audience));
  }
  quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic) {
    return this.load().then((s) => s.quickFixes(uri, diagnostic));
  }
  restart() {
    return this.load().then((s) => s.restart());
  }

  async stop(timeoutMs?: number): Promise<void> {
    // Never loaded: nothing to stop, and nothing to load for it.
    if (this.server) await (await this.server).stop(timeoutMs);
  }
}
