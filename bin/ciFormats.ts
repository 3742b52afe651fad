/**
 * The formats CI services read: SARIF 2.1.0 (GitHub code scanning), GitHub Actions workflow commands
 * (annotations), JUnit XML (GitLab, Jenkins) and GitLab Code Quality JSON. Pure formatting over engine
 * results; every value from a document is escaped for the format it lands in.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { allCodes, DOCS_BASE, type DiagnosticData } from '../server/src/engine';
import { messageText, severityWord, sorted, type FileResult } from './report';
import { escapeControls } from './safeText';

/**
 * One fingerprint per finding of `result.diagnostics` in `sorted` order: a SHA-256 of the file, the code, the
 * catalogue id and fix target, the text of the finding's line and a hash of the text it points at, so it
 * survives lines added above it. Findings that agree on all of those are told apart by their rank.
 */
export function fingerprints(result: FileResult): string[] {
  const text = result.text ?? '';
  const lines = text.split(/\r\n|\r|\n/);
  const seen = new Map<string, number>();
  return sorted(result.diagnostics).map((d) => {
    const data = d.data as DiagnosticData | undefined;
    const fix = data?.fix && 'path' in data.fix ? data.fix.path : data?.fix && 'keys' in data.fix ? data.fix.keys : [];
    const line = lines[d.range.start.line] ?? '';
    const base = sha256(
      [result.path, d.code, data?.id ?? '', JSON.stringify(fix), line.trim(), sha256(rangeText(lines, d))].join('\0'),
    );
    const rank = (seen.get(base) ?? 0) + 1;
    seen.set(base, rank);
    return rank === 1 ? base : sha256(`${base}\0${rank}`);
  });
}

function rangeText(lines: readonly string[], d: Diagnostic): string {
  const { start, end } = d.range;
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.character, end.character);
  return [
    (lines[start.line] ?? '').slice(start.character),
    ...lines.slice(start.line + 1, end.line),
    (lines[end.line] ?? '').slice(0, end.character),
  ].join('\n');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const sarifLevel: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
};

