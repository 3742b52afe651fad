/**
 * One parse per document version, shared by every request and by validation. The edits of each change are
 * noted as TextDocuments applies them, so that the next version is made from the last parse when the edits
 * allow it (typing inside an answer, see engine/reparse.ts) rather than by parsing the whole text again.
 * The cache belongs to one server instance and is passed to whoever needs it: no module state.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, GpaiDocument, TextChange } from './engine';
import type { SupersededTexts } from './superseded';

/**
 * Beyond this many edits since the last parse, parsing the text again costs about as much as replaying them
 * (each replayed edit walks the nodes after it: ~1 ms on a 10,000-line file, a full parse ~40 ms).
 */
const MAX_EDITS = 32;

export class ParseCache {
  constructor(
    private readonly engine: Engine,
    private readonly superseded?: SupersededTexts,
  ) {}

  private readonly parses = new Map<string, GpaiDocument>();
  /** Edits since each document's cached parse, in order; absent when they cannot be replayed. */
  private readonly edits = new Map<string, TextChange[]>();
  /**
   * Documents changed since their cached parse. A client may send a change without a new version number:
   * the change, not the number, makes a parse stale, so that no request is answered from the text before it.
   */
  private readonly changed = new Set<string>();

  /** For `new TextDocuments(cache.documents)`: documents as usual, with each change's edits noted. */
  readonly documents: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (document, changes, version) => this.update(document, changes, version),
  };

  /** The parse of this version of the document, made on first use. */
  get(document: TextDocument): GpaiDocument {
    const cached = this.parses.get(document.uri);
    if (cached && cached.version === document.version && !this.changed.has(document.uri)) return cached;
    const edits = this.edits.get(document.uri);
    const fresh =
      cached && edits
        ? this.engine.reparse(cached, document.getText(), document.version, edits)
        : this.engine.parse(document.getText(), document.uri, document.version);
    this.parses.set(document.uri, fresh);
    if (cached) this.superseded?.add(cached.text.length);
    this.edits.set(document.uri, []);
    this.changed.delete(document.uri);
    return fresh;
  }

  delete(uri: string): void {
    this.parses.delete(uri);
    this.edits.delete(uri);
    this.changed.delete(uri);
  }

  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    this.changed.add(document.uri);
    let edits = this.edits.get(document.uri);
    for (const change of changes) {
      if (edits && 'range' in change && edits.length < MAX_EDITS) {
        edits.push({
          start: document.offsetAt(change.range.start),
          end: document.offsetAt(change.range.end),
          text: change.text,
        });
      } else {
        edits = undefined;
      }
      TextDocument.update(document, [change], version);
    }
    if (!edits) this.edits.delete(document.uri);
    return document;
  }
}
