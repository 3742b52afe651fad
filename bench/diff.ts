/**
 * The `diff` row: `gpai-docs diff` of two 10,000-line files (the large document, and a later version of it
 * with answers changed, entries inserted in the middle of lists and one added at the end) against the bare
 * parse of both. Measured in the bench process, with the engine the CLI bundles: each run parses both texts
 * afresh (a parse memoises its diff) and compares them.
 */
import { createEngine } from '../server/src/engine';
import { bareParse } from './scenarios';
import { summarize, timeRuns } from './stats';
import type { Row } from './table';

export interface DiffSamples {
  readonly diff: number[];
  readonly parseBoth: number[];
  /** Items the diff reports, so that a run that finds nothing is noticed. */
  readonly items: number;
}

/** A later version of `text`: every 40th prose line reworded, every 25th list entry followed by a new one. */
export function laterVersion(text: string): string {
  let prose = 0;
  let entries = 0;
  return text
    .split('\n')
    .flatMap((line) => {
      if (/^\s+- /.test(line) && !/^\s+- \w+:/.test(line) && ++entries % 25 === 0)
        return [line, line.replace(/- (.*)$/, '- $1 (revised)')];
      if (/^\s{4,}[A-Z][a-z]+ [a-z]+ [a-z]+/.test(line) && ++prose % 40 === 0)
        return [line.replace(/ [a-z]+ /, ' updated ')];
      return [line];
    })
    .join('\n');
}

export function measureDiff(before: string, runs: number): DiffSamples {
  const after = laterVersion(before);
  const engine = createEngine();
  const once = () => engine.diff(engine.parse(before), engine.parse(after));
  const items = once().groups.reduce((n, g) => n + g.items.length, 0);
  return {
    diff: timeRuns(once, runs),
    parseBoth: timeRuns(() => [bareParse(before), bareParse(after)], runs),
    items,
  };
}

export function diffRow(s: DiffSamples): Row {
  const diff = summarize(s.diff);
  const ratio = diff.median / summarize(s.parseBoth).median;
  return {
    id: 'diff',
    scenario: 'gpai-docs diff of two versions (parse both + compare) vs bare parse of both',
    unit: 'ms',
    summary: diff,
    ratio,
    target: '≤ 3× parse of both',
    ok: ratio <= 3,
    note: `${s.items} items changed`,
  };
}
