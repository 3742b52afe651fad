/**
 * The earlier version each `.gpai.yaml` file is compared with, for the preview's "Changes since <version>" and
 * the coverage tree's marks: its text at git HEAD as PreviousVersionSync reads it, unless the writer picked
 * another with Compare with Version… (a tag, a commit, a file), which holds until the preview's toggle is
 * turned off. The server compares (gpaiDocs/diff); this only keeps the texts.
 */
import * as vscode from 'vscode';
import type { ChangeAudience } from '../../shared/changes';
import type { ChangeView } from '../../shared/render/changeMarks';
import type { GpaiServer } from './serverApi';

export interface Baseline {
  readonly text: string;
  /** Where it was read: `HEAD`, a tag, a short commit hash, a file's path. */
  readonly label: string;
  /** Picked with Compare with Version…, rather than the last commit. */
  readonly picked: boolean;
}

type Version = Omit<Baseline, 'picked'>;

export class Baselines implements vscode.Disposable {
  private readonly head = new Map<string, Version>();
  private readonly picked = new Map<string, Version>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the file whose earlier version changed (HEAD moved, a version picked or dropped). */
  readonly onDidChange = this.changed.event;
  // A closed file's last commit is dropped: PreviousVersionSync sends it again when the file opens. A version
  // picked stays until the preview drops it.
  private readonly closing = vscode.workspace.onDidCloseTextDocument((d) => this.head.delete(d.uri.toString()));

  get(uri: vscode.Uri): Baseline | undefined {
    const key = uri.toString();
    const picked = this.picked.get(key);
    if (picked) return { ...picked, picked: true };
    const head = this.head.get(key);
    return head && { ...head, picked: false };
  }

  /** The file's last committed text; `null` when it has none. */
  setHead(uri: vscode.Uri, text: string | null, label: string): void {
    const key = uri.toString();
    const before = this.head.get(key);
    if (text === null) this.head.delete(key);
    else this.head.set(key, { text, label });
    if (before?.text !== (text ?? undefined) && !this.picked.has(key)) this.changed.fire(uri);
  }

  pick(uri: vscode.Uri, text: string, label: string): void {
    this.picked.set(uri.toString(), { text, label });
    this.changed.fire(uri);
  }

  /** Back to the last commit. */
  unpick(uri: vscode.Uri): void {
    if (this.picked.delete(uri.toString())) this.changed.fire(uri);
  }

  dispose(): void {
    this.closing.dispose();
    this.changed.dispose();
  }
}

/** What changed from a file's earlier version to the file as the editor holds it, for an audience. */
export type ChangeSource = (uri: vscode.Uri, audience: ChangeAudience) => Promise<ChangeView | undefined>;

export function changeSource(baselines: Baselines, server: Pick<GpaiServer, 'diff'>): ChangeSource {
  return async (uri, audience) => {
    const base = baselines.get(uri);
    if (!base) return undefined;
    const changes = await server.diff(uri, base.text, audience);
    return changes ? { changes, source: base.label } : undefined;
  };
}
