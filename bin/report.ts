/**
 * What the CLI prints: diagnostics as `path:line:col severity code message` lines or JSON, and the coverage
 * table. Pure formatting over engine results; text comes back as lines, which output.ts escapes (ciFormats.ts
 * has the formats for CI services).
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { addCounts, countsSentence, NO_ANSWERS, openAnswers, percentCovered } from '../shared/completeness';
import type { CoverageCounts, CoverageNode, CoverageReport } from '../shared/types';
import type { DiagnosticData } from '../server/src/engine';

export interface FileResult {
  /** As shown to the user: relative to the current folder when inside it. */
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The file's text, for fingerprints. */
  readonly text?: string;
  /** The completeness model's counts for the file (shared/completeness.ts). */
  readonly completeness?: CoverageCounts;
}

export const severityWord: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** A finding's message as plain text. */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function tally(results: readonly FileResult[]) {
  const count = (s: DiagnosticSeverity) =>
    results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  return {
    errors: count(DiagnosticSeverity.Error),
    warnings: count(DiagnosticSeverity.Warning),
    infos: count(DiagnosticSeverity.Information),
    hints: count(DiagnosticSeverity.Hint),
  };
}

/** One `path:line:col severity code message` line per finding, then the summary line. */
export function formatText(results: readonly FileResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of sorted(r.diagnostics)) {
      lines.push(
        `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityWord[d.severity ?? DiagnosticSeverity.Warning]} ${d.code} ${d.message}`,
      );
    }
  }
  lines.push(summaryLine(results));
  return lines;
}

/**
 * `6 files checked: 1 error, 2 warnings; 5 complete, 1 with 12 answers still to complete`, or for one file
 * `…: 70 warnings; 1 % complete (1 of 71 answers covered, 3 partial, 67 missing)`: the completeness model's
 * numbers, as the status bar and the coverage view show them.
 */
export function summaryLine(results: readonly FileResult[]): string {
  const t = tally(results);
  const files = `${results.length} file${results.length === 1 ? '' : 's'} checked`;
  const parts = [
    plural(t.errors, 'error'),
    plural(t.warnings, 'warning'),
    plural(t.infos, 'info'),
    plural(t.hints, 'hint'),
  ].filter((p) => !p.startsWith('0 '));
  const problems = parts.length ? `${files}: ${parts.join(', ')}` : `${files}: no problems`;
  const complete = completenessPhrase(results);
  return complete ? `${problems}; ${complete}` : problems;
}

function completenessPhrase(results: readonly FileResult[]): string | undefined {
  const counted = results.flatMap((r) => (r.completeness ? [r.completeness] : []));
  if (!counted.length) return undefined;
  if (results.length === 1) {
    const c = counted[0]!;
    return openAnswers(c) ? `${percentCovered(c)} % complete (${countsSentence(c)})` : 'complete';
  }
  const open = counted.filter((c) => openAnswers(c) > 0);
  if (!open.length) return 'every file complete';
  const answers = openAnswers(open.reduce(addCounts, NO_ANSWERS));
  return `${counted.length - open.length} complete, ${open.length} with ${plural(answers, 'answer')} still to complete`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

/**
 * In the order of the file, except that YAML errors come first: a tab or a syntax error explains the findings
 * after it, so it is read before them.
 */
export function sorted(list: readonly Diagnostic[]): Diagnostic[] {
  const yamlFirst = (d: Diagnostic) => (String(d.code).startsWith('yaml.') ? 0 : 1);
  return [...list].sort(
    (a, b) =>
      yamlFirst(a) - yamlFirst(b) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      file: r.path,
      diagnostics: sorted(r.diagnostics).map((d) => {
        const data = d.data as DiagnosticData | undefined;
        return {
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: severityWord[d.severity ?? DiagnosticSeverity.Warning],
          code: d.code,
          message: d.message,
          id: data?.id,
          citation: data?.citation,
          docs: d.codeDescription?.href,
        };
      }),
    })),
    null,
    2,
  );
}

const stateWord: Record<CoverageNode['state'], string> = {
  covered: 'covered',
  partial: 'partial',
  missing: 'missing',
  'not-applicable': 'n/a',
};

/** The coverage table: chapters and commitments (and, with `detail`, measures, sections and items). */
export function formatCoverage(path: string, report: CoverageReport, detail: boolean): string[] {
  const c = report.counts;
  const lines = [
    `${path}: ${report.classification.label}; ${report.percent} % complete (${countsSentence(c)}; ${c.notApplicable} not applicable)`,
    '',
  ];
  const rows: [string, string, string, string][] = [['', 'STATE', 'COVERED', 'WHY']];
  const visit = (node: CoverageNode, depth: number) => {
    const applicable = node.counts.total - node.counts.notApplicable;
    const name = `${'  '.repeat(depth)}${node.label}${node.kind === 'chapter' || node.kind === 'summary' ? '' : ` ${node.title}`}`;
    const why = node.state === 'covered' ? '' : node.reason;
    rows.push([
      truncate(name, 72),
      stateWord[node.state],
      applicable ? `${node.counts.covered}/${applicable}` : '-',
      truncate(why, 90),
    ]);
    // Below a chapter that does not apply, every row would repeat its reason.
    const deeper =
      (detail || node.kind === 'chapter' || node.kind === 'summary') &&
      !(node.kind === 'chapter' && node.state === 'not-applicable');
    if (deeper && node.kind !== 'item' && node.kind !== 'evidence')
      for (const child of node.children ?? []) if (detail || child.kind === 'commitment') visit(child, depth + 1);
  };
  for (const root of report.roots) visit(root, 0);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    lines.push(`${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`.trimEnd());
  return lines;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
