/**
 * The workspace's `.gpai-docs.json` files, as the client read them (the server reads no files, so that it
 * runs in a browser too), and the one that applies to each document: the nearest, walking up from the
 * document's folder, as markdownlint finds its configuration. The client sends only files inside the
 * workspace, so the walk ends at the workspace root.
 */
import { CONFIG_FILE } from '../../shared/names';
import type { FileText } from '../../shared/protocol';
import { parseSettingsFile, type Settings } from './engine';

export class ConfigFiles {
  /** Each file's settings by the URI of its folder, ending in `/`. */
  private readonly byFolder = new Map<string, Settings>();
  /** The texts last read, to tell a change from a repeat. */
  private texts = new Map<string, string>();

  /** `warn` receives each file's problems, `<uri>:<line>:<column>: <problem>`. */
  constructor(private readonly warn: (message: string) => void) {}

  /** Replaces every file by `files` (all of them); returns whether any file's text changed. */
  set(files: readonly FileText[]): boolean {
    const texts = new Map(files.filter((f) => f.uri.endsWith(`/${CONFIG_FILE}`)).map((f) => [f.uri, f.text]));
    const same = texts.size === this.texts.size && [...texts].every(([uri, text]) => this.texts.get(uri) === text);
    if (same) return false;
    this.byFolder.clear();
    for (const [uri, text] of texts) {
      const { settings, located } = parseSettingsFile(text);
      for (const p of located) {
        const at = p.range ? `:${p.range.start.line + 1}:${p.range.start.character + 1}` : '';
        // Only a problem that is new is worth a line: the same file is sent again when another changes.
        if (this.texts.get(uri) !== text) this.warn(`${uri}${at}: ${p.message}; ignored`);
      }
      this.byFolder.set(uri.slice(0, uri.length - CONFIG_FILE.length), settings);
    }
    this.texts = texts;
    return true;
  }

  /** The settings of the `.gpai-docs.json` nearest above `documentUri`, if any. */
  nearest(documentUri: string): Settings | undefined {
    const query = documentUri.search(/[?#]/);
    let folder = (query < 0 ? documentUri : documentUri.slice(0, query)).replace(/[^/]*$/, '');
    for (;;) {
      const found = this.byFolder.get(folder);
      if (found) return found;
      const up = folder.replace(/[^/]*\/$/, '');
      // Past the root of the URI's path (`file:///`, `vscode-test-web://mount/`): no file applies.
      if (up === folder || up.endsWith('//')) return undefined;
      folder = up;
    }
  }
}

/**
 * The severities of a document: the nearest `.gpai-docs.json` wins for the codes it names (it is what CI's
 * `gpai-docs check` reads, so the editor shows what CI will report); the `gpaiDocs.severity` setting applies
 * to every other code.
 */
export function mergeSettings(editor: Settings, file: Settings | undefined): Settings {
  return file ? { severity: { ...editor.severity, ...file.severity } } : editor;
}
