/**
 * A real language client for the benchmark: the built server runs as its own process (`node server.js
 * --stdio`), and this side talks JSON-RPC to it over the child's standard input and output, as an editor
 * does. Every latency is measured here, from the moment a message is handed to the writer to the moment
 * its answer (or the diagnostics of that version) is read back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';

export interface ServerProcessOptions {
  /** The server bundle to run. */
  readonly serverJs: string;
  /** Extra arguments for node, such as `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
}

interface Waiter {
  readonly uri: string;
  readonly version: number | undefined;
  readonly resolve: (params: PublishDiagnosticsParams) => void;
}

export class BenchClient {
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  /** Diagnostics received, by uri: the last publication. */
  readonly lastPublished = new Map<string, PublishDiagnosticsParams>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  /** Spawn the server and run `initialize` and `initialized`. */
  static async start(options: ServerProcessOptions): Promise<BenchClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverJs, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new BenchClient(child, connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.receive(params));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown'] },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get pid(): number {
    return this.child.pid!;
  }

  private receive(params: PublishDiagnosticsParams): void {
    this.lastPublished.set(params.uri, params);
    for (const w of [...this.waiters]) {
      if (w.uri === params.uri && (w.version === undefined || w.version === params.version)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  }

  /** The diagnostics of `uri` at `version` (already received, or awaited); the next publication when no version is given. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    const last = this.lastPublished.get(uri);
    if (version !== undefined && last?.version === version) return Promise.resolve(last);
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  /** Open a document and resolve with the milliseconds until its first diagnostics. */
  async open(uri: string, text: string): Promise<number> {
    this.versions.set(uri, 1);
    const published = this.diagnostics(uri, 1);
    const start = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'gpai-yaml', version: 1, text },
    });
    await published;
    return performance.now() - start;
  }

  /** Close a document and wait for the server to clear its diagnostics. */
  async close(uri: string): Promise<void> {
    const cleared = this.diagnostics(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await cleared;
    this.versions.delete(uri);
  }

  /** Send one incremental change; resolves to the new version once it is written to the server. */
  async change(uri: string, range: Range, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  /** Milliseconds from sending a hover to its answer; `empty` when the server had nothing to say. */
  async hover(uri: string, position: Position): Promise<{ ms: number; empty: boolean }> {
    const start = performance.now();
    const result = await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    return { ms: performance.now() - start, empty: !result };
  }

  async completion(uri: string, position: Position): Promise<{ ms: number; items: number }> {
    const start = performance.now();
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    const items = Array.isArray(result) ? result.length : (result?.items.length ?? 0);
    return { ms: performance.now() - start, items };
  }

  /** Peak and current resident memory of the server process, in bytes, from /proc. */
  memory(): { hwm: number; rss: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
    } catch {
      return undefined;
    }
  }

  /** Shut the server down as an editor does, and wait for the process to end. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(2000)]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server is gone already.
    }
    const timer = setTimeout(() => this.child.kill(), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
