import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { CoverageRequest, PreviewRequest } from '../../shared/protocol';
import { edit, example, lines } from '../helpers/text';
import { TestClient } from './client';

const KESTREL = example('kestrel-13b.gpai.yaml');
const URI = 'file:///work/kestrel.gpai.yaml';
const WITHOUT_COMPUTE = edit(KESTREL, '  training_compute: 3.1e23\n', '');

describe('language server: synchronisation', () => {
  let client: TestClient;
  afterEach(() => client?.dispose());

  it('advertises incremental sync and its features', async () => {
    client = await TestClient.start();
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.completionProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
      'quickfix',
      'source.addMissing.gpaiDocs',
      'source.fixAll.gpaiDocs',
    ]);
    assert.ok(
      caps.documentSymbolProvider && caps.foldingRangeProvider && caps.documentLinkProvider && caps.codeLensProvider,
    );
    assert.equal(client.initializeResult.serverInfo?.name, 'gpai-docs');
  });

  it('publishes diagnostics for an opened document, with the code, the fix data and the version', async () => {
    client = await TestClient.start();
    const diagnostics = await client.open(URI, WITHOUT_COMPUTE);
    const missing = diagnostics.find((d) => d.code === 'missing.item')!;
    assert.match(String(missing.message), /Form item 7\.4/);
    assert.deepEqual((missing.data as { fix: unknown }).fix, {
      kind: 'insert-keys',
      parent: ['computational_resources'],
      keys: ['training_compute'],
    });
    assert.equal((await client.diagnostics(URI)).version, 1);
  });

  it('checks each change, and drops the work of a version a newer one replaced', async () => {
    client = await TestClient.start({ delayMs: 100 });
    await client.open(URI, KESTREL);
    const at = (text: string) => {
      const offset = client.text(URI).indexOf(text);
      const before = client.text(URI).slice(0, offset).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length };
    };
    const start = at('3.1e23');
    const range = { start, end: { line: start.line, character: start.character + 6 } };
    await client.change(URI, [{ range, newText: '3.1e25' }]);
    const v3 = await client.change(URI, [{ range, newText: '3.1e23' }]);
    const final = await client.diagnostics(URI, v3);
    assert.ok(!final.diagnostics.some((d) => d.code === 'systemic-risk.presumed'));
    assert.deepEqual(
      client.published.filter((p) => p.uri === URI).map((p) => p.version),
      [1, v3],
      'nothing published for version 2',
    );
  });

  it('reads severities through workspace/configuration and refreshes them when they change', async () => {
    client = await TestClient.start({ settings: { severity: { 'missing.item': 'error' } } });
    const first = await client.open(URI, WITHOUT_COMPUTE);
    assert.equal(first.find((d) => d.code === 'missing.item')!.severity, DiagnosticSeverity.Error);
    assert.ok(client.configurationRequests.length > 0);
    const next = client.nextDiagnostics(URI);
    await client.changeSettings({ severity: { 'missing.item': 'off' } });
    assert.ok(!(await next).diagnostics.some((d) => d.code === 'missing.item'));
  });

  it('takes the settings from didChangeConfiguration when the client cannot be asked', async () => {
    client = await TestClient.start({ pull: false });
    await client.open(URI, WITHOUT_COMPUTE);
    const next = client.nextDiagnostics(URI);
    await client.changeSettings({ severity: { 'missing.item': 'hint' } });
    assert.equal((await next).diagnostics.find((d) => d.code === 'missing.item')!.severity, DiagnosticSeverity.Hint);
    assert.equal(client.configurationRequests.length, 0);
  });

  it('clears the diagnostics of a closed document', async () => {
    client = await TestClient.start();
    await client.open(URI, WITHOUT_COMPUTE);
    const next = client.nextDiagnostics(URI);
    await client.close(URI);
    assert.deepEqual((await next).diagnostics, []);
  });

  it('answers the coverage and preview requests for an open document, and null for another', async () => {
    client = await TestClient.start();
    await client.open(URI, WITHOUT_COMPUTE);
    const coverage = await client.connection.sendRequest(CoverageRequest, { uri: URI });
    assert.equal(coverage!.classification.label, 'no systemic risk');
    assert.ok(coverage!.percent < 100);
    const preview = await client.connection.sendRequest(PreviewRequest, { uri: URI });
    assert.equal(preview!.header.model, 'Kestrel-13B');
    assert.equal(preview!.sections[7].items.find((i) => i.id === 'form/7.4')!.state, 'missing');
    assert.equal(await client.connection.sendRequest(PreviewRequest, { uri: 'file:///elsewhere.gpai.yaml' }), null);
  });

  it('reports a document that is not YAML, and still answers hovers on it', async () => {
    client = await TestClient.start();
    const diagnostics = await client.open(URI, lines('gpai: 1', 'data: [unclosed', '  - : :'));
    assert.ok(diagnostics.some((d) => String(d.code).startsWith('yaml.')));
    const hover = await client.hover(URI, { line: 1, character: 1 });
    assert.match((hover!.contents as { value: string }).value, /Section 6/);
  });
});

describe('language server: protocol errors and version numbers', () => {
  let client: TestClient;
  afterEach(() => client?.dispose());

  const error = async (request: Promise<unknown>): Promise<number | undefined> => {
    try {
      await request;
      return undefined;
    } catch (e) {
      return (e as { code?: number }).code;
    }
  };

  it('answers malformed parameters with InvalidParams (-32602), not an internal error', async () => {
    client = await TestClient.start();
    await client.open(URI, KESTREL);
    const send = (method: string, params: unknown) => client.connection.sendRequest(method, params);
    assert.equal(await error(send('textDocument/hover', { textDocument: { uri: URI } })), -32602);
    assert.equal(
      await error(send('textDocument/hover', { textDocument: {}, position: { line: 0, character: 0 } })),
      -32602,
    );
    assert.equal(await error(send('textDocument/codeAction', { textDocument: { uri: URI } })), -32602);
    assert.equal(await error(send('textDocument/documentSymbol', {})), -32602);
    assert.equal(await error(send(CoverageRequest.method, { uri: 7 })), -32602);
    const line = KESTREL.split('\n').findIndex((l) => l.startsWith('gpai:'));
    assert.ok(await client.hover(URI, { line, character: 1 }), 'well-formed requests are still answered');
  });

  it('refuses requests after shutdown with InvalidRequest (-32600)', async () => {
    client = await TestClient.start();
    await client.open(URI, KESTREL);
    await client.connection.sendRequest('shutdown');
    assert.equal(await error(client.hover(URI, { line: 5, character: 3 })), -32600);
    assert.equal(await error(client.connection.sendRequest(PreviewRequest.method, { uri: URI })), -32600);
  });

  it('answers from the new text when a client sends a change without a new version number', async () => {
    client = await TestClient.start();
    await client.open(URI, WITHOUT_COMPUTE);
    const addAll = async () =>
      (
        await client.codeActions(
          URI,
          { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          {
            diagnostics: [],
            only: ['source.addMissing.gpaiDocs'],
          },
        )
      )[0];
    assert.ok(await addAll(), 'a key is missing');
    // The whole text again, with the key, under the same version number 1.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 1 },
      contentChanges: [{ text: KESTREL }],
    });
    const offset = KESTREL.indexOf('training_compute');
    const before = KESTREL.slice(0, offset).split('\n');
    const hover = await client.hover(URI, { line: before.length - 1, character: before[before.length - 1].length + 1 });
    assert.match(JSON.stringify(hover), /Form 7\.4/, 'the hover reads the key the new text has');
    assert.equal(await addAll(), undefined, 'nothing left to add: no key is added twice');
  });
});
