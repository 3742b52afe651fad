/**
 * The Workspace view's summaries over the protocol: the client sends files when they change, the server
 * summarises each version once, off the request path, and answers hovers while it works.
 */
import * as assert from 'node:assert/strict';
import { rules, type Code, type Rule } from '../../server/src/engine';
import { edit, example } from '../helpers/text';
import { TestClient } from './client';

const KESTREL = example('kestrel-13b.gpai.yaml');
const DRAFT = edit(KESTREL, '  training_compute: 3.1e23\n', '');
const A = 'file:///work/a.gpai.yaml';
const B = 'file:///work/b.gpai.yaml';

/** Every rule, plus one that counts the checks of each document. */
function counting(): { rules: Rule<Code>[]; checks: Map<string, number> } {
  const checks = new Map<string, number>();
  const counter: Rule<Code> = {
    name: 'counter',
    codes: [],
    check: ({ doc }) => {
      checks.set(doc.uri, (checks.get(doc.uri) ?? 0) + 1);
      return [];
    },
  };
  return { rules: [...rules, counter], checks };
}

const byUri = (summaries: { uri: string }[]) => summaries.map((s) => s.uri).sort();

describe('language server: workspace summaries', () => {
  let client: TestClient;
  afterEach(() => client?.dispose());

  it('summarises each version of a file once, however often the view asks', async () => {
    const { rules, checks } = counting();
    client = await TestClient.start({ rules });
    await client.workspaceFiles([
      { uri: A, text: KESTREL },
      { uri: B, text: DRAFT },
    ]);
    const first = await client.workspaceSummary();
    assert.deepEqual(byUri(first), [A, B]);
    assert.equal(first.find((s) => s.uri === A)!.percent, 100);
    await client.workspaceSummary();
    await client.workspaceFiles([{ uri: A, text: KESTREL }]); // the same text again
    await client.workspaceSummary();
    assert.deepEqual(Object.fromEntries(checks), { [A]: 1, [B]: 1 });

    await client.workspaceFiles([{ uri: A, text: DRAFT }]);
    const second = await client.workspaceSummary();
    assert.ok(second.find((s) => s.uri === A)!.percent < 100);
    assert.deepEqual(Object.fromEntries(checks), { [A]: 2, [B]: 1 });
  });

  it('recounts problems after a change of severities without checking the files again', async () => {
    const { rules, checks } = counting();
    client = await TestClient.start({ rules });
    await client.workspaceFiles([{ uri: B, text: DRAFT }]);
    const [before] = await client.workspaceSummary();
    assert.ok(before.warnings + before.errors > 0);
    await client.changeSettings({ severity: { 'missing.item': 'off' } });
    const [after] = await client.workspaceSummary();
    assert.ok(after.warnings + after.errors < before.warnings + before.errors);
    await client.configFiles([
      { uri: 'file:///work/.gpai-docs.json', text: '{"severity": {"missing.item": "error"}}' },
    ]);
    const [withFile] = await client.workspaceSummary();
    assert.ok(withFile.errors > after.errors);
    assert.equal(checks.get(B), 1);
  });

  it("summarises an open document from the editor's text, and a closed one from the file again", async () => {
    client = await TestClient.start();
    await client.workspaceFiles([{ uri: A, text: KESTREL }]);
    assert.equal((await client.workspaceSummary())[0].percent, 100);
    await client.open(A, DRAFT); // unsaved edits
    assert.ok((await client.workspaceSummary())[0].percent < 100);
    await client.close(A);
    assert.equal((await client.workspaceSummary())[0].percent, 100);
  });

  it('forgets deleted files', async () => {
    client = await TestClient.start();
    await client.workspaceFiles([
      { uri: A, text: KESTREL },
      { uri: B, text: DRAFT },
    ]);
    await client.workspaceSummary();
    await client.workspaceFiles([], [A]);
    assert.deepEqual(byUri(await client.workspaceSummary()), [B]);
  });

  it('answers a hover while a large workspace is being summarised', async () => {
    client = await TestClient.start();
    const open = 'file:///work/open.gpai.yaml';
    await client.open(open, KESTREL);
    const files = Array.from({ length: 60 }, (_, i) => ({ uri: `file:///work/many/${i}.gpai.yaml`, text: DRAFT }));
    await client.workspaceFiles(files);
    let summarised = false;
    const summary = client.workspaceSummary().then((s) => {
      summarised = true;
      return s;
    });
    const line = KESTREL.split('\n').findIndex((l) => l.startsWith('  training_compute:'));
    const hover = await client.hover(open, { line, character: 4 });
    assert.match((hover!.contents as { value: string }).value, /Form 7\.4/);
    assert.equal(summarised, false, 'the hover waited for the summaries');
    assert.equal((await summary).length, files.length);
  });
});
