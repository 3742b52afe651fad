/**
 * Diagnostics of a document: the rules' findings (computed once per version), then inline suppressions, the
 * cap on findings per code (caps.ts) and the writer's severity settings, as LSP diagnostics carrying code,
 * citation, docs link and fix data.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { applicability } from './applicability';
import { suppressAndCap } from './caps';
import { citationFor } from './citation';
import { KEYS } from './catalogue';
import { documentKey, jsValue, memo, type GpaiDocument } from './document';
import { fileModel } from './model';
import { formalRules, getCodeInfo, rules, type Code } from './rules';
import type { DiagnosticData, Finding, PreviousVersion, Rule, Severity, SeveritySetting } from './rules/types';
import { frameForSignatory } from './signatory';
import { parseIsoDate, type IsoDate } from './values';

export const DOCS_BASE = 'https://github.com/gpai-docs/gpai-docs/blob/main/docs/';

export interface DiagnosticOptions {
  /** Severity per code; `off` drops the code. Unlisted codes keep their default. */
  readonly severity?: Readonly<Record<string, SeveritySetting>>;
  /** Today, YYYY-MM-DD in the writer's time zone, for date rules; defaults to the system's local date. */
  readonly today?: string;
  /** The rules to run instead of every rule (rules/index.ts): a test adds one that throws. Not memoised. */
  readonly rules?: readonly Rule<Code>[];
  /** The version last committed or released, for the rules that compare with it (rules/history.ts). */
  readonly previous?: PreviousVersion;
}

export interface RuleFailure {
  readonly rule: string;
  readonly message: string;
}

interface Checked {
  readonly findings: readonly Finding<Code>[];
  readonly failures: readonly RuleFailure[];
}

/** Run every rule once per document version and date; a rule that throws is isolated and recorded. */
export function checkDocument(doc: GpaiDocument, today: IsoDate, previous?: PreviousVersion): Checked {
  return finish(checkSteps(doc, today, rules, previous));
}

/**
 * checkDocument one rule at a time: the caller may do other work at each `yield`, or stop there and leave
 * the version unchecked. Once run to the end, the findings are memoised as checkDocument's.
 */
export function* checkSteps(
  doc: GpaiDocument,
  today: IsoDate,
  ruleList: readonly Rule<Code>[] = rules,
  previous?: PreviousVersion,
): Generator<void, Checked> {
  const key = `${FINDINGS}${today.iso}${previous ? `:${documentKey(previous.doc)}:${previous.label}` : ''}`;
  const own = ruleList === rules;
  if (own && doc.derived.has(key)) return doc.derived.get(key) as Checked;
  // What the rules share is made in steps of its own, so that no step between two pauses is long: the model
  // of the answers, and the file as plain values (the shape and syntax rules read it).
  const model = fileModel(doc);
  yield;
  jsValue(doc);
  const ctx = { doc, model, applicability: applicability(doc), today, asOf: documentDate(doc, today), previous };
  const findings: Finding<Code>[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of ruleList) {
    yield;
    try {
      // Findings on a chapter of the Code the provider did not sign are worded as the AI Act's requirement.
      const framed = !formalRules.has(rule) && Object.keys(ctx.applicability.signatory.status).length > 0;
      for (const finding of rule.check(ctx))
        findings.push(framed ? frameForSignatory(ctx.applicability, finding) : finding); // push(...) overflows the stack past ~120,000
    } catch (e) {
      failures.push({ rule: rule.name, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return own ? memo(doc, key, () => ({ findings, failures })) : { findings, failures };
}

const FINDINGS = 'findings:';

/**
 * A day for which every rule has run on this version without a previous version to compare with, if any
 * (YYYY-MM-DD): what checkDocument(doc, that day) returns at once. Findings made against a previous version
 * are not these: they add what changed since it.
 */
export function checkedDay(doc: GpaiDocument): string | undefined {
  for (const key of doc.derived.keys()) {
    const day = key.startsWith(FINDINGS) ? key.slice(FINDINGS.length) : '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  }
  return undefined;
}

function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `document.last_updated` if it is a real date not after today; otherwise today. */
function documentDate(doc: GpaiDocument, today: IsoDate): IsoDate {
  const written = parseIsoDate(fileModel(doc).text(KEYS.document.last_updated.path) ?? '');
  return written && written.iso <= today.iso ? written : today;
}

/** The date of a moment in the writer's time zone (the system's, or `timeZone`), YYYY-MM-DD. */
export function localDate(moment: Date, timeZone?: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(moment);
}

/** A formatter per time zone: making one costs about a millisecond, on every check. */
const dateFormats = new Map<string | undefined, Intl.DateTimeFormat>();

export interface DiagnosticsResult {
  readonly diagnostics: Diagnostic[];
  /** Rules that threw: the caller logs them once; the other rules still reported. */
  readonly failures: readonly RuleFailure[];
}

export function getDiagnostics(doc: GpaiDocument, options: DiagnosticOptions = {}): DiagnosticsResult {
  return finish(diagnosticSteps(doc, options));
}

/** getDiagnostics one rule at a time, as checkSteps: for a server that answers requests in between. */
export function* diagnosticSteps(
  doc: GpaiDocument,
  options: DiagnosticOptions = {},
): Generator<void, DiagnosticsResult> {
  const today = parseIsoDate(options.today ?? localDate(new Date()))!;
  const { findings, failures } = yield* checkSteps(doc, today, options.rules ?? rules, options.previous);
  const suppressed = suppressAndCap(doc, findings);
  const diagnostics: Diagnostic[] = [];
  for (const finding of suppressed) {
    const severity = effectiveSeverity(finding, options.severity);
    if (severity !== 'off') diagnostics.push(toDiagnostic(finding, severity));
  }
  for (const failure of failures) {
    const severity = options.severity?.['rule.failed'] ?? 'information';
    if (severity === 'off') continue;
    diagnostics.push(
      toDiagnostic(
        {
          code: 'rule.failed',
          range: doc.lines.range(0, 0),
          message: `The check "${failure.rule}" could not run on this file (${failure.message}); the other checks still ran.`,
        },
        severity,
      ),
    );
  }
  return { diagnostics, failures };
}

function effectiveSeverity(finding: Finding<Code>, settings: DiagnosticOptions['severity']): SeveritySetting {
  return settings?.[finding.code] ?? finding.severity ?? getCodeInfo(finding.code)?.severity ?? 'warning';
}

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

function toDiagnostic(finding: Finding<Code>, severity: Severity): Diagnostic {
  const citation = citationFor(finding.id, finding.provisions);
  const data: DiagnosticData = {
    id: finding.id,
    measure: citation.measure,
    provisions: citation.provisions,
    citation: citation.text,
    fix: finding.fix,
  };
  return {
    range: finding.range,
    severity: toLspSeverity(severity),
    code: finding.code,
    codeDescription: { href: `${DOCS_BASE}diagnostics.md#${finding.code}` },
    source: 'gpai-docs',
    message: citation.text ? `${finding.message} [${citation.text}]` : finding.message,
    data,
  };
}
