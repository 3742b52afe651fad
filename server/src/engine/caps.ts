/**
 * The cap on findings: at most MAX_FINDINGS_PER_CODE findings of each code in a file, then one finding that
 * stands where the first of the others is and says how many there are. A file made by a script gone wrong
 * (a list pasted 100,000 times) gives a list a writer can read, and an editor that is not handed 100,000
 * diagnostics: the writer fixes the first ones and checks again.
 *
 * The cap applies once, to every code alike, after the suppressions: a suppressed finding neither counts
 * toward the cap nor hides one, and a suppression of a finding past the cap is used, not reported unused.
 */
import type { GpaiDocument } from './document';
import type { Code } from './rules';
import type { Finding } from './rules/types';
import { applySuppressions } from './suppressions';

/** Findings of one code listed in a file; past it, one more finding counts the rest. */
export const MAX_FINDINGS_PER_CODE = 100;

/**
 * What the findings of a code are, in the plural, for the summing-up finding; other codes are "findings like it".
 * Keyed by Code: a code no rule declares does not compile.
 */
const PLURALS: Readonly<Partial<Record<Code, string>>> = {
  'yaml.syntax': 'places where the YAML does not parse',
  'yaml.duplicate-key': 'keys written twice',
  'yaml.tab-indentation': 'lines indented with tabs',
  'shape.type': 'values of the wrong kind',
  'shape.value': 'values the form does not allow',
  'key.unknown': 'unknown keys',
  'answer.placeholder': 'placeholders',
  'answer.empty': 'empty answers',
  'link.malformed': 'malformed links',
  'link.insecure': 'http links',
  'reference.unknown-id': 'ids that do not exist',
  'date.invalid': 'dates that do not exist',
  'suppression.unused': 'unused suppressions',
  'suppression.no-reason': 'suppressions without a reason',
  'suppression.unknown-code': 'suppressions naming a code that does not exist',
};

/** Said after the count where it helps to know why there are so many. */
const CAUSES: Readonly<Partial<Record<Code, string>>> = {
  'yaml.syntax': 'one early mistake (an unclosed quote or bracket, a line pasted over and over) often causes the rest',
};

/**
 * The findings with at most `cap` of each code: for a code with more, the first `cap` in the file's order,
 * then one finding in place of the next that counts them. Linear in the findings, plus a sort of the codes
 * past the cap when a rule did not report them in the file's order.
 */
export function capFindings(findings: readonly Finding<Code>[], cap = MAX_FINDINGS_PER_CODE): Finding<Code>[] {
  const counts = new Map<string, number>();
  // Counted by runs: a rule reports its findings together.
  let run = 0;
  for (let i = 0; i < findings.length; i++) {
    run++;
    const code = findings[i].code;
    if (code === findings[i + 1]?.code) continue;
    counts.set(code, (counts.get(code) ?? 0) + run);
    run = 0;
  }
  const over = new Set([...counts].filter(([, n]) => n > cap).map(([code]) => code));
  if (!over.size) return [...findings];
  const kept: Finding<Code>[] = [];
  const capped = new Map<string, Finding<Code>[]>();
  for (const f of findings) {
    if (!over.has(f.code)) {
      kept.push(f);
      continue;
    }
    const list = capped.get(f.code);
    if (list) list.push(f);
    else capped.set(f.code, [f]);
  }
  for (const all of capped.values()) {
    const inOrder = isInOrder(all) ? all : [...all].sort(byPosition);
    kept.push(...inOrder.slice(0, cap), summary(inOrder[cap], inOrder.length - cap, inOrder.length));
  }
  return kept;
}

const settled = new WeakMap<readonly Finding<Code>[], readonly Finding<Code>[]>();

/**
 * The rules' findings once the suppressions apply, capped: computed once per list of findings (checkSteps
 * keeps one list per version and date), so that each request for diagnostics or code actions on a file of
 * 100,000 findings does not sift them again.
 */
export function suppressAndCap(doc: GpaiDocument, findings: readonly Finding<Code>[]): readonly Finding<Code>[] {
  const known = settled.get(findings);
  if (known) return known;
  const result = capFindings(applySuppressions(doc, findings));
  settled.set(findings, result);
  return result;
}

/** "… This is the first of 99,900 more values the form does not allow, not listed one by one; …" */
function summary(first: Finding<Code>, more: number, total: number): Finding<Code> {
  const { fix: _fix, ...finding } = first;
  const what = PLURALS[first.code] ?? `findings like it (${first.code})`;
  const cause = CAUSES[first.code];
  return {
    ...finding,
    message:
      `${first.message} This is the first of ${count(more)} more ${what}, not listed one by one ` +
      `(${count(total)} in all): fix the first ones and check again${cause ? `; ${cause}` : ''}.`,
  };
}

function count(n: number): string {
  return n.toLocaleString('en');
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function isInOrder(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (byPosition(findings[i - 1], findings[i]) > 0) return false;
  return true;
}
