/**
 * `npm run bench`: builds the production bundles into bench/out/dist (dist/ is left alone), generates the
 * documents and the workspace from a seed, then measures the server over stdio, yaml-language-server on the
 * same file, the hostile 1.8 MB file, the CLI, the extension's activation and the bundles, and prints one
 * table (`--json`: the same figures for machines).
 *
 * Options: --json · --quick (fewer samples and only the 10,000-line file: a smoke run, not figures to quote)
 * · --sizes=1000,10000 (the growth table) · --dist=DIR (bundles to measure, default bench/out/dist)
 * · --profile (each server writes a V8 CPU profile per process into bench/out/profiles) · --no-yls (skip
 * yaml-language-server) · --no-hostile (skip the hostile files).
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVER_EXEC_ARGV } from '../shared/serverProcess';
import { activationChild, sampleActivation, type ActivationSample } from './activation';
import { runCheck, writeWorkspace, type CliRun } from './cli';
import { compare, duringCheck, type Comparison } from './compare';
import { diffRow, measureDiff } from './diff';
import { largeDocument, workspace } from './generate';
import { hostileRows, measureHostile, type HostileCounts, type HostileFile } from './hostile';
import { bareParse, measureDocument, type Samples, type ScenarioCounts, type ServerProfile } from './scenarios';
import { summarize, timeRuns, type Summary } from './stats';
import { formatTable, type Row } from './table';
import { schemaApplied, ylsProfile, ylsVersion } from './yls';

const ROOT = resolve(__dirname, '..', '..');
const OUT = join(ROOT, 'bench', 'out');
const MAIN_SIZE = 10_000;
const WORKSPACE_FILES = 1000;
const MB = 1024 * 1024;

interface Options {
  readonly json: boolean;
  readonly quick: boolean;
  readonly sizes: readonly number[];
  readonly dist: string;
  readonly profile: boolean;
  readonly yls: boolean;
  readonly hostile: boolean;
}

function options(argv: readonly string[]): Options {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = argv.includes('--quick');
  return {
    json: argv.includes('--json'),
    quick,
    sizes: (value('sizes') ?? (quick ? String(MAIN_SIZE) : '1000,5000,10000,50000'))
      .split(',')
      .map(Number)
      .filter((n) => n > 0),
    dist: resolve(ROOT, value('dist') ?? join('bench', 'out', 'dist')),
    profile: argv.includes('--profile'),
    yls: !argv.includes('--no-yls'),
    hostile: !argv.includes('--no-hostile'),
  };
}

function counts(size: number, quick: boolean): ScenarioCounts {
  if (quick) return { parseRuns: 5, opens: 2, keystrokes: 3, bursts: 1, midCheckHovers: 4, streamSeconds: 1, colds: 1 };
  if (size === MAIN_SIZE)
    return { parseRuns: 20, opens: 10, keystrokes: 20, bursts: 4, midCheckHovers: 20, streamSeconds: 8, colds: 3 };
  const large = size > MAIN_SIZE;
  return {
    parseRuns: large ? 5 : 20,
    opens: large ? 3 : 5,
    keystrokes: large ? 5 : 10,
    bursts: 2,
    midCheckHovers: large ? 5 : 10,
    streamSeconds: large ? 2 : 3,
    colds: 1,
  };
}

function hostileCounts(quick: boolean): HostileCounts {
  return quick
    ? { cliRuns: 1, opens: 1, keystrokes: 1, idleHovers: 10, midCheckHovers: 2, streamSeconds: 2, allKinds: false }
    : { cliRuns: 3, opens: 2, keystrokes: 5, idleHovers: 40, midCheckHovers: 10, streamSeconds: 6, allKinds: true };
}

/** The package's version and, in a git checkout, the commit. */
function ourVersion(): string {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  try {
    const commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }).trim();
    const dirty = execSync('git status --porcelain', { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }).trim();
    return `${version} (${commit}${dirty ? ', with changes' : ''})`;
  } catch {
    return version;
  }
}

