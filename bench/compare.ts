/**
 * gpai-docs beside yaml-language-server on the same file, in the same run: for each scenario both servers'
 * figures and their ratio (ours / theirs: below 1, ours is faster or smaller). Latencies are what a writer
 * sees: from the keystroke to the diagnostics of that text, each server's debounce included.
 */
import type { Samples } from './scenarios';
import { summarize, type Summary } from './stats';

export interface ComparedRow {
  readonly id: string;
  readonly scenario: string;
  readonly unit: 'ms' | 'MB';
  /** The statistic the ratio compares. */
  readonly on: 'median' | 'p95' | 'value';
  readonly ours: Summary;
  readonly yls: Summary;
  /** ours / yls, on `on`. */
  readonly ratio: number;
  /** One of the four figures the comparison is made for; the others are context. */
  readonly main: boolean;
}

export interface Comparison {
  readonly versions: { readonly ours: string; readonly yls: string };
  /** The document both servers were measured on. */
  readonly document: { readonly lines: number; readonly bytes: number };
  /** Requests "during a check" that were sent before the keystroke's diagnostics arrived, per server. */
  readonly duringCheck: { readonly ours: string; readonly yls: string };
  readonly rows: readonly ComparedRow[];
}

const MB = 1024 * 1024;

function single(value: number): Summary {
  return { n: 1, median: value, p95: value, max: value };
}

export function compare(ours: Samples, yls: Samples): ComparedRow[] {
  const row = (
    id: string,
    scenario: string,
    pick: (s: Samples) => number[],
    on: 'median' | 'p95',
    main: boolean,
  ): ComparedRow => {
    const a = summarize(pick(ours));
    const b = summarize(pick(yls));
    return { id, scenario, unit: 'ms', on, ours: a, yls: b, ratio: a[on] / b[on], main };
  };
  const hwm = (s: Samples) => single(s.hwm / MB);
  return [
    row('keystroke', 'a keystroke after a pause → its diagnostics', (s) => s.keystroke, 'median', true),
    row('burst', 'a keystroke inside a burst of typing → its diagnostics', (s) => s.burst, 'median', true),
    row('hover-check', 'hover sent while a keystroke is checked', (s) => s.hoverDuringCheck, 'p95', true),
    row(
      'completion-check',
      'completion sent while a keystroke is checked',
      (s) => s.completionDuringCheck,
      'p95',
      true,
    ),
    {
      id: 'memory',
      scenario: 'server peak memory (VmHWM) after the typing session',
      unit: 'MB',
      on: 'value',
      ours: hwm(ours),
      yls: hwm(yls),
      ratio: ours.hwm / yls.hwm,
      main: true,
    },
    ...(ours.hwmPlain
      ? [
          {
            id: 'memory-plain',
            scenario: 'server peak memory, ours started as other editors start it',
            unit: 'MB' as const,
            on: 'value' as const,
            ours: single(ours.hwmPlain / MB),
            yls: hwm(yls),
            ratio: ours.hwmPlain / yls.hwm,
            main: false,
          },
        ]
      : []),
    row('open', 'open → first diagnostics (server running)', (s) => s.open, 'median', false),
    row('cold', 'cold start: spawn → first diagnostics', (s) => s.cold, 'median', false),
    row('hover', 'hover while typing', (s) => s.hover, 'p95', false),
    row('completion', 'completion while typing', (s) => s.completion, 'p95', false),
  ];
}

export function duringCheck(s: Samples): string {
  return `${s.sentDuringCheck} of ${s.hoverDuringCheck.length + s.completionDuringCheck.length}`;
}
