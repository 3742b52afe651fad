/**
 * Hostile sizes: the 1.8 MB file of 100,000 invalid list entries (bench/generate.ts), checked by the CLI
 * and kept open in the server while the writer hovers and types; and, in a full run, the CLI on the other
 * hostile files of 100,000 findings each. Each file must give 100 findings of its code and one summing up
 * the rest, in seconds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'vscode-languageserver-protocol';
import { runCheck, type CliRun } from './cli';
import { HOSTILE_KINDS, hostileDocument, type HostileKind } from './generate';
import { BenchClient, delay } from './lspClient';
import { findSites, ready, streamRequests, Typist, type ServerProfile, type Sites } from './scenarios';
import { summarize } from './stats';
import type { Row } from './table';

export const HOSTILE_COUNT = 100_000;

export interface HostileServerSamples {
  /** Open → first diagnostics: the server's check of the whole file. */
  readonly open: number[];
  /** Diagnostics in that first publication. */
  readonly published: number;
  /** Hovers one at a time on the open file, nothing else going on. */
  readonly hoverIdle: number[];
  /** Keystroke after a pause → its diagnostics: a check of the whole file again. */
  readonly keystroke: number[];
  /** Hovers sent 0-40 ms after a keystroke, while its check runs. */
  readonly hoverDuringCheck: number[];
  /** Hovers while typing (a key every 60 ms, a hover every 30 ms, none waiting for the previous answer). */
  readonly hover: number[];
  readonly completion: number[];
  /** VmHWM after all that, bytes. */
  readonly hwm: number;
}

export interface HostileFile {
  readonly kind: HostileKind;
  readonly code: string;
  readonly count: number;
  readonly bytes: number;
  readonly lines: number;
  readonly cli: readonly CliRun[];
  readonly server?: HostileServerSamples;
}

export interface HostileCounts {
  readonly cliRuns: number;
  readonly opens: number;
  readonly keystrokes: number;
  readonly idleHovers: number;
  readonly midCheckHovers: number;
  readonly streamSeconds: number;
  /** Also the CLI on every other hostile file, once each. */
  readonly allKinds: boolean;
}

export async function measureHostile(
  base: string,
  dataDir: string,
  cliJs: string,
  server: ServerProfile,
  counts: HostileCounts,
  log: (s: string) => void,
): Promise<HostileFile[]> {
  const kinds = (Object.keys(HOSTILE_KINDS) as HostileKind[]).filter((k) => counts.allKinds || k === 'list-entries');
  const out: HostileFile[] = [];
  for (const kind of kinds) {
    const text = hostileDocument(base, kind, HOSTILE_COUNT);
    const file = join(dataDir, `hostile-${kind}.gpai.yaml`);
    writeFileSync(file, text);
    const runs = kind === 'list-entries' ? counts.cliRuns : 1;
    log(`hostile ${kind}: CLI x${runs}`);
    const cli = Array.from({ length: runs }, () => runCheck(cliJs, [file]));
    const lines = text.split('\n').length;
    const measured = {
      kind,
      code: HOSTILE_KINDS[kind],
      count: HOSTILE_COUNT,
      bytes: Buffer.byteLength(text),
      lines,
      cli,
    };
    out.push(kind === 'list-entries' ? { ...measured, server: await serve(text, server, counts, log) } : measured);
  }
  return out;
}

/** The list's entries to hover on, besides the keys spread over the file. */
function entrySites(text: string, count: number): Position[] {
  const lines = text.split('\n');
  const entries = lines.flatMap((l, i) => (/^ {4}- odour \d+$/.test(l) ? [i] : []));
  return Array.from({ length: count }, (_, k) => ({
    line: entries[Math.floor((k * entries.length) / count)],
    character: 7,
  }));
}

