/**
 * Wording and policy shared by the rules: how an item or measure is named in a message, how a draft-only
 * fact is flagged, what counts as an "N/A" answer, and the cap that keeps findings on voluntary answers
 * below error (the open-source exemption, or a file whose author has no GPAI-provider duties).
 */
import { isProviderDuty } from '../applicability';
import { chapterOf, confidenceLabels, type Confidence, type PathSegment } from '../catalogue';
import type { CodeInfo, Finding, RuleContext } from './types';

/** " (the recommended length of 4.2 is known only from the third draft (11 March 2025))", or "". */
export function draftNote(confidence: Confidence | undefined, what: string): string {
  if (confidence === 'draft-only' || confidence === 'unverified' || confidence === 'machine-read')
    return ` (${what} is ${confidenceLabels[confidence]})`;
  return '';
}

/** " (from secondary sources describing the final text)" for any fact that is not final, or "". */
export function sourceNote(confidence: Confidence): string {
  return confidence === 'final' ? '' : ` (${confidenceLabels[confidence]})`;
}

const FIGURE_WORDS = ['no', 'one', 'two', 'three', 'four'];

/** "two" for 2, "12" for 12. */
export function numberWord(n: number): string {
  return FIGURE_WORDS[n] ?? String(n);
}

/** "two significant figures". */
export function figures(n: number): string {
  return `${numberWord(n)} significant figure${n === 1 ? '' : 's'}`;
}

/** The decimal exponent of a positive finite number, exactly as scientific notation writes it. */
export function decimalExponent(value: number): number {
  return Number(value.toExponential().split('e')[1]);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "August" for 8. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** "2 August 2025" for 2025-08-02. */
export function readableDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${monthName(m)} ${y}`;
}

/** The unit without a remark after it: "FLOP (estimated)" is in FLOP, "(estimated)" has no unit. */
export function bareUnit(unit: string): string {
  return unit.replace(/\s*[(,;].*$/s, '');
}

/** `copyright.policy.evidence[2]`. */
export function dotted(path: readonly PathSegment[]): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : s))
    .join('.')
    .replace(/\.\[/g, '[');
}

/**
 * With a valid open-source exemption the Transparency items are voluntary (AI Act Art. 53(2)), and when the
 * file's own figures say its author has no duties as the provider of a general-purpose AI model, every duty is:
 * a finding on a voluntary answer is never an error.
 */
export function capForExemption<C extends string>(
  ctx: RuleContext,
  codes: readonly CodeInfo<C>[],
  findings: Finding<C>[],
): Finding<C>[] {
  const a = ctx.applicability;
  if (!a.exemption.valid && !a.noProviderDuties) return findings;
  return findings.map((f): Finding<C> => {
    const severity = f.severity ?? codes.find((c) => c.code === f.code)?.severity;
    if (severity !== 'error' || !f.id) return f;
    if (a.noProviderDuties && isProviderDuty(f.id))
      return { ...f, severity: 'warning', message: `${f.message} (Voluntary here: ${a.noProviderDuties}.)` };
    if (!a.exemption.valid || chapterOf(f.id) !== 'transparency') return f;
    return {
      ...f,
      severity: 'warning',
      message: `${f.message} (Voluntary here: the open-source exemption lifts the Transparency duties, AI Act Art. 53(2).)`,
    };
  });
}

/**
 * The writer's text as a message quotes it: at most `max` characters, so that a pasted page, a key of a
 * thousand characters or a number of 10,000 digits leaves the message readable.
 */
export function excerpt(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}
