/**
 * Citations: the Code measure and the AI Act provisions behind a catalogue id, in one line, e.g.
 * "Transparency Measure 1.1; AI Act Annex XI 1.2(d)". Diagnostics, hovers and the CLI all cite through here.
 */
import {
  citeId,
  getChapter,
  getCommitment,
  getFormatEntry,
  getFormItem,
  getFormSection,
  getMeasure,
  getTemplateItem,
  getTemplateSection,
} from './catalogue';

export interface Citation {
  /** The Code measure or commitment, if any. */
  readonly measure?: string;
  /** AI Act provisions and Annex points, as cited (e.g. `Art. 51(2)`, `Annex XI 1.2(d)`). */
  readonly provisions: readonly string[];
  /** The whole citation in one line. */
  readonly text: string;
}

export function citationFor(id: string | undefined, extraProvisions: readonly string[] = []): Citation {
  let measure: string | undefined;
  let provisions: string[] = [];
  const item = id ? getFormItem(id) : undefined;
  const m = id ? (getMeasure(id) ?? getCommitment(id)) : undefined;
  if (item) {
    measure = item.measure;
    // Annex XI points imply Art. 53(1)(a) and Annex XII points Art. 53(1)(b): cite the precise point.
    const implied = item.annex.length ? ['Art. 53(1)(a)', 'Art. 53(1)(b)'] : [];
    provisions = [...item.annex.map((a) => `Annex ${a}`), ...item.provisions.filter((p) => !implied.includes(p))];
  } else if (m) {
    measure = m.id;
    provisions = [...m.provisions];
  } else if (id && getFormSection(id)) {
    measure = 'transparency/1.1';
    provisions = ['Art. 53(1)(a)', 'Art. 53(1)(b)'];
  } else if (id && getChapter(id)) {
    provisions = [...getChapter(id)!.provisions];
  } else if (id && (getTemplateItem(id) || getTemplateSection(id))) {
    provisions = ['Art. 53(1)(d)'];
  } else if (id && getFormatEntry(id)) {
    provisions = [...getFormatEntry(id)!.provisions];
  }
  for (const p of extraProvisions) if (!provisions.includes(p)) provisions.push(p);
  const ofTheAct = provisions.filter(isAiActProvision);
  const others = provisions.filter((p) => !isAiActProvision(p));
  const parts = [
    measure ? citeId(measure) : undefined,
    ofTheAct.length ? `AI Act ${ofTheAct.join(', ')}` : undefined,
    ...others,
  ].filter(Boolean);
  return { measure, provisions, text: parts.join('; ') };
}

/** Provisions of the AI Act itself, as opposed to the directives and standards the Code also cites. */
function isAiActProvision(cite: string): boolean {
  return /^(Art\.|Annex|Recital)/.test(cite) && !/Directive/.test(cite);
}
