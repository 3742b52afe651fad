/**
 * The Workspace view: every `.gpai.yaml` in the workspace, open or not, with its classification, coverage
 * and problem counts, the least documented first. The files reach the server when they change
 * (workspaceFiles.ts); the server summarises each version once, unsaved editors as shown, and the view asks
 * for the summaries after a pause in typing or a change on disk.
 */
import * as vscode from 'vscode';
import { Contexts, LANGUAGE_ID, Settings, Views } from '../../../shared/names';
import type { WorkspaceFileSummary } from '../../../shared/types';
import { isExcluded } from '../files';
import { workspaceRows, type FileRow } from './treeModel';
import { GLOB, WorkspaceFileSync, type FilesSender } from './workspaceFiles';

/** What the view asks of the language server. */
export interface WorkspaceServer {
  workspaceSummary(): Promise<WorkspaceFileSummary[]>;
  workspaceFiles: FilesSender;
}

export class WorkspaceTreeProvider implements vscode.TreeDataProvider<FileRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    private readonly summarise: () => Promise<WorkspaceFileSummary[]>,
    readonly files: WorkspaceFileSync,
    private readonly debounceMs = 1000,
  ) {}

  /** Lists the files again (the refresh button, a change of workspace folders), then the view. */
  async rescan(): Promise<void> {
    await this.files.rescan().catch(() => undefined);
    this.refresh();
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.changed.fire();
  }

  /** A refresh after the writer pauses: typing in one file must not re-read the workspace per key. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), this.debounceMs);
  }

  getTreeItem(row: FileRow): vscode.TreeItem {
    const uri = vscode.Uri.parse(row.uri);
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.id = row.uri;
    item.resourceUri = uri;
    item.description = row.description;
    item.tooltip = new vscode.MarkdownString(row.tooltip);
    item.iconPath = new vscode.ThemeIcon(row.icon.id, new vscode.ThemeColor(row.icon.color));
    item.contextValue = 'gpaiDocs.workspaceFile';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    return item;
  }

  async getChildren(row?: FileRow): Promise<FileRow[]> {
    if (row || !vscode.workspace.workspaceFolders?.length) return [];
    let summaries: WorkspaceFileSummary[];
    try {
      await this.files.ensureScanned();
      summaries = await this.summarise();
    } catch {
      return []; // the server is not running yet: the view refreshes when it is
    }
    void vscode.commands.executeCommand('setContext', Contexts.workspaceScanned, true);
    return workspaceRows(summaries, (u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u)), vscode.l10n.t);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

export function registerWorkspaceView(server: WorkspaceServer): {
  provider: WorkspaceTreeProvider;
  disposable: vscode.Disposable;
} {
  const files = new WorkspaceFileSync((changed, deleted) => server.workspaceFiles(changed, deleted));
  const provider = new WorkspaceTreeProvider(() => server.workspaceSummary(), files);
  const view = vscode.window.createTreeView(Views.workspace, { treeDataProvider: provider });
  const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
  /** Sends what changed, then refreshes the view after a pause. */
  const onDisk = (uri: vscode.Uri, update: (uri: vscode.Uri) => Promise<void>) => {
    if (!isExcluded(uri))
      void update(uri).then(
        () => provider.schedule(),
        () => undefined,
      );
  };
  const disposable = vscode.Disposable.from(
    provider,
    view,
    watcher,
    watcher.onDidCreate((uri) => onDisk(uri, (u) => files.changed(u))),
    watcher.onDidChange((uri) => onDisk(uri, (u) => files.changed(u))),
    watcher.onDidDelete((uri) => onDisk(uri, (u) => files.deleted(u))),
    // A save the watcher may not report (a file system without events): the hash drops repeats.
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (d.languageId === LANGUAGE_ID && vscode.workspace.getWorkspaceFolder(d.uri))
        onDisk(d.uri, (u) => files.changed(u, d.getText()));
    }),
    // The server has the editor's text: only the view needs refreshing, after a pause in typing.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === LANGUAGE_ID && e.contentChanges.length) provider.schedule();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void provider.rescan()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(Settings.severity)) provider.schedule();
    }),
  );
  return { provider, disposable };
}
