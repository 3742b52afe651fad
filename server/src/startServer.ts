/**
 * The language server: capabilities and the handler list. Each handler finds the document's parse for
 * its version and calls one engine function; the engine does the work.
 */
import { TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getDiagnostics, parseGpai, type GpaiDocument } from './engine';
import { registerNewFileTemplate } from './newFileTemplate';
import { registerWorkspaceSummary } from './workspaceSummary';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const parses = new Map<string, GpaiDocument>();

  const parsed = (doc: TextDocument): GpaiDocument => {
    const cached = parses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const fresh = parseGpai(doc.getText(), doc.uri, doc.version);
    parses.set(doc.uri, fresh);
    return fresh;
  };

  connection.onInitialize(() => ({
    capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
    serverInfo: { name: 'gpai-docs' },
  }));

  documents.onDidChangeContent(({ document }) => {
    const { diagnostics, failures } = getDiagnostics(parsed(document));
    for (const f of failures) connection.console.error(`check ${f.rule} failed on ${document.uri}: ${f.message}`);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  });
  documents.onDidClose(({ document }) => {
    parses.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  registerWorkspaceSummary(connection);
  registerNewFileTemplate(connection);

  documents.listen(connection);
  connection.listen();
}
