/**
 * A real language client for protocol tests: the server (startServer) and a protocol connection talk
 * JSON-RPC over a pair of in-memory streams. Diagnostics are awaited, never slept for.
 */
import { PassThrough } from 'node:stream';
import {
  createConnection,
  StreamMessageReader as ServerReader,
  StreamMessageWriter as ServerWriter,
} from 'vscode-languageserver/node';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CodeActionContext,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ChangeAudience, DocumentChanges } from '../../shared/changes';
import {
  ConfigFilesNotification,
  DiffRequest,
  PreviousVersionNotification,
  WorkspaceFilesNotification,
  WorkspaceSummaryRequest,
  type FileText,
  type InitializationOptions,
} from '../../shared/protocol';
import type { WorkspaceFileSummary } from '../../shared/types';
import { startServer, type ServerOptions } from '../../server/src/startServer';
import { TODAY } from '../helpers/diagnostics';

export interface ClientOptions {
  /** What the client answers to `workspace/configuration` for `gpaiDocs`. */
  settings?: unknown;
  /** Whether the client supports `workspace/configuration` (default true). */
  pull?: boolean;
  /** The server's pause between a change and its check (default 5 ms). */
  delayMs?: number;
  /** The rules the server runs instead of every rule. */
  rules?: NonNullable<ServerOptions['engine']>['rules'];
  /** Sent with `initialize`, as the extension sends the `.gpai-docs.json` files. */
  initializationOptions?: InitializationOptions;
}

export class TestClient {
  /** The diagnostics published so far, oldest first (the latest 200 to 400 of them). */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: unknown[] = [];
  private readonly waiters: {
    test: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  private readonly texts = new Map<string, TextDocument>();
  settings: unknown;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly initializeResult: InitializeResult,
    settings: unknown,
    private readonly server: { dispose(): void },
  ) {
    this.settings = settings;
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(new ServerReader(toServer), new ServerWriter(toClient));
    startServer(server, {
      delayMs: options.delayMs ?? 5,
      engine: { now: () => new Date(`${TODAY}T12:00:00Z`), timeZone: 'UTC', rules: options.rules },
    });
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    // The handlers are registered before the client exists; they reach it through this holder.
    const holder: { client?: TestClient } = {};
    const early: PublishDiagnosticsParams[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (holder.client) holder.client.receive(params);
      else early.push(params);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      holder.client?.configurationRequests.push(params);
      return params.items.map(() => holder.client?.settings ?? null);
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
    const pull = options.pull ?? true;
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: pull, didChangeConfiguration: { dynamicRegistration: pull } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: options.initializationOptions,
    });
    const client = new TestClient(connection, result, options.settings, server);
    holder.client = client;
    for (const params of early) client.receive(params);
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private receive(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    // A long session (the fuzz) keeps the latest publications only, not every one since the start.
    if (this.published.length > 400) this.published.splice(0, 200);
    for (const w of [...this.waiters]) {
      if (w.test(params)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  }

  /** The next diagnostics published for `uri` (at `version`, if given), or one already received. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
    for (let i = this.published.length - 1; i >= 0; i--) {
      if (test(this.published[i])) return Promise.resolve(this.published[i]);
    }
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** The next diagnostics published for `uri` from now on. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ test: (p) => p.uri === uri, resolve }));
  }

  text(uri: string): string {
    return this.texts.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.texts.get(uri)!.version;
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.texts.set(uri, TextDocument.create(uri, 'gpai-yaml', 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'gpai-yaml', version: 1, text },
    });
    return (await this.diagnostics(uri, 1)).diagnostics;
  }

  /** Send edits as incremental changes (as an editor does after applying them); resolves to the new version. */
  async change(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const before = this.texts.get(uri)!;
    const after = TextDocument.create(
      uri,
      'gpai-yaml',
      before.version + 1,
      TextDocument.applyEdits(before, [...edits]),
    );
    this.texts.set(uri, after);
    // Incremental changes apply one after the other: send them from the end of the text backwards.
    const sorted = [...edits].sort((a, b) => before.offsetAt(b.range.start) - before.offsetAt(a.range.start));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: after.version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return after.version;
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { gpaiDocs: settings },
    });
  }

  /** Sends every `.gpai-docs.json` of the workspace, as the extension does when one changes. */
  async configFiles(files: readonly FileText[]): Promise<void> {
    await this.connection.sendNotification(ConfigFilesNotification, { files });
  }

  /** Sends the workspace files that changed on disk and those deleted, as the Workspace view does. */
  async workspaceFiles(changed: readonly FileText[], deleted: readonly string[] = []): Promise<void> {
    await this.connection.sendNotification(WorkspaceFilesNotification, { changed, deleted });
  }

  /** Sends a document's last committed text (or `null`: none), as the extension does from VS Code's git. */
  async previousVersion(uri: string, text: string | null, label = 'HEAD'): Promise<void> {
    await this.connection.sendNotification(PreviousVersionNotification, { uri, text, label });
  }

  diff(uri: string, text: string, audience?: ChangeAudience): Promise<DocumentChanges | null> {
    return this.connection.sendRequest(DiffRequest, { uri, text, ...(audience ? { audience } : {}) });
  }

  workspaceSummary(): Promise<WorkspaceFileSummary[]> {
    return this.connection.sendRequest(WorkspaceSummaryRequest);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
  }

  async codeActions(uri: string, range: Range, context: CodeActionContext): Promise<CodeAction[]> {
    return ((await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context })) ??
      []) as CodeAction[];
  }

  /** Apply a code action's edit as the editor would, and wait for the new version's diagnostics. */
  async apply(uri: string, action: CodeAction): Promise<Diagnostic[]> {
    const edits = action.edit?.changes?.[uri];
    if (!edits) throw new Error(`the action "${action.title}" has no edit for ${uri}`);
    const version = await this.change(uri, edits);
    return (await this.diagnostics(uri, version)).diagnostics;
  }

  dispose(): void {
    this.connection.dispose();
    this.server.dispose();
  }
}
