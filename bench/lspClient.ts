/**
 * A real language client for the benchmark: a language server runs as its own process (`node <script>
 * --stdio`: ours, or yaml-language-server), and this side talks JSON-RPC to it over the child's standard input
 * and output, as an editor does. Every latency is measured here, from the moment a message is handed to the
 * writer to the moment its answer (or the diagnostics of that version) is read back.
 *
 * Diagnostics are matched to a change by version when the server publishes one (ours does); otherwise
 * (yaml-language-server) by order: the first publication read after the change was sent. The scenarios
 * keep one change at a time unanswered for such a server, so that no older check can answer for it.
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
import { PreviewRequest } from '../shared/protocol';

export interface ServerProcessOptions {
  /** The server's script, run with this node and `--stdio`. */
  readonly serverJs: string;
  /** Extra arguments for node, such as `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
  /** The language id of the documents opened (default `gpai-yaml`). */
  readonly languageId?: string;
  /** Answers to `workspace/configuration`, by section; `{}` for any other. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** The server puts the document's version in its diagnostics (default true). */
  readonly versioned?: boolean;
  /** How long to wait for diagnostics before failing (default 2 minutes). */
  readonly diagnosticsTimeoutMs?: number;
}

interface Waiter {
  readonly uri: string;
  readonly version: number | undefined;
  /** For a server without versions: resolve on the first publication past this count. */
  readonly after: number | undefined;
  readonly resolve: (params: PublishDiagnosticsParams) => void;
}

export class BenchClient {
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  /** Publications read, by uri. */
  private readonly counts = new Map<string, number>();
  /** The publication count of each uri when each version was sent. */
  private readonly sentAt = new Map<string, Map<number, number>>();
  /** Diagnostics received, by uri: the last publication. */
  readonly lastPublished = new Map<string, PublishDiagnosticsParams>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    private readonly options: ServerProcessOptions,
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
    const client = new BenchClient(child, connection, options);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.receive(params));
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section ? options.settings?.[item.section] : undefined) ?? {}),
    );
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

  get versioned(): boolean {
    return this.options.versioned ?? true;
  }

  private receive(params: PublishDiagnosticsParams): void {
    this.lastPublished.set(params.uri, params);
    const count = (this.counts.get(params.uri) ?? 0) + 1;
    this.counts.set(params.uri, count);
    for (const w of [...this.waiters]) {
      const matches = w.after !== undefined ? count > w.after : w.version === undefined || w.version === params.version;
      if (w.uri === params.uri && matches) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  }

  /**
   * The diagnostics of `uri` at `version` (already received, or awaited); the next publication when no
   * version is given. For a server without versions, the first publication read after `version` was sent.
   */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    const last = this.lastPublished.get(uri);
    if (version !== undefined && this.versioned && last?.version === version) return Promise.resolve(last);
    const sent = version === undefined || this.versioned ? undefined : this.sentAt.get(uri)?.get(version);
    if (sent !== undefined && (this.counts.get(uri) ?? 0) > sent && last) return Promise.resolve(last);
    const timeout = this.options.diagnosticsTimeoutMs ?? 120_000;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        version,
        after: sent,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      };
      // A server that never answers fails the bench rather than hanging it.
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(
          new Error(`no diagnostics of ${uri}${version === undefined ? '' : ` version ${version}`} in ${timeout} ms`),
        );
      }, timeout);
      this.waiters.push(waiter);
    });
  }

  /** Resolves once no diagnostics of `uri` arrived for `quietMs` (a server that checks again on its own). */
  async settle(uri: string, quietMs: number, timeoutMs = 10_000): Promise<void> {
    const end = performance.now() + timeoutMs;
    for (;;) {
      const before = this.counts.get(uri) ?? 0;
      await delay(quietMs);
      if ((this.counts.get(uri) ?? 0) === before || performance.now() > end) return;
    }
  }

  private noteSent(uri: string, version: number): void {
    const versions = this.sentAt.get(uri) ?? new Map<number, number>();
    this.sentAt.set(uri, versions);
    versions.set(version, this.counts.get(uri) ?? 0);
  }

  /** Open a document and resolve with the milliseconds until its first diagnostics. */
  async open(uri: string, text: string): Promise<number> {
    this.versions.set(uri, 1);
    this.noteSent(uri, 1);
    const published = this.diagnostics(uri, 1);
    const start = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: this.options.languageId ?? 'gpai-yaml', version: 1, text },
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
    this.sentAt.delete(uri);
  }

  /** Send one incremental change; resolves to the new version once it is written to the server. */
  async change(uri: string, range: Range, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.noteSent(uri, version);
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

  /** Milliseconds from asking gpai-docs' preview model of a file (as the preview panel does) to its answer. */
  async preview(uri: string): Promise<number> {
    const start = performance.now();
    const model = await this.connection.sendRequest(PreviewRequest.method, { uri });
    if (!model) throw new Error(`no preview model of ${uri}`);
    return performance.now() - start;
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
