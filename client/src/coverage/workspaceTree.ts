/**
 * The Workspace view: every `.gpai.yaml` in the workspace, open or not, with its classification, coverage
 * and problem counts, the least documented first. The client reads the files (unsaved editors as shown)
 * and the server summarises them in one request.
 */
import * as vscode from 'vscode';
import { Contexts, LANGUAGE_ID, Settings, Views } from '../../../shared/names';
import type { FileText } from '../../../shared/protocol';
import type { WorkspaceFileSummary } from '../../../shared/types';
import { workspaceRows, type FileRow } from './treeModel';

export type WorkspaceSummariser = (files: readonly FileText[]) => Promise<WorkspaceFileSummary[]>;

const GLOB = '**/*.gpai.yaml';
const EXCLUDE = '**/{node_modules,.git}/**';
const MAX_FILES = 1000;

export class WorkspaceTreeProvider implements vscode.TreeDataProvider<FileRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    private readonly summarise: WorkspaceSummariser,
    private readonly debounceMs = 1000,
  ) {}

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
    const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, MAX_FILES);
    const files = await Promise.all(uris.map(readFile));
    let summaries: WorkspaceFileSummary[];
    try {
      summaries = files.length ? await this.summarise(files.filter((f): f is FileText => !!f)) : [];
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

/** The text as the writer sees it: an open editor's (maybe unsaved) text, else the file on disk. */
async function readFile(uri: vscode.Uri): Promise<FileText | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { uri: uri.toString(), text: open.getText() };
  try {
    return { uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return undefined; // deleted between listing and reading
  }
}

export function registerWorkspaceView(summarise: WorkspaceSummariser): {
  provider: WorkspaceTreeProvider;
  disposable: vscode.Disposable;
} {
  const provider = new WorkspaceTreeProvider(summarise);
  const view = vscode.window.createTreeView(Views.workspace, { treeDataProvider: provider });
  const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
  const disposable = vscode.Disposable.from(
    provider,
    view,
    watcher,
    watcher.onDidCreate(() => provider.schedule()),
    watcher.onDidChange(() => provider.schedule()),
    watcher.onDidDelete(() => provider.schedule()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === LANGUAGE_ID && e.contentChanges.length) provider.schedule();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(Settings.severity)) provider.schedule();
    }),
  );
  return { provider, disposable };
}
