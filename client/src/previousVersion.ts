/**
 * Sends the server each open `.gpai.yaml` file's text at git HEAD (gpaiDocs/previousVersion), read through
 * VS Code's git extension, so that the server, which runs no git, checks the file against its last commit
 * (`version.unchanged`, `history.removed`). Sent when a file opens, when its repository's HEAD moves (a
 * commit, a checkout) and after the server restarts; `null` for a file with no committed version.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../shared/names';
import { gitApi, type GitApi, type GitRepository } from './git';

/** What it needs of the server. */
export type SendPrevious = (uri: vscode.Uri, text: string | null, label: string) => Promise<void>;

export const HEAD = 'HEAD';

export class PreviousVersionSync implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watched = new Set<GitRepository>();
  private readonly heads = new Map<GitRepository, string | undefined>();
  private api: GitApi | undefined;

  constructor(private readonly send: SendPrevious) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.sync(d)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.start()),
    );
    void this.start();
  }

  /** Sends every open file again: the server restarted and knows nothing. */
  resend(): void {
    for (const document of vscode.workspace.textDocuments) void this.sync(document);
  }

  private async start(): Promise<void> {
    this.api ??= await gitApi();
    if (!this.api) return;
    this.disposables.push(this.api.onDidOpenRepository(() => this.resend()));
    this.resend();
  }

  private watch(repository: GitRepository): void {
    if (this.watched.has(repository)) return;
    this.watched.add(repository);
    this.heads.set(repository, repository.state.HEAD?.commit);
    this.disposables.push(
      repository.state.onDidChange(() => {
        const head = repository.state.HEAD?.commit;
        if (head === this.heads.get(repository)) return;
        this.heads.set(repository, head);
        for (const document of vscode.workspace.textDocuments)
          if (this.api?.getRepository(document.uri) === repository) void this.sync(document);
      }),
    );
  }

  private async sync(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== LANGUAGE_ID || document.uri.scheme !== 'file' || !this.api) return;
    const repository = this.api.getRepository(document.uri);
    if (!repository) return;
    this.watch(repository);
    let text: string | null;
    try {
      text = await repository.show(HEAD, document.uri.fsPath);
    } catch {
      text = null; // not committed yet
    }
    await this.send(document.uri, text, HEAD).catch(() => undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
