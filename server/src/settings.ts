/**
 * The writer's `gpaiDocs` settings, read through `workspace/configuration` per document and cached until
 * the client says they changed. Clients without that request send them with `didChangeConfiguration`.
 * The nearest `.gpai-docs.json` wins over them for the codes it names (configFiles.ts).
 */
import type { Connection } from 'vscode-languageserver';
import { Settings as Names } from '../../shared/names';
import { mergeSettings, type ConfigFiles } from './configFiles';
import { readSettings, type Settings } from './engine';

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<Settings>>();
  /** Settings pushed by `didChangeConfiguration`, for clients that do not answer `workspace/configuration`. */
  private pushed: unknown;
  /** Set from the client's capabilities at `initialize`. */
  canPull = false;

  constructor(
    private readonly connection: Connection,
    private readonly files?: ConfigFiles,
  ) {}

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
    // The section also holds the client's own settings (preview, trace): only `severity` is the server's.
    const { settings, problems } = readSettings(isObject(raw) ? { severity: raw.severity } : raw);
    for (const problem of problems) this.connection.console.warn(`gpai-docs settings: ${problem}`);
    return mergeSettings(settings, this.files?.nearest(uri));
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
