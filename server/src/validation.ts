/**
 * Diagnostics as the writer types: a document just opened, or changed after a pause in typing, is checked
 * at once; a change within a burst of keystrokes (re)starts a short timer, so that the burst is checked
 * once. A check runs one rule at a time and lets the connection answer hovers and completions between
 * rules; it stops as soon as a newer version arrives, and nothing is sent for a replaced version.
 */
import { DiagnosticSeverity, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParseCache } from './documents';
import { diagnosticSteps, type Rule } from './engine';
import type { SettingsStore } from './settings';

export interface ValidationOptions {
  /** Milliseconds to wait after a change before checking; an opened document is checked at once. */
  readonly delayMs: number;
  /** Today, YYYY-MM-DD, for the date rules. */
  readonly today: () => string;
  /** The rules to run, if not every rule (tests). */
  readonly rules?: readonly Rule[];
}

export class Validation {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each open document last changed (performance.now()). */
  private readonly lastChange = new Map<string, number>();
  /** What was logged about each open document. */
  private readonly logged = new Map<string, Set<string>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: ParseCache,
    private readonly settings: SettingsStore,
    private readonly options: ValidationOptions,
  ) {}

  /** The document was opened or changed: check it at once after a pause of `delayMs`, else after one. */
  changed(document: TextDocument): void {
    const now = performance.now();
    const last = this.lastChange.get(document.uri);
    this.lastChange.set(document.uri, now);
    this.schedule(document, last === undefined || now - last >= this.options.delayMs ? 0 : this.options.delayMs);
  }

  schedule(document: TextDocument, delayMs = this.options.delayMs): void {
    this.cancel(document.uri);
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        // Whatever goes wrong is logged: a rejection left unhandled would end the server process.
        const { uri, version } = document;
        this.run(uri, version).catch((e: unknown) => this.failed(uri, version, e));
      }, delayMs),
    );
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** The document was closed: nothing more to check. */
  forget(uri: string): void {
    this.cancel(uri);
    this.lastChange.delete(uri);
    this.logged.delete(uri);
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
    const { severity } = await this.settings.get(uri);
    const document = this.current(uri, version);
    if (!document) return; // a newer version arrived while the settings were read
    // One rule per step; between steps the connection answers what arrived (hovers, completions), and a
    // newer version ends this check: its work would be stale.
    const steps = diagnosticSteps(this.cache.get(document), {
      severity,
      today: this.options.today(),
      rules: this.options.rules,
    });
    let step = steps.next();
    while (!step.done) {
      await afterPendingMessages();
      if (!this.current(uri, version)) return;
      step = steps.next();
    }
    const { diagnostics, failures } = step.value;
    for (const f of failures) this.logOnce(uri, `the check ${f.rule} failed on ${uri}: ${f.message}`);
    if (!this.current(uri, version)) return;
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}

/**
 * Resolves after the messages read meanwhile are handled: the connection handles each in a setImmediate
 * of its own, queued after this one's first hop, so the second hop comes after them.
 */
export function afterPendingMessages(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
