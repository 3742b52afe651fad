/**
 * One parse per document version, shared by every request and by validation. The cache belongs to one
 * server instance and is passed to whoever needs it: no module state.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseGpai, type GpaiDocument } from './engine';

export class ParseCache {
  private readonly parses = new Map<string, GpaiDocument>();

  /** The parse of this version of the document, made on first use. */
  get(document: TextDocument): GpaiDocument {
    const cached = this.parses.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const fresh = parseGpai(document.getText(), document.uri, document.version);
    this.parses.set(document.uri, fresh);
    return fresh;
  }

  delete(uri: string): void {
    this.parses.delete(uri);
  }
}
