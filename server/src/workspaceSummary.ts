/**
 * The Workspace view's summaries: for every `.gpai.yaml` the client sent (WorkspaceFilesNotification), its
 * classification, coverage and problem counts. The server reads no files: the client sends a file's text
 * when it is listed, created, changed on disk or saved, never as the writer types; an open document is
 * summarised from the editor's text, by version, with the parse that validation shares.
 *
 * Each file is summarised once per version of its text (an open document's version, else the text the client
 * last sent), off the request path: a queue works through the files due, one rule at a time, and lets the
 * connection answer hovers and completions between steps; `gpaiDocs/workspaceSummary` waits for the queue.
 * Summaries keep each finding's code and default severity, so that a change of severity settings (editor or
 * `.gpai-docs.json`) recounts them without checking any file again.
 */
import { DiagnosticSeverity, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceFilesNotification, WorkspaceSummaryRequest, type FileText } from '../../shared/protocol';
import type { WorkspaceFileSummary } from '../../shared/types';
import type { ParseCache } from './documents';
import { toLspSeverity, type Engine, type GpaiDocument, type Settings, type Severities } from './engine';
import type { SettingsStore } from './settings';
import { afterPendingMessages } from './validation';

/** Summarises one file with the engine, at once; pure. */
export function summarise(engine: Engine, file: FileText, severity?: Severities): WorkspaceFileSummary {
  const doc = engine.parse(file.text, file.uri);
  const findings = engine.checkNow(doc, { severity }).diagnostics.map((d) => ({
    code: String(d.code),
    severity: d.severity,
  }));
  return count(file.uri, { coverage: coverageOf(engine, doc), findings }, { severity: {} });
}

/** What a summary needs of the server. */
export interface SummaryContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: ParseCache;
  readonly settings: SettingsStore;
  /** The server's engine: it pauses between rules, so that a summary never holds up a request. */
  readonly engine: Engine;
}

interface Finding {
  readonly code: string;
  readonly severity: DiagnosticSeverity | undefined;
}

interface Entry {
  /** What was summarised: an open document's version, or the very string the client sent. */
  readonly source: number | string;
  readonly coverage: Pick<WorkspaceFileSummary, 'classification' | 'percent' | 'counts'>;
  /** Every finding at its default severity. */
  readonly findings: readonly Finding[];
}

export class WorkspaceSummaries {
  /** The texts the client sent, by URI, in the order first sent. */
  private readonly texts = new Map<string, string>();
  private readonly entries = new Map<string, Entry>();
  /** The version of each file whose summary threw. */
  private readonly failed = new Map<string, number | string>();
  private queue: Promise<void> | undefined;

  constructor(private readonly ctx: SummaryContext) {}

  /** Takes the client's news and starts summarising in the background. */
  update(changed: readonly FileText[], deleted: readonly string[]): void {
    for (const uri of deleted) {
      this.texts.delete(uri);
      this.entries.delete(uri);
      this.failed.delete(uri);
    }
    for (const file of changed) if (this.texts.get(file.uri) !== file.text) this.texts.set(file.uri, file.text);
    void this.drain();
  }

  /** Every file's summary, once the queue has summarised those due; counts follow each file's severities. */
  async all(): Promise<WorkspaceFileSummary[]> {
    await this.drain();
    const out: WorkspaceFileSummary[] = [];
    for (const uri of this.texts.keys()) {
      const entry = this.entries.get(uri);
      if (entry) out.push(count(uri, entry, await this.ctx.settings.get(uri)));
    }
    return out;
  }

  /** The pass under way, or a new one if any file is due. */
  private drain(): Promise<void> {
    this.queue ??= this.pass().finally(() => (this.queue = undefined));
    return this.queue;
  }

  /**
   * Summarises the files due, each at most once: a file that changes again meanwhile waits for the next pass
   * (the next request), so that a writer typing in an open file cannot keep a pass from ending.
   */
  private async pass(): Promise<void> {
    const done = new Set<string>();
    for (let uri = this.due(done); uri !== undefined; uri = this.due(done)) {
      done.add(uri);
      await afterPendingMessages();
      const source = this.source(uri);
      if (source === undefined) continue; // deleted meanwhile
      try {
        const entry = await this.summarise(uri, source);
        if (this.texts.has(uri)) this.entries.set(uri, entry); // unless deleted meanwhile
      } catch (e) {
        // Logged once per version; the file is left out of the view rather than retried forever.
        this.failed.set(uri, source);
        this.ctx.connection.console.error(`gpai-docs: could not summarise ${uri}: ${e instanceof Error ? e.stack : e}`);
      }
    }
  }

  /** One file's summary, one rule at a time, answering the messages that arrive between rules. */
  private async summarise(uri: string, source: number | string): Promise<Entry> {
    const { engine } = this.ctx;
    const doc =
      typeof source === 'number' ? this.ctx.cache.get(this.ctx.documents.get(uri)!) : engine.parse(source, uri);
    // At the default severities: each file's settings are applied when the summaries are counted.
    const result = await engine.check(doc, { severity: {} });
    const findings = (result?.diagnostics ?? []).map((d) => ({ code: String(d.code), severity: d.severity }));
    return { source, coverage: coverageOf(engine, doc), findings };
  }

  /** The first file, not in `done`, whose summary is missing or older than its text. */
  private due(done: ReadonlySet<string>): string | undefined {
    for (const uri of this.texts.keys()) {
      if (done.has(uri)) continue;
      const source = this.source(uri);
      if (this.entries.get(uri)?.source !== source && this.failed.get(uri) !== source) return uri;
    }
    return undefined;
  }

  /** The version of the file to summarise: an open document's, else the text the client sent. */
  private source(uri: string): number | string | undefined {
    return this.ctx.documents.get(uri)?.version ?? this.texts.get(uri);
  }
}

/** Registers the notification and the request. */
export function registerWorkspaceSummary(ctx: SummaryContext): WorkspaceSummaries {
  const summaries = new WorkspaceSummaries(ctx);
  // By method name: see newFileTemplate.ts.
  ctx.connection.onNotification(
    WorkspaceFilesNotification.method,
    ({ changed, deleted }: { changed?: readonly FileText[]; deleted?: readonly string[] }) =>
      summaries.update(changed ?? [], deleted ?? []),
  );
  ctx.connection.onRequest(WorkspaceSummaryRequest.method, () => summaries.all());
  return summaries;
}

function coverageOf(engine: Engine, doc: GpaiDocument): Entry['coverage'] {
  const { classification, percent, counts } = engine.coverage(doc)!;
  return { classification, percent, counts };
}

/** The summary of an entry under `settings`: a finding's severity is the setting for its code, else its own. */
function count(uri: string, entry: Omit<Entry, 'source'>, settings: Settings): WorkspaceFileSummary {
  let errors = 0;
  let warnings = 0;
  for (const finding of entry.findings) {
    const setting = settings.severity[finding.code];
    if (setting === 'off') continue;
    const severity = setting ? toLspSeverity(setting) : finding.severity;
    if (severity === DiagnosticSeverity.Error) errors++;
    else if (severity === DiagnosticSeverity.Warning) warnings++;
  }
  return { uri, ...entry.coverage, errors, warnings };
}
