/**
 * The writer's `gpaiDocs` settings, read through `workspace/configuration` per document and cached until
 * the client says they changed. Clients without that request send them with `didChangeConfiguration`.
 */
import type { Connection } from 'vscode-languageserver';
import { Settings as Names } from '../../shared/names';
import { readSettings, type Settings } from './engine';

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<Settings>>();
  /** Settings pushed by `didChangeConfiguration`, for clients that do not answer `workspace/configuration`. */
  private pushed: unknown;
  /** Set from the client's capabilities at `initialize`. */
  canPull = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<Settings> {
    let found = this.byUri.get(uri);
    if (!found) {
      found = this.read(uri);
      this.byUri.set(uri, found);
    }
    return found;
  }

  /** The settings changed: forget them; `pushed` is the `gpaiDocs` object a push-only client sent. */
  changed(pushed?: unknown): void {
    if (pushed !== undefined) this.pushed = pushed;
    this.byUri.clear();
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private async read(uri: string): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: Names.section });
      } catch (e) {
        this.connection.console.warn(
          `gpai-docs: could not read the ${Names.section} settings (${e instanceof Error ? e.message : String(e)}); using the defaults`,
        );
      }
    }
    const { settings, problems } = readSettings(raw);
    for (const problem of problems) this.connection.console.warn(`gpai-docs settings: ${problem}`);
    return settings;
  }
}
