/**
 * The workspace's `.gpai-docs.json` files, sent to the language server as text: at its start (as
 * initialization options, so that its first check applies them) and again, all of them, whenever one is
 * created, saved or deleted. The server picks the nearest one above each document.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../shared/names';
import type { FileText } from '../../shared/protocol';
import { EXCLUDE, isExcluded, readSaved } from './files';

const GLOB = `**/${CONFIG_FILE}`;
const MAX_FILES = 200;

export class ConfigFileSync implements vscode.Disposable {
  /** The files as last read. */
  current: readonly FileText[] = [];
  /** Resolves once the files have been read a first time. */
  readonly ready: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  /** `send` receives every file each time one changes. */
  constructor(
    private readonly send: (files: readonly FileText[]) => Promise<void>,
    private readonly delayMs = 100,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
    const changed = (uri: vscode.Uri) => {
      if (!isExcluded(uri)) this.schedule();
    };
    this.disposables = [
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule()),
    ];
    this.ready = this.read().then(() => undefined);
  }

  /** Reads every file again; true if any differs from what was read before. */
  private async read(): Promise<boolean> {
    const uris = vscode.workspace.workspaceFolders?.length
      ? await vscode.workspace.findFiles(GLOB, EXCLUDE, MAX_FILES)
      : [];
    const files = (await Promise.all(uris.map(readSaved))).filter((f): f is FileText => !!f);
    files.sort((a, b) => a.uri.localeCompare(b.uri));
    const same = files.length === this.current.length && files.every((f, i) => sameFile(f, this.current[i]));
    this.current = files;
    return !same;
  }

  /** A burst of events (a save writes twice, a checkout many files) sends once. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.ready
        .then(() => this.read())
        .then((changed) => (changed ? this.send(this.current) : undefined))
        .catch(() => undefined); // the server is not running: it reads `current` when it starts
    }, this.delayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function sameFile(a: FileText, b: FileText | undefined): boolean {
  return a.uri === b?.uri && a.text === b.text;
}
