/**
 * The editor scenarios on one generated document, against the built server over stdio: open, one
 * keystroke, a burst of typing, hovers and completions while edits stream in, and the server's peak memory.
 * Each returns raw samples in milliseconds; run.ts summarises and prints them.
 */
import { parseDocument } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-protocol';
import { BenchClient, delay, type ServerProcessOptions } from './lspClient';
import { summarize, timeRuns } from './stats';

export interface Samples {
  readonly parse: number[];
  readonly open: number[];
  readonly keystroke: number[];
  /** Keystrokes inside a burst, each sent once the previous one's diagnostics arrived: to its diagnostics. */
  readonly burst: number[];
  readonly hover: number[];
  readonly completion: number[];
  /** Hovers sent while the check of a keystroke runs: latency of each. */
  readonly hoverDuringCheck: number[];
  /** Completions sent with those hovers, at the cursor. */
  readonly completionDuringCheck: number[];
  /** How many of those requests were sent before the keystroke's diagnostics arrived (during its check). */
  readonly sentDuringCheck: number;
  /** gpai-docs' preview model of each version just typed, asked once its diagnostics arrived; empty for others. */
  readonly preview: number[];
  /** Cold start: spawn -> initialize -> open -> first diagnostics, in a fresh server. */
  readonly cold: number[];
  /** VmHWM of a server with only this document, once opened, bytes. */
  readonly hwmOpen: number;
  /** VmHWM of that server after the typing session, bytes. */
  readonly hwm: number;
  /** The same, for the server started as other editors start it (ServerProfile.plainNodeArgs), if measured. */
  readonly hwmPlain?: number;
  readonly hoverEmpty: number;
  readonly completionItems: number;
}

export interface ScenarioCounts {
  readonly parseRuns: number;
  readonly opens: number;
  readonly keystrokes: number;
  /** Bursts of BURST_KEYS keystrokes. */
  readonly bursts: number;
  /** Hovers sent while a keystroke's check runs, spread over the check's duration. */
  readonly midCheckHovers: number;
  /** Seconds of streamed edits with hovers and completions. */
  readonly streamSeconds: number;
  readonly colds: number;
}

/** The same parse the server makes, with `yaml` alone: the reference every ratio is taken to. */
export function bareParse(text: string): unknown {
  return parseDocument(text, {
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    logLevel: 'error',
    keepSourceTokens: false,
  });
}

/** Where the benchmark types, hovers and completes in a document (positions of the unedited text). */
export interface Sites {
  /** End of a line of prose in the middle of a long answer: the writer types there. */
  readonly typing: Position;
  /** Keys and values to hover on, spread over the document. */
  readonly hovers: readonly Position[];
  /** Places to complete besides the cursor: after `status: ` and at the start of keys. */
  readonly completions: readonly Position[];
}

export function findSites(text: string): Sites {
  const lines = text.split('\n');
  const keyLines = lines.flatMap((l, i) => (/^\s*[a-z_]+:/.test(l) ? [i] : []));
  const pick = <T>(list: readonly T[], count: number) =>
    Array.from(
      { length: Math.min(count, list.length) },
      (_, k) => list[Math.floor((k * list.length) / Math.min(count, list.length))],
    );
  const hovers = pick(keyLines, 40).flatMap((line) => {
    const l = lines[line];
    const key = l.length - l.trimStart().length;
    const colon = l.indexOf(':');
    const value = l.slice(colon + 1).trim();
    const at = [{ line, character: key + 1 }];
    if (value && !/^[>|]/.test(value)) at.push({ line, character: colon + 3 });
    return at;
  });
  const statusLines = lines.flatMap((l, i) => (/^\s*status: implemented\s*$/.test(l) ? [i] : []));
  const completions = [
    ...pick(statusLines, 10).map((line) => ({ line, character: lines[line].length })),
    ...pick(
      keyLines.filter((i) => /^\s{4,}[a-z_]+:/.test(lines[i])),
      10,
    ).map((line) => ({ line, character: lines[line].length - lines[line].trimStart().length })),
  ];
  // The longest run of prose near the middle: typing happens at the end of its first line.
  const middle = lines.length >> 1;
  const prose = lines.findIndex((l, i) => i >= middle && /:\s*>-\s*$/.test(l));
  const line = prose + 1;
  return { typing: { line, character: lines[line].length }, hovers, completions };
}

