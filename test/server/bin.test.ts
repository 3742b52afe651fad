import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  createClientSocketTransport,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { version } from '../../package.json';
import { catalogue } from '../../server/src/engine';
import { edit, example } from '../helpers/text';

/** The compiled bin (tsc output, next to this test's). */
const BIN = join(__dirname, '..', '..', 'bin', 'gpai-docs-language-server.js');
const URI = 'file:///work/kestrel.gpai.yaml';

/** Initialize, open a document missing an item, check its diagnostics and a hover, then shut down. */
async function session(child: ChildProcess, reader: MessageReader, writer: MessageWriter): Promise<void> {
  const connection = createProtocolConnection(reader, writer);
  const published = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, resolve),
  );
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: {},
  });
  assert.equal(init.serverInfo?.name, 'gpai-docs');
  await connection.sendNotification(InitializedNotification.type, {});
  const text = edit(example('kestrel-13b.gpai.yaml'), '  training_compute: 3.1e23\n', '');
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: URI, languageId: 'gpai-yaml', version: 1, text },
  });
  const { diagnostics } = await published;
  assert.ok(diagnostics.some((d) => d.code === 'missing.item'));
  const line = text.split('\n').indexOf('computational_resources:');
  const hover = await connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: URI },
    position: { line, character: 3 },
  });
  const title = catalogue.formSections.find((s) => s.number === 7)!.title;
  assert.ok((hover!.contents as { value: string }).value.includes(`Section 7 “${title}”`));
  await connection.sendRequest(ShutdownRequest.type);
  const exited = once(child, 'exit');
  await connection.sendNotification(ExitNotification.type);
  const [code] = await exited;
  assert.equal(code, 0);
  connection.dispose();
}

describe('gpai-docs-language-server', () => {
  // A server that failed to start would keep mocha alive through its pipes: stop every child after its test.
  const children: ChildProcess[] = [];
  const started = (child: ChildProcess) => (children.push(child), child);
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  });

  it('prints its version and its help', () => {
    assert.equal(spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).stdout, `${version}\n`);
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--stdio/);
  });

  it('refuses to start without a transport, and says which ones exist', () => {
    const run = spawnSync(process.execPath, [BIN], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--stdio \| --node-ipc \| --socket=<port>/);
  });

  it('serves an editor over --stdio', async () => {
    const child = started(spawn(process.execPath, [BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] }));
    await session(child, new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  });

  it('serves an editor over --node-ipc', async () => {
    const child = started(
      spawn(process.execPath, [BIN, '--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }),
    );
    await session(child, new IPCMessageReader(child), new IPCMessageWriter(child));
  });

  it('serves an editor over --socket', async () => {
    const port = await freePort();
    const transport = await createClientSocketTransport(port);
    const child = started(
      spawn(process.execPath, [BIN, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'inherit'] }),
    );
    const [reader, writer] = await transport.onConnected();
    await session(child, reader, writer);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
