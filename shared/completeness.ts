/**
 * The completeness model's arithmetic, once for every place that shows how much is left: the status bar, the
 * coverage view's badge and tree, the workspace view, the preview's banner, exports and the CLI. The unit is
 * an answer (a form item, a measure's field, a fact of a commitment, an item of the training-content
 * summary); the engine's coverage model (server/src/engine/coverage.ts) decides each answer's state:
 * - covered: written, derived from another answer, or answered N/A with the reason the form asks for;
 * - partial: written but not finished: a placeholder or the template's text, a measure `in_progress` or
 *   `planned`, a block with some of its parts, an N/A the form does not allow;
 * - missing: absent or empty;
 * - not applicable: this model need not give it (its classification, an exemption, a relief, a measure
 *   marked not_applicable), or an optional answer left out.
 * docs/format.md ("How complete is a file") says the same for writers.
 */
import type { CoverageCounts } from './types';

export const NO_ANSWERS: CoverageCounts = { covered: 0, partial: 0, missing: 0, notApplicable: 0, total: 0 };

/** The answers this model must give. */
export function applicableAnswers(c: CoverageCounts): number {
  return c.total - c.notApplicable;
}

/** The answers still to complete: missing or partial. The badge, the banner and the CLI show this number. */
export function openAnswers(c: CoverageCounts): number {
  return c.missing + c.partial;
}

/** Covered answers over applicable ones, 0-100, rounded down so that 100 % means nothing is left. */
export function percentCovered(c: CoverageCounts): number {
  const applicable = applicableAnswers(c);
  return applicable <= 0 ? 100 : Math.floor((100 * c.covered) / applicable);
}

export function addCounts(a: CoverageCounts, b: CoverageCounts): CoverageCounts {
  return {
    covered: a.covered + b.covered,
    partial: a.partial + b.partial,
    missing: a.missing + b.missing,
    notApplicable: a.notApplicable + b.notApplicable,
    total: a.total + b.total,
  };
}

/** "37 of 50 answers covered, 5 partial, 8 missing" (English; the client translates its own). */
export function countsSentence(c: CoverageCounts): string {
  const applicable = applicableAnswers(c);
  if (applicable <= 0) return 'no answer applies';
  return `${c.covered} of ${applicable} ${applicable === 1 ? 'answer' : 'answers'} covered, ${c.partial} partial, ${c.missing} missing`;
}
