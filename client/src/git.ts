/**
 * The parts of VS Code's built-in git extension (`vscode.git`, API version 1) the extension uses: a file's
 * repository, its text at a revision, the repository's tags and recent commits, and when its HEAD moves. Typed
 * here, as the git extension's own `git.d.ts` suggests, rather than as a dependency. Absent on the web, in a
 * workspace that is not trusted (the git extension does not run there) and where git is disabled.
 */
import * as vscode from 'vscode';

export interface GitRef {
  /** 0 a branch, 1 a remote branch, 2 a tag. */
  readonly type: number;
  readonly name?: string;
  readonly commit?: string;
}

export interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly authorDate?: Date;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD?: { readonly name?: string; readonly commit?: string };
    /** Empty since VS Code 1.9x ("Deprecated. Use ApiRepository.getRefs() instead."): read refs with `getRefs`. */
    readonly refs: readonly GitRef[];
    readonly onDidChange: vscode.Event<void>;
  };
  /** The refs matching `pattern` (`refs/tags`); absent from older versions of the git extension. */
  getRefs?(query: { readonly pattern?: string }): Promise<GitRef[]>;
  /** The text of `path` (a file system path) at `ref`; rejects when the revision does not hold it. */
  show(ref: string, path: string): Promise<string>;
  log(options?: { readonly maxEntries?: number; readonly path?: string }): Promise<GitCommit[]>;
}

export interface GitApi {
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
}

/** The tag ref type of the git extension's `RefType`. */
export const TAG = 2;

/** The git extension's API, activated if it is installed and enabled; undefined otherwise. */
export async function gitApi(): Promise<GitApi | undefined> {
  if (!vscode.workspace.isTrusted) return undefined;
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.getAPI(1);
  } catch {
    return undefined;
  }
}
