/**
 * Inline suppressions: a YAML comment `# gpai-docs-disable-next-line <code>[, <code>] -- <reason>` silences
 * those codes on the line after it. Only a real comment counts (comments.ts): the same words inside a value,
 * a block scalar or a quoted string are the writer's text, which no fix may touch.
 */
import type { Range } from 'vscode-languageserver-types';
import { commentsContaining, type Comment } from './comments';
import { memo, type GpaiDocument } from './document';
import { allCodes, type Code } from './rules';
import type { Finding } from './rules/types';

export const SUPPRESSION_MARKER = 'gpai-docs-disable-next-line';
const SUPPRESSION = /^#\s*gpai-docs-disable-next-line\b(.*)$/s;

export interface Suppression {
  readonly comment: Comment;
  readonly codes: readonly string[];
  readonly reason: string;
}

/** The suppression comments of a document, once per version. */
export function readSuppressions(doc: GpaiDocument): readonly Suppression[] {
  return memo(doc, 'suppressions', () =>
    commentsContaining(doc, SUPPRESSION_MARKER).flatMap((comment) => {
      const m = SUPPRESSION.exec(comment.text);
      if (!m) return [];
      const [spec, ...reasonParts] = m[1].split('--');
      return [{ comment, codes: spec.split(/[\s,]+/).filter(Boolean), reason: reasonParts.join('--').trim() }];
    }),
  );
}

/** The lines holding a suppression comment alone: a key inserted above a key stays above them too. */
export function suppressionLines(doc: GpaiDocument): ReadonlySet<number> {
  return new Set(
    readSuppressions(doc)
      .filter((s) => s.comment.ownLine)
      .map((s) => s.comment.line),
  );
}

/**
 * What removing a suppression deletes: its line when the comment stands alone on it, otherwise the comment
 * and the white space before it, so that the value it follows stays as written.
 */
export function removalRange(doc: GpaiDocument, comment: Comment): Range {
  if (comment.ownLine) {
    const next = comment.line + 1 < doc.lines.lineCount ? doc.lines.starts[comment.line + 1] : doc.text.length;
    return doc.lines.range(doc.lines.starts[comment.line], next);
  }
  let start = comment.start;
  while (start > 0 && (doc.text.charAt(start - 1) === ' ' || doc.text.charAt(start - 1) === '\t')) start--;
  return doc.lines.range(start, comment.end);
}

/** The findings left once suppressions apply, and the findings about the suppressions themselves. */
export function applySuppressions(doc: GpaiDocument, findings: readonly Finding<Code>[]): Finding<Code>[] {
  const suppressions = readSuppressions(doc);
  if (!suppressions.length) return [...findings];
  const known = new Set<string>(allCodes.map((c) => c.code));
  const used = new Set<Suppression>();
  // By the line each one silences: a file of 100,000 findings and as many suppressions is one pass.
  const byLine = new Map<number, Suppression[]>();
  for (const s of suppressions) byLine.set(s.comment.line + 1, [...(byLine.get(s.comment.line + 1) ?? []), s]);
  const kept = findings.filter((f) => {
    const s = byLine.get(f.range.start.line)?.find((x) => x.codes.includes(f.code));
    if (!s) return true;
    used.add(s);
    return false;
  });
  for (const s of suppressions) {
    const range = doc.lines.range(s.comment.start, s.comment.end);
    const unknown = s.codes.filter((c) => !known.has(c));
    if (unknown.length)
      kept.push({
        code: 'suppression.unknown-code',
        range,
        message: `No diagnostic has the code ${unknown.map((c) => `"${c}"`).join(', ')}. See docs/diagnostics.md for the codes.`,
      });
    if (!s.codes.length)
      kept.push({
        code: 'suppression.unused',
        range,
        message: `This suppression names no code: write the code to silence after ${SUPPRESSION_MARKER}.`,
      });
    else if (!s.reason)
      kept.push({
        code: 'suppression.no-reason',
        range,
        message:
          'Give the reason for this suppression after " -- ", so that a reviewer knows why the check does not apply.',
      });
    if (s.codes.length && !used.has(s) && !unknown.length) {
      const fix = {
        kind: 'delete-range',
        range: removalRange(doc, s.comment),
        title: 'Remove the unused suppression',
      } as const;
      kept.push({
        code: 'suppression.unused',
        range,
        fix,
        message: `This suppression of ${s.codes.join(', ')} suppresses nothing on the next line. Remove it, or move it to the line above the finding.`,
      });
    }
  }
  return kept;
}
