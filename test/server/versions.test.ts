import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { edit, example } from '../helpers/text';
import { TODAY } from '../helpers/diagnostics';
import { TestClient } from './client';

const URI = 'file:///work/kestrel-13b.gpai.yaml';
const COMMITTED = example('kestrel-13b.gpai.yaml');
const CHANGED = edit(COMMITTED, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10');
const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code));

describe('language server: versions against the last commit', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it('checks a document against the committed text the client sends, and fixes it with a new version', async () => {
    const opened = await client.open(URI, CHANGED);
    assert.ok(!codes(opened).includes('version.unchanged'));
    const next = client.nextDiagnostics(URI);
    await client.previousVersion(URI, COMMITTED);
    const checked = (await next).diagnostics;
    const finding = checked.find((d) => d.code === 'version.unchanged');
    assert.ok(finding, codes(checked).join(', '));
    assert.match(
      String(finding.message),
      /^Form 2\.9 changed since HEAD, but the document is still version 2\.1 of 2025-10-14\./,
    );

    const actions = await client.codeActions(URI, finding.range, { diagnostics: [finding] });
    const fix = actions.find((a) => a.title === `Make this version 2.2 of ${TODAY}, with a history entry`);
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const after = await client.apply(URI, fix);
    assert.ok(!codes(after).includes('version.unchanged'), codes(after).join(', '));
    assert.ok(!codes(after).includes('history.version-order'));
    const text = client.text(URI);
    assert.match(text, /\n {2}version: "2\.2"\n {2}last_updated: 2025-11-01\n/);
    assert.match(
      text,
      /\n {4}- version: "2\.2"\n {6}date: 2025-11-01\n {6}changes: Changed Form 2\.9\.\n {2}requests_contact:/,
    );
  });

  it('stops comparing when the client says there is no committed version', async () => {
    await client.open(URI, CHANGED);
    let next = client.nextDiagnostics(URI);
    await client.previousVersion(URI, COMMITTED);
    assert.ok(codes((await next).diagnostics).includes('version.unchanged'));
    next = client.nextDiagnostics(URI);
    await client.previousVersion(URI, null);
    assert.ok(!codes((await next).diagnostics).includes('version.unchanged'));
  });

  it('answers what changed from an earlier text to the open document, per audience', async () => {
    await client.open(URI, CHANGED);
    const all = await client.diff(URI, COMMITTED);
    assert.deepEqual(
      all?.groups.flatMap((g) => g.items.map((i) => i.id)),
      ['form/2.9'],
    );
    const downstream = await client.diff(URI, COMMITTED, 'downstream');
    assert.deepEqual(downstream?.groups, []);
    assert.equal(await client.diff('file:///work/not-open.gpai.yaml', COMMITTED), null);
  });
});
