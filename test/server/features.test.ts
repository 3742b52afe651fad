import * as assert from 'node:assert/strict';
import {
  CodeLensRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type DocumentSymbol,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { edit, example, lines, sectionTitle } from '../helpers/text';
import { TestClient } from './client';

const KESTREL = example('kestrel-13b.gpai.yaml');
const URI = 'file:///work/kestrel.gpai.yaml';

/** The position of the first occurrence of `text`, plus `shift` characters. */
function positionOf(text: string, find: string, shift = 0) {
  const before = text.slice(0, text.indexOf(find) + shift).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server: features', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it("hovers a Copyright key with the measure's official title", async () => {
    await client.open(URI, KESTREL);
    const hover = await client.hover(URI, positionOf(KESTREL, '  rights_reservations:', 5));
    const markdown = (hover!.contents as { value: string }).value;
    assert.match(
      markdown,
      /Copyright Measure 1\.3 “Identify and comply with rights reservations when crawling the World Wide Web”/,
    );
  });

  it('hovers a form item with its Code measure and recipients', async () => {
    await client.open(URI, KESTREL);
    const markdown = (
      (await client.hover(URI, positionOf(KESTREL, 'total_model_size', 3)))!.contents as { value: string }
    ).value;
    assert.match(markdown, /Form 2\.9 “Total model size”/);
    assert.match(markdown, /Transparency Measure 1\.1 “Drawing up and keeping up-to-date model documentation”/);
    assert.match(markdown, /✓ AI Office · – National competent authorities · – Downstream providers/);
  });

  it('completes in an empty section with the missing keys first', async () => {
    const text = edit(KESTREL, /\ntraining_process:\n( {2,}.*\n)*/, '\ntraining_process:\n  \n');
    await client.open(URI, text);
    const items = await client.completion(
      URI,
      positionOf(text, 'training_process:\n  ', 'training_process:\n  '.length),
    );
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(
      sorted.map((i) => i.label),
      ['design_specifications', 'decision_rationale'],
    );
    assert.match(sorted[0].detail!, /^Missing · Form 5\.1 · AI Office, National competent authorities/);
    assert.equal((sorted[0].textEdit as TextEdit).newText, 'design_specifications: $1');
  });

  it('completes values of a closed set', async () => {
    const text = lines('gpai: 1', 'classification:', '  systemic_risk: ');
    await client.open(URI, text);
    const items = await client.completion(URI, { line: 2, character: 17 });
    assert.deepEqual(
      items.map((i) => i.label),
      ['none', 'presumed', 'designated'],
    );
  });

  it("outlines the document, folds its blocks, links its addresses and shows each section's coverage", async () => {
    const text = edit(KESTREL, '  training_compute: 3.1e23\n', '');
    await client.open(URI, text);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: URI },
    })) as DocumentSymbol[];
    assert.equal(symbols.find((s) => s.name === 'computational_resources')!.detail, sectionTitle(7));
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    assert.ok(folds!.some((f) => f.startLine === text.split('\n').indexOf('computational_resources:')));
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: URI } });
    assert.ok(links!.some((l) => l.target === 'mailto:copyright@kestrel-ls.example'));
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: URI } });
    assert.ok(
      lenses!.some((l) => /^Section 7 · \d\/\d items · 1 missing$/.test(l.command!.title)),
      lenses!.map((l) => l.command!.title).join(' | '),
    );
  });

  it('answers with the latest text after incremental changes', async () => {
    await client.open(URI, lines('gpai: 1', 'data:', '  bias_measures: None.'));
    const version = await client.change(URI, [
      {
        range: { start: { line: 2, character: 2 }, end: { line: 2, character: 15 } },
        newText: 'curation_methodologies',
      },
    ]);
    await client.diagnostics(URI, version);
    const hover = await client.hover(URI, { line: 2, character: 5 });
    assert.match((hover!.contents as { value: string }).value, /Form 6\.7 “Data curation methodologies”/);
  });
});