function machine() {
  const model = /^model name\s*:\s*(.+)$/m.exec(safeRead('/proc/cpuinfo'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    nproc: Number(execSync('nproc', { encoding: 'utf8' }).trim()) || cpus().length,
    cpu: model,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const childAt = argv.indexOf('--activation-child');
  if (childAt >= 0) return activationChild(argv[childAt + 1], argv[childAt + 2]);
  const opts = options(argv);
  const started = performance.now();
  const loadAtStart = loadavg()[0];
  const log = (s: string) =>
    process.stderr.write(`bench [${((performance.now() - started) / 1000).toFixed(1)} s]: ${s}\n`);
  const nodeArgs = opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(OUT, 'profiles')}`] : [];
  // Ours checks a change made after a pause at once (server/src/validation.ts), and is started as the VS Code
  // client starts it; its peak memory is measured also as other editors start it.
  const server: ServerProfile = {
    serverJs: join(opts.dist, 'server.js'),
    nodeArgs: [...SERVER_EXEC_ARGV, ...nodeArgs],
    plainNodeArgs: nodeArgs,
    checkDelayMs: 0,
    preview: true,
  };

  const base = readFileSync(join(ROOT, 'examples', 'halcyon-xl.gpai.yaml'), 'utf8');
  const sizes = [...new Set([...opts.sizes, MAIN_SIZE])].sort((a, b) => a - b);
  mkdirSync(join(OUT, 'data'), { recursive: true });
  // The reference parse runs in this process: warm its JIT before the first size is measured.
  timeRuns(() => bareParse(largeDocument(base, { lines: 2000, seed: 1 })), 10, 0);
  const bySize = new Map<number, { text: string; samples: Samples }>();
  for (const size of sizes) {
    const text = largeDocument(base, { lines: size, seed: 8 });
    writeFileSync(join(OUT, 'data', `large-${size}.gpai.yaml`), text);
    log(`${size} lines (${kb(text.length)})`);
    bySize.set(size, {
      text,
      // The peak as other editors start it: for the main size only (a typing session more).
      samples: await measureDocument(
        text,
        size === MAIN_SIZE ? server : { ...server, plainNodeArgs: undefined },
        counts(size, opts.quick),
        (s) => log(`  ${s}`),
      ),
    });
  }

  const main = bySize.get(MAIN_SIZE)!;
  let comparison: Comparison | undefined;
  if (opts.yls) {
    const yls = ylsProfile(ROOT, nodeArgs);
    log(`yaml-language-server ${ylsVersion(ROOT)}, ${MAIN_SIZE} lines`);
    if (!(await schemaApplied(yls))) throw new Error('yaml-language-server did not apply schemas/gpai.schema.json');
    // The bare parse is the same as for ours: not measured again.
    const ylsCounts = { ...counts(MAIN_SIZE, opts.quick), parseRuns: 0 };
    const samples = await measureDocument(main.text, yls, ylsCounts, (s) => log(`  ${s}`));
    comparison = {
      versions: { ours: ourVersion(), yls: ylsVersion(ROOT) },
      document: { lines: MAIN_SIZE, bytes: Buffer.byteLength(main.text) },
      duringCheck: { ours: duringCheck(main.samples), yls: duringCheck(samples) },
      rows: compare(main.samples, samples),
    };
  }

  const cliJs = join(opts.dist, 'cli.js');
  const hostile: HostileFile[] = opts.hostile
    ? await measureHostile(base, join(OUT, 'data'), cliJs, server, hostileCounts(opts.quick), log)
    : [];

  log(`CLI on ${WORKSPACE_FILES} files`);
  const examples = readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.gpai.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(ROOT, 'examples', name), 'utf8') }));
  const files = workspace(examples, WORKSPACE_FILES, 8);
  const wsDir = join(OUT, 'workspace');
  const wsBytes = writeWorkspace(wsDir, files);
  runCheck(cliJs, [wsDir]); // the files into the page cache
  const cliRuns: CliRun[] = Array.from({ length: opts.quick ? 1 : 3 }, () => runCheck(cliJs, [wsDir]));
  const largeFile = join(OUT, 'data', `large-${MAIN_SIZE}.gpai.yaml`);
  const cliLarge = Array.from({ length: opts.quick ? 1 : 3 }, () => runCheck(cliJs, [largeFile]));

  log(`diff of two ${MAIN_SIZE}-line versions`);
  const diffSamples = measureDiff(main.text, opts.quick ? 5 : 20);

  log('extension activation');
  const runner = join(OUT, 'run.js');
  const extensionJs = join(opts.dist, 'extension.js');
  const vscodeTypes = join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts');
  sampleActivation(runner, extensionJs, vscodeTypes);
  const activation: ActivationSample[] = Array.from({ length: opts.quick ? 2 : 7 }, () =>
    sampleActivation(runner, extensionJs, vscodeTypes),
  );

  const result = {
    date: new Date().toISOString(),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    // Other processes on the machine lengthen the tails (p95, max): the 1-minute load average, at start and end.
    machine: { ...machine(), load: [loadAtStart, loadavg()[0]].map((l) => Math.round(l * 100) / 100) },
    quick: opts.quick,
    document: { lines: MAIN_SIZE, bytes: Buffer.byteLength(main.text) },
    rows: [
      ...rows(main.samples, cliRuns, WORKSPACE_FILES, wsBytes, cliLarge, activation, opts.dist),
      diffRow(diffSamples),
    ],
    growth: sizes.map((size) => growthRow(size, bySize.get(size)!)),
    comparison,
    hostileRows: hostileRows(hostile),
    hostile,
    activation,
    cli: { files: WORKSPACE_FILES, bytes: wsBytes, runs: cliRuns, large: cliLarge },
    totalSeconds: 0,
  };
  result.totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write(formatTable(result));
  }
}

function rows(
  s: Samples,
  cli: readonly CliRun[],
  files: number,
  bytes: number,
  cliLarge: readonly CliRun[],
  activation: readonly ActivationSample[],
  dist: string,
): Row[] {
  const parse = summarize(s.parse);
  const ratio = (x: Summary) => x.median / parse.median;
  const open = summarize(s.open);
  const keystroke = summarize(s.keystroke);
  const hover = summarize(s.hover);
  const completion = summarize(s.completion);
  const cliMs = summarize(cli.map((r) => r.ms));
  const filesPerSecond = files / (cliMs.median / 1000);
  const mbPerSecond = bytes / MB / (cliMs.median / 1000);
  const cliFailed = cli.find((r) => r.status !== 0);
  const act = activation.filter((a) => Number.isFinite(a.activate));
  const activate = summarize(act.map((a) => a.load + a.activate));
  const nextTurn = act.filter((a) => a.nextTurn !== undefined).map((a) => a.nextTurn!);
  const size = (name: string) => statSync(join(dist, name)).size;
  const extensionBytes = size('extension.js');
  const serverBytes = size('server.js');
  const hwmMB = s.hwm / MB;
  const previewRows: Row[] = s.preview.length
    ? [
        {
          id: 'preview',
          scenario: 'preview model of a version just typed (gpaiDocs/preview, after its diagnostics)',
          unit: 'ms',
          summary: summarize(s.preview),
          ratio: ratio(summarize(s.preview)),
          note: 'info: what the preview panel asks once the writer pauses',
        },
      ]
    : [];
  return [
    {
      id: 'parse',
      scenario: `bare yaml parseDocument, same text (in the bench process)`,
      unit: 'ms',
      summary: parse,
      ratio: 1,
      note: '',
    },
    {
      id: 'open',
      scenario: 'open → first diagnostics (server running)',
      unit: 'ms',
      summary: open,
      ratio: ratio(open),
      target: '≤ 3× parse',
      ok: ratio(open) <= 3,
    },
    {
      id: 'keystroke',
      scenario: 'keystroke → diagnostics of that version',
      unit: 'ms',
      summary: keystroke,
      ratio: ratio(keystroke),
      target: '≤ 2× parse',
      ok: ratio(keystroke) <= 2,
    },
    {
      id: 'burst',
      scenario: "keystroke inside a burst (sent once the previous key's diagnostics arrive) → diagnostics",
      unit: 'ms',
      summary: summarize(s.burst),
      ratio: ratio(summarize(s.burst)),
      note: 'info: includes the wait within a burst (as long as a check takes, at most 150 ms)',
    },
    ...previewRows,
    {
      id: 'hover',
      scenario: 'hover while typing',
      unit: 'ms',
      summary: hover,
      target: 'p95 < 10 ms',
      ok: hover.p95 < 10,
      note: s.hoverEmpty ? `${s.hoverEmpty} empty` : '',
    },
    {
      id: 'hover-check',
      scenario: 'hover sent while a keystroke is checked (spread over the check)',
      unit: 'ms',
      summary: summarize(s.hoverDuringCheck),
      target: 'p95 < 10 ms',
      ok: summarize(s.hoverDuringCheck).p95 < 10,
    },
    {
      id: 'completion-check',
      scenario: 'completion sent with that hover, at the cursor',
      unit: 'ms',
      summary: summarize(s.completionDuringCheck),
      note: `info; ${duringCheck(s)} requests sent before the diagnostics arrived`,
    },
    {
      id: 'completion',
      scenario: 'completion while typing',
      unit: 'ms',
      summary: completion,
      target: 'p95 < 10 ms',
      ok: completion.p95 < 10,
      note: `${Math.round(s.completionItems / Math.max(1, s.completion.length))} items/answer`,
    },
    {
      id: 'cold',
      scenario: 'cold start: spawn → first diagnostics',
      unit: 'ms',
      summary: summarize(s.cold),
      ratio: ratio(summarize(s.cold)),
      note: 'info',
    },
    {
      id: 'memory',
      scenario: 'server peak memory (VmHWM), the file open, after the typing session',
      unit: 'MB',
      value: hwmMB,
      target: '< 120 MB',
      ok: hwmMB < 120,
      note: `${(s.hwmOpen / MB).toFixed(0)} MB once opened${s.hwmPlain ? `; ${(s.hwmPlain / MB).toFixed(0)} MB started without ${SERVER_EXEC_ARGV.join(' ')} (other editors)` : ''}`,
    },
    {
      id: 'cli',
      scenario: `CLI check, ${files} example-sized files (${(bytes / MB).toFixed(1)} MB)`,
      unit: 'ms',
      summary: cliMs,
      value: filesPerSecond,
      target: '≥ 200 files/s',
      ok: filesPerSecond >= 200 && !cliFailed,
      note: `${filesPerSecond.toFixed(0)} files/s, ${mbPerSecond.toFixed(1)} MB/s${cliFailed ? `; exit ${String(cliFailed.status)}: ${cliFailed.summary}` : ''}`,
    },
    {
      id: 'cli-large',
      scenario: `CLI check, the ${MAIN_SIZE.toLocaleString('en')}-line file`,
      unit: 'ms',
      summary: summarize(cliLarge.map((r) => r.ms)),
      note: 'info',
    },
    {
      id: 'activation',
      scenario: 'extension activation: require + activate() returns',
      unit: 'ms',
      summary: activate,
      target: '< 50 ms',
      ok: activate.median < 50,
      note: `${act.length ? '' : `failed: ${activation[0]?.error ?? ''}; `}load ${summarize(act.map((a) => a.load)).median.toFixed(1)} + activate ${summarize(act.map((a) => a.activate)).median.toFixed(1)} ms${nextTurn.length ? `; then ${summarize(nextTurn).median.toFixed(0)} ms to load the language client (${(size('languageClient.js') / 1024).toFixed(0)} KB) and spawn the server` : ''}${act[0]?.error ? `; ${act[0].error}` : ''}`,
    },
    {
      id: 'extension-size',
      scenario: 'dist/extension.js (production)',
      unit: 'KB',
      value: extensionBytes / 1024,
      target: '< 200 KB',
      ok: extensionBytes < 200 * 1024,
    },
    {
      id: 'server-size',
      scenario: 'dist/server.js (production)',
      unit: 'KB',
      value: serverBytes / 1024,
      target: '< 2 MB',
      ok: serverBytes < 2 * MB,
    },
  ];
}

function growthRow(lines: number, { text, samples }: { text: string; samples: Samples }) {
  const m = (xs: number[]) => summarize(xs).median;
  return {
    lines,
    bytes: Buffer.byteLength(text),
    parse: m(samples.parse),
    open: m(samples.open),
    keystroke: m(samples.keystroke),
    preview: m(samples.preview),
    hoverP95: summarize(samples.hover).p95,
    hoverCheckP95: summarize(samples.hoverDuringCheck).p95,
    completionP95: summarize(samples.completion).p95,
    cold: m(samples.cold),
    hwmMB: samples.hwm / MB,
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
