/**
 * `.gpai-docs.json` in the editor: the client sends the files' text (the server reads no files) and the
 * nearest one above each document sets its severities, winning over the gpaiDocs.severity setting for the
 * codes it names.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, LogMessageNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { edit, example } from '../helpers/text';
import { TestClient } from './client';

const DRAFT = edit(example('kestrel-13b.gpai.yaml'), '  training_compute: 3.1e23\n', '');
const ROOT = 'file:///work/.gpai-docs.json';
const NEARER = 'file:///work/models/.gpai-docs.json';
const IN_MODELS = 'file:///work/models/kestrel.gpai.yaml';
const ELSEWHERE = 'file:///work/drafts/kestrel.gpai.yaml';

const config = (severity: Record<string, string>) => JSON.stringify({ severity });
const missing = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'missing.item');

describe('language server: .gpai-docs.json', () => {
  let client: TestClient;
  afterEach(() => client?.dispose());

  it('drops a code the file sets to off from the diagnostics', async () => {
    client = await TestClient.start();
    assert.equal(missing(await client.open(IN_MODELS, DRAFT)).length, 1);
    const next = client.nextDiagnostics(IN_MODELS);
    await client.configFiles([{ uri: ROOT, text: config({ 'missing.item': 'off' }) }]);
    assert.deepEqual(missing((await next).diagnostics), []);
  });

  it('applies the files sent with initialize to the first check', async () => {
    client = await TestClient.start({
      initializationOptions: { configFiles: [{ uri: ROOT, text: config({ 'missing.item': 'off' }) }] },
    });
    assert.deepEqual(missing(await client.open(IN_MODELS, DRAFT)), []);
  });

  it('takes the nearest file above the document: a nearer file wins over a farther one', async () => {
    client = await TestClient.start({
      initializationOptions: {
        configFiles: [
          { uri: ROOT, text: config({ 'missing.item': 'off' }) },
          { uri: NEARER, text: config({ 'missing.item': 'hint' }) },
        ],
      },
    });
    const inModels = missing(await client.open(IN_MODELS, DRAFT));
    assert.deepEqual(
      inModels.map((d) => d.severity),
      [DiagnosticSeverity.Hint],
    );
    assert.deepEqual(missing(await client.open(ELSEWHERE, DRAFT)), []);
  });

  it('wins over the gpaiDocs.severity setting for the codes it names, and leaves it the others', async () => {
    client = await TestClient.start({
      settings: { severity: { 'missing.item': 'error', 'key.unknown': 'off' } },
      initializationOptions: { configFiles: [{ uri: ROOT, text: config({ 'missing.item': 'information' }) }] },
    });
    const diagnostics = await client.open(IN_MODELS, `${DRAFT}colour: blue\n`);
    assert.deepEqual(
      missing(diagnostics).map((d) => d.severity),
      [DiagnosticSeverity.Information],
    );
    assert.ok(!diagnostics.some((d) => d.code === 'key.unknown'), JSON.stringify(diagnostics.map((d) => d.code)));
  });

  it('reads comments and trailing commas, and forgets a deleted file', async () => {
    client = await TestClient.start({
      initializationOptions: {
        configFiles: [{ uri: ROOT, text: '// CI settings\n{\n  "severity": { "missing.item": "off", },\n}\n' }],
      },
    });
    assert.deepEqual(missing(await client.open(IN_MODELS, DRAFT)), []);
    const next = client.nextDiagnostics(IN_MODELS);
    await client.configFiles([]);
    assert.equal(missing((await next).diagnostics).length, 1);
  });

  it('logs what is wrong in a file with its line and column, and applies the rest', async () => {
    const logs: string[] = [];
    client = await TestClient.start();
    client.connection.onNotification(LogMessageNotification.type, (p) => {
      logs.push(p.message);
    });
    const next = client.nextDiagnostics(IN_MODELS);
    await client.open(IN_MODELS, DRAFT);
    await next;
    const changed = client.nextDiagnostics(IN_MODELS);
    await client.configFiles([
      { uri: ROOT, text: '{\n  "severity": {\n    "missing.itme": "off",\n    "missing.item": "off"\n  }\n}' },
    ]);
    assert.deepEqual(missing((await changed).diagnostics), []);
    assert.ok(
      logs.some((l) => l.includes(`${ROOT}:3:5: "severity" names "missing.itme", which is not a diagnostic code`)),
      logs.join('\n'),
    );
  });
});
