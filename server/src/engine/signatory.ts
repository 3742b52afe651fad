/**
 * Findings on a chapter of the Code that the provider did not sign (`classification.code_of_practice`). The
 * Code is voluntary: for such a chapter its measures are not the provider's commitments but the recognised
 * way to show what the AI Act requires, and adequate alternative means may show it instead (Art. 53(4),
 * 55(2)). The diagnostics layer passes every rule's findings through `frameForSignatory`, so no rule words
 * this itself.
 */
import { chapterOf, entry, getChapter, getProvision, KEYS, ref, signatoryChapters, type ChapterId } from './catalogue';
import type { Applicability } from './applicability';
import type { Finding } from './rules/types';

/** Provisions that state a provider's duty: not the codes-of-practice machinery of Art. 56. */
const DUTY = /^Art\. 5[0-5]\(/;

/** The finding, worded for a chapter the provider did not sign; unchanged for any other. */
export function frameForSignatory<C extends string>(a: Applicability, finding: Finding<C>): Finding<C> {
  const chapterId = chapterOf(finding.id);
  if (!chapterId || a.signatory.status[chapterId] !== 'not-signed') return finding;
  const chapter = getChapter(chapterId)!;
  const reliance = signatoryChapters.find((c) => c.chapter === chapterId)!.reliance;
  const requirements = requiredBy(finding.id!, chapterId);
  const cites = requirements.map((p) => p.cite).join(', ');
  const what = requirements.map((p) => lowerFirst(p.summary.replace(/\.$/, ''))).join('; ');
  const means = `\`${KEYS.classification.code_of_practice.alternative_means.path.join('.')}\``;
  const framing = `You did not sign the ${chapter.title} chapter of the Code, so its measures are not commitments of yours. What the AI Act requires here (${cites}): ${what}. ${recognisedWay(finding.id!, chapter.title)} is the recognised way to show it; your adequate alternative means (${means}) may show it instead (${reliance}).`;
  return {
    ...finding,
    provisions: [...(finding.provisions ?? []), reliance],
    message: `${framing} What the Code's measure asks: ${finding.message}`,
  };
}

/** The AI Act provisions behind an entry of a chapter, with their summaries: the entry's own, else the chapter's. */
function requiredBy(id: string, chapterId: ChapterId) {
  const e = entry(id);
  const own = e?.kind === 'measure' || e?.kind === 'commitment' ? e.provisions : [];
  const pick = (list: readonly string[]) => list.filter((p) => DUTY.test(p)).flatMap((p) => getProvision(p) ?? []);
  const found = pick(own);
  return found.length ? found : pick(getChapter(chapterId)!.provisions);
}

/** "Copyright Measure 1.3", "Transparency Measure 1.1 (the Model Documentation Form)", "The … chapter". */
function recognisedWay(id: string, chapterTitle: string): string {
  const e = entry(id);
  switch (e?.kind) {
    case 'measure':
    case 'commitment':
      return ref(e.id);
    case 'form-item':
      return `${ref(e.measure)} (the Model Documentation Form, ${ref(e.id).toLowerCase()})`;
    case 'form-section':
      return `${ref(e.measure)} (the Model Documentation Form)`;
    default:
      return `The Code's ${chapterTitle} chapter`;
  }
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