async function serve(
  text: string,
  server: ServerProfile,
  counts: HostileCounts,
  log: (s: string) => void,
): Promise<HostileServerSamples> {
  const found = findSites(text);
  const sites: Sites = { ...found, hovers: [...found.hovers, ...entrySites(text, 10)] };
  const client = await BenchClient.start(server);
  try {
    await ready(client);
    log(`hostile list-entries: server open x${counts.opens}`);
    const open: number[] = [];
    for (let i = 0; i < counts.opens - 1; i++) {
      const uri = `file:///bench/hostile-open-${i}.gpai.yaml`;
      open.push(await client.open(uri, text));
      await client.close(uri);
    }
    const uri = 'file:///bench/hostile.gpai.yaml';
    open.push(await client.open(uri, text));
    const published = client.lastPublished.get(uri)?.diagnostics.length ?? 0;
    await client.settle(uri, 300);

    log(`hostile list-entries: hover x${counts.idleHovers}, file open`);
    const hoverIdle: number[] = [];
    for (let i = 0; i < counts.idleHovers; i++) {
      hoverIdle.push((await client.hover(uri, sites.hovers[(i * 7) % sites.hovers.length])).ms);
      await delay(20);
    }

    const typist = new Typist(client, uri, sites.typing);
    log(`hostile list-entries: keystroke x${counts.keystrokes}`);
    const keystroke: number[] = [];
    for (let i = 0; i < counts.keystrokes; i++) {
      await delay(250);
      keystroke.push(await typist.keystrokeToDiagnostics());
    }

    log(`hostile list-entries: hover during a check x${counts.midCheckHovers}`);
    const hoverDuringCheck: number[] = [];
    for (let i = 0; i < counts.midCheckHovers; i++) {
      await delay(250);
      const version = await typist.type();
      await delay(server.checkDelayMs + ((i * 7) % 41));
      hoverDuringCheck.push((await client.hover(uri, sites.hovers[i % sites.hovers.length])).ms);
      await client.diagnostics(uri, version);
    }

    log(`hostile list-entries: hover and completion while typing, ${counts.streamSeconds} s`);
    const stream = await streamRequests(client, uri, typist, sites, counts.streamSeconds * 1000);
    return {
      open,
      published,
      hoverIdle,
      keystroke,
      hoverDuringCheck,
      hover: stream.hover,
      completion: stream.completion,
      hwm: client.memory()?.hwm ?? NaN,
    };
  } finally {
    await client.stop();
  }
}

const MB = 1024 * 1024;

/** The rows printed for the hostile files: the 1.8 MB file's CLI and server figures, then the other files. */
export function hostileRows(files: readonly HostileFile[]): Row[] {
  const rows: Row[] = [];
  for (const f of files) {
    const cli = summarize(f.cli.map((r) => r.ms));
    const what = `${f.count.toLocaleString('en')} × ${f.code} (${f.kind}, ${(f.bytes / 1e6).toFixed(1)} MB)`;
    const summary = f.cli[0]?.summary ?? '';
    const capped = f.cli.every((r) => r.summary === summary);
    rows.push({
      id: `hostile-cli-${f.kind}`,
      scenario: `CLI check, ${what}`,
      unit: 'ms',
      summary: cli,
      ...(f.server ? { target: '< 2 s', ok: cli.median < 2000 } : {}),
      note: `${summary}${capped ? '' : ' (runs differ)'}`,
    });
    const s = f.server;
    if (!s) continue;
    rows.push(
      {
        id: 'hostile-open',
        scenario: 'server: open → first diagnostics (the whole check)',
        unit: 'ms',
        summary: summarize(s.open),
        note: `${s.published} diagnostics published`,
      },
      {
        id: 'hostile-keystroke',
        scenario: 'server: keystroke after a pause → diagnostics',
        unit: 'ms',
        summary: summarize(s.keystroke),
      },
      hoverRow('hostile-hover-idle', 'server: hover, the file open', s.hoverIdle, true),
      hoverRow('hostile-hover', 'server: hover while typing', s.hover, true),
      hoverRow(
        'hostile-hover-check',
        'server: hover sent 0-40 ms after a keystroke, during its check',
        s.hoverDuringCheck,
        false,
      ),
      {
        id: 'hostile-completion',
        scenario: 'server: completion while typing',
        unit: 'ms',
        summary: summarize(s.completion),
      },
      {
        id: 'hostile-memory',
        scenario: 'server: peak memory (VmHWM) after all this',
        unit: 'MB',
        value: s.hwm / MB,
      },
    );
  }
  return rows;
}

function hoverRow(id: string, scenario: string, samples: number[], target: boolean): Row {
  const summary = summarize(samples);
  return { id, scenario, unit: 'ms', summary, ...(target ? { target: 'p95 < 50 ms', ok: summary.p95 < 50 } : {}) };
}
