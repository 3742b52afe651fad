/**
 * Fuzz documents sent to a real server over the protocol, as an editor would: opened, then changed
 * incrementally from one document to the next (and now and then closed and opened afresh), with hover,
 * completion, code-action, symbol, folding, link and lens requests at random positions, and the preview
 * and coverage requests now and then. Every request must be answered without an error, and every range
 * in the answers must lie inside the client's text.
 */
import {
  CodeLensRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type CodeActionContext,
  type Diagnostic,
  type DocumentSymbol,
  type Range,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKinds, Requests } from '../../shared/names';
import { TestClient } from '../server/client';
import { randomPositions, randomRange, stackOf, type CheckResult } from './engineCheck';
import {
  Bounds,
  codeActionProblems,
  completionProblems,
  diagnosticProblems,
  everyRange,
  foldingProblems,
  symbolProblems,
} from './invariants';
import type { Random } from './random';

/** How long one document may take before the server counts as hung (a 150 kB line takes well under this). */
export const DEADLINE_MS = 20_000;

/** Rejects when `promise` has not settled within `ms`: a deadline, never a pause. */
export function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export class ServerSession {
  private uri: string | undefined;
  private opened = 0;

  private constructor(readonly client: TestClient) {}

  static async start(): Promise<ServerSession> {
    return new ServerSession(await TestClient.start({ delayMs: 0 }));
  }

  dispose(): void {
    this.client.dispose();
  }

  /** Send `text` (as a change to the open document, or opened afresh), then ask everything about it. */
  async check(text: string, rnd: Random, index: number): Promise<CheckResult> {
    const problems: string[] = [];
    let answered = 0;
    try {
      const diagnostics = await within(DEADLINE_MS, this.send(text, rnd, index), 'the diagnostics');
      answered++;
      const bounds = new Bounds(text);
      problems.push(...diagnosticProblems(bounds, diagnostics, 'server'));
      const requests = this.requests(bounds, diagnostics, rnd, index);
      const settled = await within(
        DEADLINE_MS,
        Promise.allSettled(requests.map(([, p]) => p)),
        `${requests.length} requests`,
      );
      settled.forEach((s, i) => {
        if (s.status === 'fulfilled') {
          answered++;
          problems.push(...s.value);
        } else {
          problems.push(`server ${requests[i][0]} failed: ${stackOf(s.reason)}`);
        }
      });
    } catch (e) {
      problems.push(`server: ${stackOf(e)}`);
    }
    return { problems, answered };
  }

  private async send(text: string, rnd: Random, index: number): Promise<Diagnostic[]> {
    const { client } = this;
    if (!this.uri || rnd.chance(0.04)) {
      if (this.uri) await client.close(this.uri);
      this.uri = `file:///fuzz/${index}-${this.opened++}.gpai.yaml`;
      return client.open(this.uri, text);
    }
    const before = client.text(this.uri);
    const version = await client.change(this.uri, [difference(before, text)]);
    return (await client.diagnostics(this.uri, version)).diagnostics;
  }

  private requests(
    bounds: Bounds,
    diagnostics: readonly Diagnostic[],
    rnd: Random,
    index: number,
  ): [string, Promise<string[]>][] {
    const { client } = this;
    const uri = this.uri!;
    const textDocument = { uri };
    const out: [string, Promise<string[]>][] = [];
    for (const position of randomPositions(rnd, bounds, 2)) {
      const at = `${position.line}:${position.character}`;
      out.push([`hover ${at}`, client.hover(uri, position).then((h) => everyRange(bounds, h, `server hover ${at}`))]);
      out.push([
        `completion ${at}`,
        client.completion(uri, position).then((items) => completionProblems(bounds, items, position, `server ${at}`)),
      ]);
    }
    for (const context of actionContexts(diagnostics, rnd)) {
      const range = randomRange(rnd, bounds);
      out.push([
        'code actions',
        client.codeActions(uri, range, context).then((a) => codeActionProblems(bounds, uri, a, 'server')),
      ]);
    }
    out.push([
      'document symbols',
      client.connection
        .sendRequest(DocumentSymbolRequest.type, { textDocument })
        .then((s) => symbolProblems(bounds, (s ?? []) as DocumentSymbol[], 'server')),
    ]);
    out.push([
      'folding ranges',
      client.connection
        .sendRequest(FoldingRangeRequest.type, { textDocument })
        .then((f) => foldingProblems(bounds, f ?? [], 'server')),
    ]);
    out.push([
      'document links',
      client.connection
        .sendRequest(DocumentLinkRequest.type, { textDocument })
        .then((l) => everyRange(bounds, l, 'server links')),
    ]);
    out.push([
      'code lenses',
      client.connection
        .sendRequest(CodeLensRequest.type, { textDocument })
        .then((l) => everyRange(bounds, l, 'server lenses')),
    ]);
    if (index % 10 === 0) {
      out.push([
        'preview',
        client.connection.sendRequest(Requests.preview, { uri }).then((m) => everyRange(bounds, m, 'server preview')),
      ]);
      out.push([
        'coverage',
        client.connection.sendRequest(Requests.coverage, { uri }).then((c) => everyRange(bounds, c, 'server coverage')),
      ]);
    }
    return out;
  }
}

/** The contexts an editor sends: the diagnostics under the cursor (with their data), a filter by kind or none. */
function actionContexts(diagnostics: readonly Diagnostic[], rnd: Random): CodeActionContext[] {
  const some = diagnostics.filter(() => rnd.chance(0.3)).slice(0, 8);
  const one = diagnostics.length ? [rnd.pick(diagnostics)] : [];
  return [
    { diagnostics: some },
    { diagnostics: one, only: ['quickfix'] },
    { diagnostics: [], only: [rnd.pick(['source', CodeActionKinds.addMissing, CodeActionKinds.fixAll])] },
  ];
}

/** One edit turning `before` into `after`: the span between their common prefix and suffix, never inside a CRLF. */
export function difference(before: string, after: string): { range: Range; newText: string } {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && before[start - 1] === '\r' && before[start] === '\n') start--;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end))
    end++;
  if (end > 0 && before[before.length - end - 1] === '\r' && before[before.length - end] === '\n') end--;
  const document = TextDocument.create('file:///before', 'gpai-yaml', 0, before);
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}
