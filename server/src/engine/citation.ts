/**
 * Citations: the Code measure and the AI Act provisions behind a catalogue id, in one line, e.g.
 * "Transparency Measure 1.1; AI Act Annex XI 1.2(d)". Diagnostics, hovers and the CLI all cite through here.
 */
import { entry, ref } from './catalogue';

export interface Citation {
  /** The Code measure or commitment, if any. */
  readonly measure?: string;
  /** AI Act provisions and Annex points, as cited (e.g. `Art. 51(2)`, `Annex XI 1.2(d)`). */
  readonly provisions: readonly string[];
  /** The whole citation in one line. */
  readonly text: string;
}

/** Provisions an entry rests on, and the measure or commitment it belongs to. */
function basis(id: string | undefined): { measure?: string; provisions: string[] } {
  const e = entry(id);
  switch (e?.kind) {
    case 'form-item': {
      // Annex XI points imply Art. 53(1)(a) and Annex XII points Art. 53(1)(b): cite the precise point.
      const implied = e.annex.length ? ['Art. 53(1)(a)', 'Art. 53(1)(b)'] : [];
      return {
        measure: e.measure,
        provisions: [...e.annex.map((a) => `Annex ${a}`), ...e.provisions.filter((p) => !implied.includes(p))],
      };
    }
    case 'measure':
    case 'commitment':
      return { measure: e.id, provisions: [...e.provisions] };
    case 'form-section':
      return { measure: e.measure, provisions: [...e.provisions] };
    case 'chapter':
    case 'format':
      return { provisions: [...e.provisions] };
    case 'summary-item':
    case 'summary-section':
      return { provisions: ['Art. 53(1)(d)'] };
    case 'provision':
      return { provisions: [e.cite] };
    case undefined:
      return { provisions: [] };
  }
}

export function citationFor(id: string | undefined, extraProvisions: readonly string[] = []): Citation {
  const { measure, provisions } = basis(id);
  for (const p of extraProvisions) if (!provisions.includes(p)) provisions.push(p);
  const ofTheAct = provisions.filter(isAiActProvision);
  const others = provisions.filter((p) => !isAiActProvision(p));
  const parts = [
    measure ? ref(measure) : undefined,
    ofTheAct.length ? `AI Act ${ofTheAct.join(', ')}` : undefined,
    ...others,
  ].filter(Boolean);
  return { measure, provisions, text: parts.join('; ') };
}

/** Provisions of the AI Act itself, as opposed to the directives and standards the Code also cites. */
function isAiActProvision(cite: string): boolean {
  return /^(Art\.|Annex|Recital)/.test(cite) && !/Directive/.test(cite);
}
