/**
 * The last committed text of each open document, as the client sends it (PreviousVersionNotification): the
 * server runs no git. Parsed once when it arrives; checks and code actions pass it to the engine, which then
 * compares the document with it. Forgotten when the document closes.
 */
import type { Engine, PreviousVersion } from './engine';

export class PreviousVersions {
  private readonly byUri = new Map<string, PreviousVersion>();

  constructor(private readonly engine: Engine) {}

  /** Keeps `text` as the document's previous version (none when `null`); whether anything changed. */
  set(uri: string, text: string | null, label: string): boolean {
    const known = this.byUri.get(uri);
    if (text === null) return this.byUri.delete(uri);
    if (known && known.doc.text === text && known.label === label) return false;
    this.byUri.set(uri, { doc: this.engine.parse(text, `${uri}#${label}`), label });
    return true;
  }

  get(uri: string): PreviousVersion | undefined {
    return this.byUri.get(uri);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