const TYPED = 'and the evaluation results are kept ';

/** Keystrokes in a burst: the first after a pause, the others each as soon as the previous one is checked. */
export const BURST_KEYS = 10;

/** How a server is driven: its process, and when it starts checking a change made after a pause. */
export interface ServerProfile extends ServerProcessOptions {
  /**
   * Milliseconds from a change made after a pause to the start of its check: ours checks at once
   * (server/src/validation.ts), yaml-language-server after its debounce (validationDelayMs, 200 ms). Requests
   * "during a check" are sent this long after a keystroke, plus a part of the time its check takes.
   */
  readonly checkDelayMs: number;
  /** The server is gpai-docs': it answers the preview panel's request (`gpaiDocs/preview`). */
  readonly preview?: boolean;
  /**
   * The node arguments of the server started as editors other than ours start it, when ours adds some
   * (shared/serverProcess.ts): its peak memory is then measured once more, started so.
   */
  readonly plainNodeArgs?: readonly string[];
}

export async function measureDocument(
  text: string,
  server: ServerProfile,
  counts: ScenarioCounts,
  log: (s: string) => void,
  sites: Sites = findSites(text),
): Promise<Samples> {
  log(`bare parse x${counts.parseRuns}`);
  const parse = timeRuns(() => bareParse(text), counts.parseRuns);

  log('cold start');
  const cold: number[] = [];
  for (let i = 0; i < counts.colds; i++) {
    const start = performance.now();
    const client = await BenchClient.start(server);
    await client.open('file:///bench/cold.gpai.yaml', text);
    cold.push(performance.now() - start);
    await client.stop();
  }

  const client = await BenchClient.start(server);
  try {
    await ready(client);
    log(`open x${counts.opens}`);
    const open: number[] = [];
    for (let i = 0; i < counts.opens; i++) {
      const uri = `file:///bench/open-${i}.gpai.yaml`;
      open.push(await client.open(uri, text));
      await client.close(uri);
    }

    const uri = 'file:///bench/large.gpai.yaml';
    await client.open(uri, text);
    await client.settle(uri, 300);
    const typist = new Typist(client, uri, sites.typing);

    log(`keystroke x${counts.keystrokes}`);
    const keystroke: number[] = [];
    for (let i = 0; i < counts.keystrokes; i++) {
      await delay(250); // a pause: this keystroke is not part of a burst
      keystroke.push(await typist.keystrokeToDiagnostics());
    }

    // As the preview panel asks once the writer pauses: the model of the version just typed (the first
    // request of that version besides the check, so it pays for what the check did not compute).
    const preview: number[] = [];
    if (server.preview) {
      log(`preview of a version just typed x${counts.keystrokes}`);
      for (let i = 0; i < counts.keystrokes; i++) {
        await delay(250);
        await typist.keystrokeToDiagnostics();
        preview.push(await client.preview(uri));
      }
    }

    log(`typing burst x${counts.bursts}`);
    const burst: number[] = [];
    for (let i = 0; i < counts.bursts; i++) {
      await delay(250);
      await typist.keystrokeToDiagnostics();
      for (let k = 1; k < BURST_KEYS; k++) burst.push(await typist.keystrokeToDiagnostics());
    }

    log(`hover and completion during a check x${counts.midCheckHovers}`);
    const hoverDuringCheck: number[] = [];
    const completionDuringCheck: number[] = [];
    let sentDuringCheck = 0;
    // How long a check takes once it starts (the median keystroke, less the server's debounce): the requests
    // are sent at points spread over it, from its start to 80 % of it, so that they meet the check running.
    const checkMs = Math.max(1, summarize(keystroke).median - server.checkDelayMs);
    for (let i = 0; i < counts.midCheckHovers; i++) {
      await delay(250);
      const version = await typist.type();
      let checked = false;
      const published = client.diagnostics(uri, version).then(() => (checked = true));
      await delay(server.checkDelayMs + Math.floor((((i * 7) % 41) / 41) * 0.8 * checkMs));
      if (!checked) sentDuringCheck += 2;
      const [hover, completion] = await Promise.all([
        client.hover(uri, sites.hovers[i % sites.hovers.length]),
        client.completion(uri, typist.cursor),
      ]);
      hoverDuringCheck.push(hover.ms);
      completionDuringCheck.push(completion.ms);
      await published;
    }

    return {
      parse,
      open,
      keystroke,
      burst,
      preview,
      cold,
      hoverDuringCheck,
      completionDuringCheck,
      sentDuringCheck,
      ...(await typingSession(text, server, sites, counts, log)),
      ...(server.plainNodeArgs && {
        hwmPlain: (
          await typingSession(text, { ...server, nodeArgs: server.plainNodeArgs }, sites, counts, (s) =>
            log(`${s}, started as other editors start it`),
          )
        ).hwm,
      }),
    };
  } finally {
    await client.stop();
  }
}

