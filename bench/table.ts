/**
 * The benchmark's printed report: the machine, one row per scenario, the growth with file size, gpai-docs
 * beside yaml-language-server, and the hostile files.
 */
import type { Comparison } from './compare';
import type { Summary } from './stats';

export interface Row {
  readonly id: string;
  readonly scenario: string;
  readonly unit: 'ms' | 'MB' | 'KB';
  /** Timed samples, for scenarios that repeat. */
  readonly summary?: Summary;
  /** A single figure (memory, size) or the rate a target is about. */
  readonly value?: number;
  /** Median over the median of the bare parse. */
  readonly ratio?: number;
  readonly target?: string;
  readonly ok?: boolean;
  readonly note?: string;
}

export interface GrowthRow {
  readonly lines: number;
  readonly bytes: number;
  readonly parse: number;
  readonly open: number;
  readonly keystroke: number;
  /** Median of the preview model of a version just typed. */
  readonly preview: number;
  readonly hoverP95: number;
  readonly hoverCheckP95: number;
  readonly completionP95: number;
  readonly cold: number;
  readonly hwmMB: number;
}

export interface Report {
  readonly date: string;
  readonly command: string;
  readonly machine: { nproc: number; cpu: string; memoryGB: number; node: string; platform: string; load: number[] };
  readonly quick: boolean;
  readonly document: { lines: number; bytes: number };
  readonly rows: readonly Row[];
  readonly growth: readonly GrowthRow[];
  readonly comparison?: Comparison;
  readonly hostileRows: readonly Row[];
  readonly totalSeconds: number;
}

const n = (x: number | undefined, digits = 1) => (x === undefined || !Number.isFinite(x) ? '' : x.toFixed(digits));

export function formatTable(r: Report): string {
  const m = r.machine;
  const head = [
    `gpai-docs benchmark, ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (--quick: too few samples to quote)' : ''}`,
    `machine: ${m.nproc} × ${m.cpu}, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}; load average ${m.load.join(' → ')} (other processes lengthen the tails)`,
    `document: ${r.document.lines.toLocaleString('en')} generated lines, ${(r.document.bytes / 1024).toFixed(0)} KB`,
    '',
  ];
  const table = rowGrid(r.rows, true);
  const growth = grid(
    [
      'lines',
      'KB',
      'parse ms',
      'open ms',
      'keystroke ms',
      'preview ms',
      'hover p95',
      'hover in check p95',
      'completion p95',
      'cold start ms',
      'VmHWM MB',
    ],
    r.growth.map((g) => [
      g.lines.toLocaleString('en'),
      n(g.bytes / 1024, 0),
      n(g.parse),
      n(g.open),
      n(g.keystroke),
      n(g.preview),
      n(g.hoverP95),
      n(g.hoverCheckP95),
      n(g.completionP95),
      n(g.cold, 0),
      n(g.hwmMB, 0),
    ]),
  );
  const missed = [...r.rows, ...r.hostileRows].filter((row) => row.ok === false).map((row) => row.id);
  return [
    ...head,
    table,
    '',
    'growth with file size (medians; hover and completion: p95 while typing)',
    growth,
    '',
    ...(r.comparison ? [formatComparison(r.comparison), ''] : []),
    ...(r.hostileRows.length
      ? [
          'hostile sizes: 100,000 findings of one code in one file (at most 100 listed per code, then one that counts the rest)',
          rowGrid(r.hostileRows, false),
          '',
        ]
      : []),
    missed.length ? `targets missed: ${missed.join(', ')}` : 'every target holds',
    `bench took ${r.totalSeconds} s · ${r.command} · --json for machines`,
    '',
  ].join('\n');
}

function rowGrid(rows: readonly Row[], ratios: boolean): string {
  const header = ['scenario', 'n', 'median', 'p95', 'max', 'unit', '× parse', 'target', '', 'note'];
  const body = rows.map((row) => [
    row.scenario,
    row.summary ? String(row.summary.n) : '',
    row.summary ? n(row.summary.median) : n(row.value),
    n(row.summary?.p95),
    n(row.summary?.max),
    row.unit,
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
    row.target ?? '',
    row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED',
    row.note ?? '',
  ]);
  const keep = header.map((_, i) => ratios || i !== 6);
  return grid(
    header.filter((_, i) => keep[i]),
    body.map((cells) => cells.filter((_, i) => keep[i])),
  );
}

/** "gpai-docs vs yaml-language-server": both servers' figures and the ratio, ours / theirs. */
export function formatComparison(c: Comparison): string {
  const cell = (x: Summary, on: 'median' | 'p95' | 'value') =>
    on === 'value' ? [n(x.median), ''] : [n(x.median), n(x.p95)];
  const table = grid(
    ['scenario', 'gpai-docs median', 'p95', 'yaml-language-server median', 'p95', 'unit', 'ours / theirs', 'on'],
    c.rows.map((row) => [
      `${row.main ? '' : '(context) '}${row.scenario}`,
      ...cell(row.ours, row.on),
      ...cell(row.yls, row.on),
      row.unit,
      `${row.ratio.toFixed(2)}×`,
      row.on === 'value' ? '' : row.on,
    ]),
  );
  return [
    `gpai-docs vs yaml-language-server: the same ${c.document.lines.toLocaleString('en')}-line file (${(c.document.bytes / 1024).toFixed(0)} KB), the same scenarios, in this run`,
    `gpai-docs ${c.versions.ours}; yaml-language-server ${c.versions.yls} with schemas/gpai.schema.json (yaml.schemas). Below 1×, gpai-docs is faster or smaller.`,
    table,
    `requests "during a check" sent before the keystroke's diagnostics arrived: gpai-docs ${c.duringCheck.ours}, yaml-language-server ${c.duringCheck.yls}`,
  ].join('\n');
}

/** Columns padded to their widest cell; numbers right-aligned. */
function grid(header: readonly string[], body: readonly (readonly string[])[]): string {
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const numeric = header.map((_, i) => body.every((row) => row[i] === '' || /^[\d.,×]+$/.test(row[i])));
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
