/**
 * The Workspace view's files, sent to the language server only when their text changed: every file once
 * when the view first lists them (and again after a server restart), then one file when a watcher sees it
 * created or changed on disk, or when it is saved, and its URI when it is deleted. Never as the writer types:
 * the server has open documents' text from the editor. What was sent is remembered by a hash of its text.
 */
import * as vscode from 'vscode';
import type { FileText } from '../../../shared/protocol';
import { EXCLUDE, readSaved } from '../files';
import { sha256Base64 } from '../../../shared/render/sha256';

export const GLOB = '**/*.gpai.yaml';
const MAX_FILES = 1000;

export type FilesSender = (changed: readonly FileText[], deleted: readonly string[]) => Promise<void>;

export class WorkspaceFileSync {
  /** The hash of the text last sent, by URI. */
  private readonly sent = new Map<string, string>();
  private scanned: Promise<void> | undefined;

  constructor(private readonly send: FilesSender) {}

  /** The first listing (or the first since `reset`), made once however many callers wait for it. */
  ensureScanned(): Promise<void> {
    return (this.scanned ??= this.scan());
  }

  /** Lists and reads every file; sends those whose text changed since sent, and those gone. */
  rescan(): Promise<void> {
    return (this.scanned = this.scan());
  }

  /** A new server knows nothing: the next listing sends every file again. */
  reset(): void {
    this.sent.clear();
    this.scanned = undefined;
  }

  /** A file created, changed on disk or saved: sent if its text differs from what the server has. */
  async changed(uri: vscode.Uri, text?: string): Promise<void> {
    if (!this.scanned) return; // the first listing will read it
    const file = text === undefined ? await readSaved(uri) : { uri: uri.toString(), text };
    if (file) await this.sendChanged([file], []);
  }

  async deleted(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (!this.sent.has(key)) return;
    this.sent.delete(key);
    await this.send([], [key]);
  }

  private async scan(): Promise<void> {
    const uris = vscode.workspace.workspaceFolders?.length
      ? await vscode.workspace.findFiles(GLOB, EXCLUDE, MAX_FILES)
      : [];
    const files = (await Promise.all(uris.map(readSaved))).filter((f): f is FileText => !!f);
    const listed = new Set(files.map((f) => f.uri));
    const gone = [...this.sent.keys()].filter((uri) => !listed.has(uri));
    for (const uri of gone) this.sent.delete(uri);
    await this.sendChanged(files, gone);
  }

  private async sendChanged(files: readonly FileText[], deleted: readonly string[]): Promise<void> {
    const changed: FileText[] = [];
    for (const file of files) {
      const hash = sha256Base64(file.text);
      if (this.sent.get(file.uri) === hash) continue;
      this.sent.set(file.uri, hash);
      changed.push(file);
    }
    if (changed.length || deleted.length) await this.send(changed, deleted);
  }
}