/** A fresh server with only this document: hovers and completions while typing, then its peak memory. */
async function typingSession(
  text: string,
  server: ServerProcessOptions,
  sites: Sites,
  counts: ScenarioCounts,
  log: (s: string) => void,
) {
  const client = await BenchClient.start(server);
  try {
    await ready(client);
    const uri = 'file:///bench/typing.gpai.yaml';
    await client.open(uri, text);
    const hwmOpen = client.memory()?.hwm ?? NaN;
    log(`hover and completion while typing, ${counts.streamSeconds} s`);
    const stream = await streamRequests(
      client,
      uri,
      new Typist(client, uri, sites.typing),
      sites,
      counts.streamSeconds * 1000,
    );
    return { ...stream, hwmOpen, hwm: client.memory()?.hwm ?? NaN };
  } finally {
    await client.stop();
  }
}

/** The server has compiled its schema and checked a file: what an editor meets once the server is up. */
export async function ready(client: BenchClient): Promise<void> {
  const uri = 'file:///bench/ready.gpai.yaml';
  await client.open(uri, 'gpai: 1\n');
  await client.close(uri);
}

/** Types characters one at a time at the end of a line of prose, as a writer does. */
export class Typist {
  private typed = 0;

  constructor(
    private readonly client: BenchClient,
    private readonly uri: string,
    private readonly at: Position,
  ) {}

  get cursor(): Position {
    return { line: this.at.line, character: this.at.character + this.typed };
  }

  /** Insert the next character; resolves to the new version. */
  type(): Promise<number> {
    const range: Range = { start: this.cursor, end: this.cursor };
    const ch = TYPED[this.typed++ % TYPED.length];
    return this.client.change(this.uri, range, ch);
  }

  async keystrokeToDiagnostics(): Promise<number> {
    const start = performance.now();
    const version = await this.type();
    await this.client.diagnostics(this.uri, version);
    return performance.now() - start;
  }
}

/**
 * For `durationMs`: a keystroke every 60 ms, each followed by a completion at the cursor (VS Code asks
 * for one as the writer types in a string, since the extension turns quick suggestions on there); a
 * hover every 30 ms somewhere else in the document, and now and then a completion of a key or a status.
 * Nothing waits for an answer before sending the next message, as in an editor.
 */
export async function streamRequests(
  client: BenchClient,
  uri: string,
  typist: Typist,
  sites: Sites,
  durationMs: number,
) {
  const hover: number[] = [];
  const completion: number[] = [];
  let hoverEmpty = 0;
  let completionItems = 0;
  const pending: Promise<unknown>[] = [];
  const end = performance.now() + durationMs;
  let tick = 0;
  let lastVersion = 0;
  while (performance.now() < end) {
    if (tick % 2 === 0) {
      lastVersion = await typist.type();
      pending.push(
        client.completion(uri, typist.cursor).then((r) => {
          completion.push(r.ms);
          completionItems += r.items;
        }),
      );
    }
    const at = sites.hovers[tick % sites.hovers.length];
    pending.push(
      client.hover(uri, at).then((r) => {
        hover.push(r.ms);
        if (r.empty) hoverEmpty++;
      }),
    );
    if (tick % 6 === 3) {
      const c = sites.completions[((tick / 6) % sites.completions.length) | 0];
      pending.push(
        client.completion(uri, c).then((r) => {
          completion.push(r.ms);
          completionItems += r.items;
        }),
      );
    }
    tick++;
    await delay(30);
  }
  await Promise.all(pending);
  await client.diagnostics(uri, lastVersion).catch(() => undefined);
  return { hover, completion, hoverEmpty, completionItems };
}
