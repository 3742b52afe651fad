/**
 * How an item of the Model Documentation Form is written down in the catalogue: its section and number
 * follow from its id, the measure it serves is Transparency Measure 1.1, and its provisions follow from its
 * recipients unless it names its own.
 */
import type { Audience, FormItem, ItemConfidence } from './types';

export const ALL: Audience[] = ['ai-office', 'nca', 'downstream'];
export const AUTHORITIES: Audience[] = ['ai-office', 'nca'];
export const AIO: Audience[] = ['ai-office'];
export const NCA: Audience[] = ['nca'];
export const DP: Audience[] = ['downstream'];
export const NCA_DP: Audience[] = ['nca', 'downstream'];
export const AIO_DP: Audience[] = ['ai-office', 'downstream'];

/**
 * The source of what is confirmed against the final form: the Commission's DOCX (newsroom document 118118),
 * read through a published parse that pins the file by its SHA-256. Its ticks were machine-read; the
 * output-modality rows were checked by hand by the parse's author.
 */
export const OFFICIAL_FORM = 'official form (document 118118), via a published parse';

/** Confirmed against the official form; `weaker` names the attributes that are not (e.g. `audiences: 'secondary'`). */
export const official = (weaker: Omit<ItemConfidence, 'label' | 'source'> = {}): ItemConfidence => ({
  label: 'final',
  source: OFFICIAL_FORM,
  ...weaker,
});

export const NO_NA = { allowed: false } as const;
/** The measure the form serves, and the provisions it implements. */
export const FORM_MEASURE = 'transparency/1.1';
export const FORM_PROVISIONS: readonly string[] = ['Art. 53(1)(a)', 'Art. 53(1)(b)'];

type ItemInput = Omit<FormItem, 'kind' | 'section' | 'number' | 'measure' | 'provisions'> & { provisions?: string[] };

export const item = (input: ItemInput): FormItem => {
  const number = input.id.slice('form/'.length);
  const section = number.startsWith('D') ? 0 : Number(number.split('.')[0]);
  // Annex XI information goes to the authorities (Art. 53(1)(a)), Annex XII to downstream providers (Art. 53(1)(b)).
  const provisions = input.provisions ?? [
    ...(input.recipients.some((a) => a !== 'downstream') ? ['Art. 53(1)(a)'] : []),
    ...(input.recipients.includes('downstream') ? ['Art. 53(1)(b)'] : []),
  ];
  return { kind: 'form-item', ...input, number, section, measure: FORM_MEASURE, provisions };
};
