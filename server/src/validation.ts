/**
 * Diagnostics as the writer types. A change is checked at once when the previous change came longer ago
 * than a check of this document takes; within a burst of keystrokes, after a pause as long as that (at most
 * `delayMs`), so that the burst is checked once. A check runs one rule at a time, lets the connection answer
 * hovers and completions between rules, and is cancelled the moment a newer version arrives: nothing is
 * sent for a replaced version.
 */
import {
  CancellationTokenSource,
  DiagnosticSeverity,
  type Connection,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParseCache } from './documents';
import type { Engine } from './engine';
import type { PreviousVersions } from './previousVersions';
import type { SettingsStore } from './settings';

export interface ValidationOptions {
  /** The longest pause to wait for within a burst of keystrokes. */
  readonly delayMs: number;
}

/** How much the latest check's duration counts in the estimate of the next one's. */
const WEIGHT = 0.5;

export class Validation {
  /** How to cancel each document's check that waits to start. */
  private readonly waiting = new Map<string, () => void>();
  private readonly running = new Map<string, CancellationTokenSource>();
  /** When each open document last changed (performance.now()). */
  private readonly lastChange = new Map<string, number>();
  /** How long a check of each open document takes, in ms: a moving estimate. */
  private readonly cost = new Map<string, number>();
  /** What was logged about each open document. */
  private readonly logged = new Map<string, Set<string>>();
  /** Set at `shutdown`. */
  private stopped = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: ParseCache,
    private readonly settings: SettingsStore,
    private readonly engine: Engine,
    private readonly options: ValidationOptions,
    private readonly previous: PreviousVersions,
  ) {}

  /** The document was opened or changed: the check of the version it replaces stops now. */
  changed(document: TextDocument): void {
    const now = performance.now();
    const last = this.lastChange.get(document.uri);
    this.lastChange.set(document.uri, now);
    this.stop(document.uri);
    const pause = Math.min(this.options.delayMs, this.cost.get(document.uri) ?? 0);
    this.schedule(document, last === undefined || now - last >= pause ? 0 : pause);
  }

  schedule(document: TextDocument, delayMs = 0): void {
    this.cancelWaiting(document.uri);
    if (this.stopped) return;
    const start = () => {
      this.waiting.delete(document.uri);
      // Whatever goes wrong is logged: a rejection left unhandled would end the server process.
      const { uri, version } = document;
      this.run(uri, version).catch((e: unknown) => this.failed(uri, version, e));
    };
    // A check due now starts on the next turn of the event loop, after the messages read with the change: a
    // timer of 0 ms waits at least 1 ms in Node, 1-2 ms of every keystroke's diagnostics.
    if (delayMs > 0) {
      const timer = setTimeout(start, delayMs);
      this.waiting.set(document.uri, () => clearTimeout(timer));
    } else {
      const immediate = setImmediate(start);
      this.waiting.set(document.uri, () => clearImmediate(immediate));
    }
  }

  /** Something the check reads besides the text changed (its previous version): check it again now. */
  recheck(document: TextDocument): void {
    this.stop(document.uri);
    this.schedule(document, 0);
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) {
      this.stop(document.uri);
      this.schedule(document, 0);
    }
  }

  /** The server shuts down: every check stops, and none starts again. */
  stopAll(): void {
    for (const uri of [...this.waiting.keys(), ...this.running.keys()]) this.stop(uri);
    this.stopped = true;
  }

  /** The document was closed: nothing more to check. */
  forget(uri: string): void {
    this.stop(uri);
    this.lastChange.delete(uri);
    this.cost.delete(uri);
    this.logged.delete(uri);
  }

  private cancelWaiting(uri: string): void {
    this.waiting.get(uri)?.();
    this.waiting.delete(uri);
  }

  /** Stops the check of this document that is waiting or running. */
  private stop(uri: string): void {
    this.cancelWaiting(uri);
    this.running.get(uri)?.cancel();
    this.running.delete(uri);
  }

  /**
   * A check that failed outside the rules' own guard: logged once, and published as one diagnostic at the
   * top of the file, so that the writer is not left looking at the findings of an older version.
   */
  private failed(uri: string, version: number, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.logOnce(uri, `checking ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    if (!this.current(uri, version)) return;
    const start = { line: 0, character: 0 };
    void this.connection.sendDiagnostics({
      uri,
      version,
      diagnostics: [
        {
          range: { start, end: start },
          severity: DiagnosticSeverity.Information,
          code: 'rule.failed',
          source: 'gpai-docs',
          message: `gpai-docs could not check this file (${message.slice(0, 200)}); the output channel "GPAI Docs" has the details.`,
        },
      ],
    });
  }

  /** Writes an error to the output channel once per document, not again for each version that repeats it. */
  private logOnce(uri: string, text: string): void {
    const seen = this.logged.get(uri) ?? new Set<string>();
    this.logged.set(uri, seen);
    if (seen.has(text)) return;
    seen.add(text);
    this.connection.console.error(`gpai-docs: ${text}`);
  }

  private current(uri: string, version: number): TextDocument | undefined {
    const document = this.documents.get(uri);
    return document?.version === version ? document : undefined;
  }

  private async run(uri: string, version: number): Promise<void> {
    if (!this.current(uri, version)) return;
    const source = new CancellationTokenSource();
    this.running.set(uri, source);
    try {
      const { severity } = await this.settings.get(uri);
      const document = this.current(uri, version);
      if (!document || source.token.isCancellationRequested) return;
      const started = performance.now();
      const previous = this.previous.get(uri);
      const result = await this.engine.check(this.cache.get(document), { token: source.token, severity, previous });
      if (!result || !this.current(uri, version)) return;
      const took = performance.now() - started;
      const before = this.cost.get(uri);
      this.cost.set(uri, before === undefined ? took : WEIGHT * took + (1 - WEIGHT) * before);
      for (const f of result.failures) this.logOnce(uri, `the check ${f.rule} failed on ${uri}: ${f.message}`);
      await this.connection.sendDiagnostics({ uri, version, diagnostics: result.diagnostics });
    } finally {
      if (this.running.get(uri) === source) this.running.delete(uri);
      source.dispose();
    }
  }
}

/**
 * Resolves after the messages read meanwhile are handled: the connection handles each in a setImmediate
 * of its own, queued after this one's first hop, so the second hop comes after them.
 */
export function afterPendingMessages(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** How many requests the server has answered from a document (handlers.ts counts them). */
export class RequestTraffic {
  answered = 0;
}

/** Rounds of requests a pause lets through before the check goes on, when requests keep coming. */
const MAX_ROUNDS = 8;

/**
 * The pause between two rules of a check: it lets through what arrived meanwhile, and goes on while that lets
 * more through. The connection takes one message per turn of the event loop: a hover and a completion sent
 * together would otherwise have a rule run between them.
 */
export function pauseBetweenRules(traffic: RequestTraffic): () => Promise<void> {
  return async () => {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const before = traffic.answered;
      await afterPendingMessages();
      if (traffic.answered === before) return;
    }
  };
}