/** SARIF 2.1.0 as code-scanning services read it: one run, rules from the code registry, relative URIs. */
export function formatSarif(results: readonly FileResult[], version: string): string {
  const levelOf = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const rules = allCodes.map((c) => ({
    id: c.code,
    name: c.code.replace(/[.-](\w)/g, (_, ch: string) => ch.toUpperCase()).replace(/^\w/, (ch) => ch.toUpperCase()),
    shortDescription: { text: c.title },
    helpUri: `${DOCS_BASE}diagnostics.md#${c.code}`,
    defaultConfiguration: { level: levelOf(c.severity) },
  }));
  const ruleIndex = new Map<string, number>(rules.map((r, i) => [r.id, i] as const));
  const driver = {
    name: 'gpai-docs',
    version,
    semanticVersion: version,
    informationUri: 'https://github.com/gpai-docs/gpai-docs',
    rules,
  };
  const sarifResults = results.flatMap((r) => {
    const prints = fingerprints(r);
    return sorted(r.diagnostics).map((d, i) => ({
      ruleId: String(d.code),
      ...(ruleIndex.has(String(d.code)) ? { ruleIndex: ruleIndex.get(String(d.code)) } : {}),
      level: sarifLevel[d.severity ?? DiagnosticSeverity.Warning],
      message: { text: messageText(d) },
      locations: [{ physicalLocation: { artifactLocation: sarifUri(r.path), region: region(d) } }],
      partialFingerprints: { 'gpaiDocs/v1': prints[i] },
    }));
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: {
          '%SRCROOT%': { uri: `file://${process.cwd().replace(/\\/g, '/').replace(/\/?$/, '/')}` },
        },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/** A path inside the current folder relative to %SRCROOT%; any other as an absolute file URI. */
function sarifUri(path: string) {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: slashes(path).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(d: Diagnostic) {
  return {
    startLine: d.range.start.line + 1,
    startColumn: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

function slashes(path: string): string {
  return path.replace(/\\/g, '/');
}

// ---- GitHub Actions workflow commands ----------------------------------------------------------------

const githubCommand: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'notice',
  [DiagnosticSeverity.Hint]: 'notice',
};

/** A command's message, escaped as the runner reads it back: `%`, CR and LF. */
export function githubData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as data, and `:` and `,` too, which end a property. */
export function githubProperty(value: string): string {
  return githubData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::<message>` line per finding (warning and
 * notice for the lower severities), then the text format's summary line, which the runner shows as is.
 */
export function formatGithub(results: readonly FileResult[], summary: string): string[] {
  const lines = results.flatMap((r) =>
    sorted(r.diagnostics).map((d) => {
      const { startLine, startColumn, endLine, endColumn } = region(d);
      const properties = [
        `file=${githubProperty(slashes(r.path))}`,
        `line=${startLine}`,
        `col=${startColumn}`,
        `endLine=${endLine}`,
        `endColumn=${endColumn}`,
        `title=${githubProperty(String(d.code))}`,
      ];
      const command = githubCommand[d.severity ?? DiagnosticSeverity.Warning];
      return `::${command} ${properties.join(',')}::${githubData(messageText(d))}`;
    }),
  );
  return [...lines, summary];
}

// ---- JUnit XML --------------------------------------------------------------------------------------

/** Text for XML 1.0: control characters (which XML cannot hold, even as references) escaped first. */
export function xmlText(value: string): string {
  return escapeControls(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * JUnit XML: one testsuite per file; one testcase per finding, an error or warning as a `<failure>` and an
 * information or hint as a passing case with the text in `<system-out>`; a clean file is one passing case.
 */
export function formatJunit(results: readonly FileResult[]): string {
  const suites = results.map((r) => {
    const list = sorted(r.diagnostics);
    const failures = list.filter((d) => isFailure(d)).length;
    const cases = list.length
      ? list.map((d) => junitCase(r.path, d))
      : [`    <testcase classname="${xmlText(r.path)}" name="no problems" file="${xmlText(r.path)}"/>`];
    return [
      `  <testsuite name="${xmlText(r.path)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const tests = results.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  const failures = results.reduce((n, r) => n + r.diagnostics.filter((d) => isFailure(d)).length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="gpai-docs" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function isFailure(d: Diagnostic): boolean {
  return d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning;
}

function junitCase(path: string, d: Diagnostic): string {
  const { startLine, startColumn } = region(d);
  const word = severityWord[d.severity ?? DiagnosticSeverity.Warning];
  const name = xmlText(`${d.code} at ${startLine}:${startColumn}`);
  const head = `    <testcase classname="${xmlText(path)}" name="${name}" file="${xmlText(path)}" line="${startLine}"`;
  const detail = xmlText(`${path}:${startLine}:${startColumn} ${word} ${d.code} ${messageText(d)}`);
  if (!isFailure(d)) return `${head}>\n      <system-out>${detail}</system-out>\n    </testcase>`;
  const failure = `<failure type="${xmlText(word)}" message="${xmlText(messageText(d))}">${detail}</failure>`;
  return `${head}>\n      ${failure}\n    </testcase>`;
}

// ---- GitLab Code Quality ----------------------------------------------------------------------------

const gitlabSeverity: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'major',
  [DiagnosticSeverity.Warning]: 'minor',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'info',
};

/** GitLab Code Quality: an array of issues with description, check_name, fingerprint, severity and location. */
export function formatGitlab(results: readonly FileResult[]): string {
  const issues = results.flatMap((r) => {
    const prints = fingerprints(r);
    return sorted(r.diagnostics).map((d, i) => ({
      type: 'issue',
      description: messageText(d),
      check_name: String(d.code),
      fingerprint: prints[i],
      severity: gitlabSeverity[d.severity ?? DiagnosticSeverity.Warning],
      location: {
        path: slashes(r.path),
        lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 },
      },
    }));
  });
  return JSON.stringify(issues, null, 2);
}
