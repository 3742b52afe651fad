/**
 * The Model Documentation Form of the Transparency chapter: its sections and every item, with the
 * recipients ticked in the form, recommended length, N/A rule, allowed values, precision, the Annex
 * point served and the confidence of each attribute. Labels are the form's; "what to write" is ours.
 */
import type { Audience, FormItem, FormSection } from './types';

export const formSections: readonly FormSection[] = [
  { id: 'form/section-1', number: 1, title: 'General information', confidence: 'final' },
  { id: 'form/section-2', number: 2, title: 'Model properties', confidence: 'final' },
  { id: 'form/section-3', number: 3, title: 'Methods of distribution and licenses', confidence: 'final' },
  { id: 'form/section-4', number: 4, title: 'Use', confidence: 'final' },
  { id: 'form/section-5', number: 5, title: 'Training process', confidence: 'secondary' },
  { id: 'form/section-6', number: 6, title: 'Information on the data used for training, testing and validation', confidence: 'secondary' },
  { id: 'form/section-7', number: 7, title: 'Computational resources', confidence: 'secondary' },
  { id: 'form/section-8', number: 8, title: 'Energy consumption', confidence: 'secondary' },
];

const ALL: Audience[] = ['ai-office', 'nca', 'downstream'];
const AUTHORITIES: Audience[] = ['ai-office', 'nca'];
const AIO: Audience[] = ['ai-office'];
const NCA: Audience[] = ['nca'];
const DP: Audience[] = ['downstream'];
const NCA_DP: Audience[] = ['nca', 'downstream'];

const NO_NA = { allowed: false } as const;
const MAY_BE_EMPTY = { allowed: false, mayBeEmpty: true } as const;
const T11 = 'transparency/1.1';

type ItemInput = Omit<FormItem, 'section' | 'number' | 'measure' | 'provisions'> & { provisions?: string[] };

const item = (input: ItemInput): FormItem => {
  const number = input.id.slice('form/'.length);
  const section = number.startsWith('D') ? 0 : Number(number.split('.')[0]);
  // Annex XI information goes to the authorities (Art. 53(1)(a)), Annex XII to downstream providers (Art. 53(1)(b)).
  const provisions = input.provisions ?? [
    ...(input.recipients.some((a) => a !== 'downstream') ? ['Art. 53(1)(a)'] : []),
    ...(input.recipients.includes('downstream') ? ['Art. 53(1)(b)'] : []),
  ];
  return { ...input, number, section, measure: T11, provisions };
};

export const formItems: readonly FormItem[] = [
  // Document-level fields
  item({
    id: 'form/D.2', label: 'Document version number', format: 'text', recipients: ALL, na: NO_NA, annex: [],
    whatToWrite: 'The version of this documentation, changed with every revision so that readers know which one they hold.',
    confidence: { label: 'secondary' },
  }),
  item({
    id: 'form/D.1', label: 'Date the document was last updated', format: 'date', recipients: ALL, na: NO_NA, annex: [],
    whatToWrite: 'The date of the latest revision, as YYYY-MM-DD.',
    confidence: { label: 'secondary' },
  }),
  // Section 1 — General information
  item({
    id: 'form/1.1', label: 'Legal name for the model provider', format: 'text', recipients: ALL, na: NO_NA, annex: [],
    whatToWrite: 'The name of the legal entity that provides the model, as registered.',
    confidence: { label: 'final' },
  }),
  item({
    id: 'form/1.2', label: 'Model name', format: 'text', recipients: ALL, na: NO_NA, annex: [],
    whatToWrite: 'The model\'s unique identifier, with its family name where there is one, and the names of every publicly available version this documentation covers.',
    confidence: { label: 'final' },
  }),
  item({
    id: 'form/1.3', label: 'Model authenticity', format: 'url-or-text', recipients: AUTHORITIES, na: { allowed: false, mayBeEmpty: true, when: 'Only where available.' }, annex: [],
    whatToWrite: 'Where you have it, evidence that the model is genuinely yours: a secure hash of the released files, or the URL of the service endpoint.',
    confidence: { label: 'final' },
  }),
  item({
    id: 'form/1.4', label: 'Release date', format: 'date', recipients: ALL, na: NO_NA, annex: ['XI 1.1(c)', 'XII 1(c)'],
    whatToWrite: 'The date the model was first released through any channel, anywhere.',
    confidence: { label: 'final' },
  }),
  item({
    id: 'form/1.5', label: 'Union market release date', format: 'date', recipients: ALL, na: NO_NA, annex: ['XI 1.1(c)', 'XII 1(c)'],
    whatToWrite: 'The date the model was placed on the market in the European Union.',
    confidence: { label: 'final' },
  }),
  item({
    id: 'form/1.6', label: 'Model dependencies', format: 'list', recipients: ALL, annex: [], provisions: ['Art. 53(1)(a)', 'Art. 53(1)(b)', 'Recital 109'],
    na: { allowed: true, words: ['N/A'], when: 'The model is not a modification or fine-tune of another general-purpose AI model.' },
    whatToWrite: 'If the model was made by modifying or fine-tuning general-purpose AI models already on the market, list each one with its provider and version; otherwise N/A.',
    confidence: { label: 'final' },
  }),
  // Section 2 — Model properties
  item({
    id: 'form/2.1', label: 'Model architecture', format: 'text', recipients: ALL, na: NO_NA, words: { count: 20 }, annex: ['XI 1.1(d)', 'XII 1(f)'],
    whatToWrite: 'A short general description of the architecture, for example a decoder-only transformer.',
    confidence: { label: 'final' },
  }),
  item({
    id: 'form/2.2', label: 'Design specifications of the model', format: 'text', recipients: AUTHORITIES, na: NO_NA, words: { count: 100 }, annex: ['XI 1.2(b)'],
    whatToWrite: 'The key design choices of the model with their rationale and assumptions, enough to give basic insight into how it was designed.',
    confidence: { label: 'final', audiences: 'draft-only' },
  }),
  item({
    id: 'form/2.3', label: 'Input modalities', format: 'selection', values: 'modalities', recipients: ALL, na: NO_NA, annex: ['XI 1.1(e)', 'XII 1(g)'],
    whatToWrite: 'Every kind of input the model accepts: text, images, audio, video, other.',
    confidence: { label: 'final', values: 'secondary', audiences: 'draft-only' },
  }),
  item({
    id: 'form/2.4', label: 'If any other please specify', qualifier: 'input', format: 'text', recipients: ALL, na: NO_NA, annex: ['XI 1.1(e)', 'XII 1(g)'],
    conditional: '"other" is among the input modalities',
    whatToWrite: 'The input modality you ticked as "other", named.',
    confidence: { label: 'final', audiences: 'draft-only' },
  }),
  item({
    id: 'form/2.5', label: 'Maximum input size', qualifier: 'per input modality', format: 'structured', recipients: DP, annex: ['XII 2(b)'],
    na: { allowed: true, words: ['N/A'], when: 'No maximum is defined for that modality.' },
    whatToWrite: 'For each input modality, the largest input the model takes, such as its context window.',
    confidence: { label: 'final', audiences: 'draft-only' },
  }),
  item({
    id: 'form/2.6', label: 'Output modalities', format: 'selection', values: 'modalities', recipients: ALL, na: NO_NA, annex: ['XI 1.1(e)', 'XII 1(g)'],
    whatToWrite: 'Every kind of output the model produces: text, images, audio, video, other.',
    confidence: { label: 'final', values: 'secondary', audiences: 'draft-only' },
  }),
  item({
    id: 'form/2.7', label: 'If any other please specify', qualifier: 'output', format: 'text', recipients: ALL, na: NO_NA, annex: ['XI 1.1(e)', 'XII 1(g)'],
    conditional: '"other" is among the output modalities',
    whatToWrite: 'The output modality you ticked as "other", named.',
    confidence: { label: 'secondary', audiences: 'draft-only' },
  }),
  item({
    id: 'form/2.8', label: 'Maximum output size', qualifier: 'per output modality', format: 'structured', recipients: DP, annex: ['XII 2(b)'],
    na: { allowed: true, words: ['N/A'], when: 'No maximum is defined for that modality.' },
    whatToWrite: 'For each output modality, the largest output the model produces.',
    confidence: { label: 'secondary', audiences: 'draft-only', na: 'draft-only' },
  }),
  item({
    id: 'form/2.9', label: 'Total model size', format: 'number', recipients: AIO, na: NO_NA, annex: ['XI 1.1(d)', 'XII 1(f)'],
    precision: { kind: 'significant-figures', min: 2, unit: 'parameters' },
    whatToWrite: 'The total number of parameters, in scientific notation with at least two significant figures, such as 7.3e10.',
    confidence: { label: 'final', audiences: 'draft-only' },
  }),
  item({
    id: 'form/2.10', label: 'Parameter range', qualifier: 'range of the total model size', format: 'selection', values: 'parameter-ranges', recipients: NCA_DP, na: NO_NA, annex: ['XI 1.1(d)', 'XII 1(f)'],
    precision: { kind: 'range', values: 'parameter-ranges' }, derivedFrom: 'form/2.9',
    whatToWrite: 'The range the total parameter count falls in. gpai-docs derives it from the total model size.',
    confidence: { label: 'secondary', audiences: 'draft-only' },
  }),
  // Section 3 — Methods of distribution and licenses
  item({
    id: 'form/3.1', label: 'Distribution channels', qualifier: 'AI Office and national authorities', format: 'list', values: 'distribution-channels', recipients: AUTHORITIES, na: NO_NA, annex: ['XI 1.1(c)', 'XII 1(c)'],
    whatToWrite: 'Every way the model is distributed or made available: API, enterprise suites, IDEs, device firmware, open repositories and so on.',
    confidence: { label: 'secondary' },
  }),
  item({
    id: 'form/3.2', label: 'Distribution channels', qualifier: 'downstream providers', format: 'list', recipients: DP, na: NO_NA, annex: ['XII 1(c)'],
    whatToWrite: 'The same channels as seen by downstream providers: for each, how they get access and at what level (weights, fine-tuning, black-box API).',
    confidence: { label: 'secondary', values: 'draft-only' },
  }),
  item({
    id: 'form/3.3', label: 'License', qualifier: 'link', format: 'url-or-text', recipients: AUTHORITIES, annex: ['XI 1.1(f)', 'XII 1(h)'],
    na: { allowed: true, words: ['none exists', 'none'], when: 'The model has no licence.' },
    whatToWrite: 'A link to the model\'s licence or licences, or a statement that none exists.',
    confidence: { label: 'secondary', audiences: 'draft-only', na: 'draft-only' },
  }),
  item({
    id: 'form/3.4', label: 'License', qualifier: 'type or category', format: 'text', recipients: DP, na: NO_NA, annex: ['XII 1(h)'],
    whatToWrite: 'The type or category of licence under which downstream providers can obtain the model, such as a free and open-source licence or a commercial licence.',
    confidence: { label: 'secondary', audiences: 'draft-only', values: 'unverified' },
  }),
  item({
    id: 'form/3.5', label: 'License', qualifier: 'additional assets', format: 'list', recipients: AUTHORITIES, na: { allowed: false, mayBeEmpty: true, when: 'Only if other assets are released.' }, annex: ['XI 1.1(f)'],
    whatToWrite: 'Other assets released with the model, if any (training data, data-processing, training, inference or evaluation code), each with where to get it and its licence.',
    confidence: { label: 'secondary', audiences: 'draft-only' },
  }),
  // Section 4 — Use
  item({
    id: 'form/4.1', label: 'Acceptable Use Policy', format: 'url-or-text', recipients: ALL, annex: ['XI 1.1(b)', 'XII 1(b)'],
    na: { allowed: true, words: ['none exists'], when: 'There is no acceptable use policy.' },
    whatToWrite: 'A link to the acceptable use policy that applies, or a statement that none exists.',
    confidence: { label: 'final' },
  }),
  item({
    id: 'form/4.2', label: 'Intended uses', format: 'text', recipients: ALL, words: { count: 200 }, annex: ['XI 1.1(a)', 'XII 1(a)'],
    na: { allowed: true, words: ['N/A'], when: 'Listing intended or restricted uses is incompatible with the model\'s licence.' },
    whatToWrite: 'Either the uses you intend (for example translation, programming help, customer support) or the uses you restrict or forbid beyond what the law already prohibits.',
    confidence: { label: 'final', audiences: 'draft-only', words: 'draft-only', na: 'draft-only' },
  }),
  item({
    id: 'form/4.3', label: 'Type and nature of AI systems in which the general-purpose AI model can be integrated', format: 'text', recipients: ALL, na: NO_NA, words: { count: 300, upTo: true }, annex: ['XI 1.1(a)', 'XII 1(a)'],
    whatToWrite: 'The kinds of AI systems the model can, or should not, be built into: assistants, decision support, autonomous systems, cybersecurity tools and so on.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only' },
  }),
  item({
    id: 'form/4.4', label: 'Technical means for integration', format: 'text', recipients: DP, na: NO_NA, words: { count: 100 }, annex: ['XI 1.2(a)', 'XII 2(a)'],
    whatToWrite: 'What it takes to integrate the model into an AI system: instructions for use, infrastructure, tools.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only' },
  }),
  item({
    id: 'form/4.5', label: 'Required hardware', format: 'text', recipients: DP, words: { count: 100 }, annex: ['XII 1(d)'],
    na: { allowed: true, words: ['N/A'], when: 'No hardware is needed on the downstream side, for example API-only access.' },
    whatToWrite: 'The hardware, with versions, needed to run the model.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only', na: 'draft-only' },
  }),
  item({
    id: 'form/4.6', label: 'Required software', format: 'text', recipients: DP, words: { count: 100 }, annex: ['XII 1(d)', 'XII 1(e)'],
    na: { allowed: true, words: ['N/A'], when: 'No particular software is needed on the downstream side.' },
    whatToWrite: 'The software, with versions, needed to use the model.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only', na: 'draft-only' },
  }),
  // Section 5 — Training process
  item({
    id: 'form/5.1', label: 'Design specifications of the training process', format: 'text', recipients: AUTHORITIES, na: NO_NA, words: { count: 200 }, annex: ['XI 1.2(b)'],
    whatToWrite: 'The main stages of training, their methods and techniques, key design choices and assumptions, what the model is optimised for and, where it matters, the role of different parameters.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only' },
  }),
  item({
    id: 'form/5.2', label: 'Decision rationale', format: 'text', recipients: AUTHORITIES, na: NO_NA, words: { count: 200 }, annex: ['XI 1.2(b)'],
    whatToWrite: 'How and why the key training choices were made.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only' },
  }),
  // Section 6 — Information on the data used for training, testing and validation
  item({
    id: 'form/6.1', label: 'Data type/modality', format: 'selection', values: 'modalities', recipients: ALL, na: NO_NA, annex: ['XI 1.2(c)', 'XII 2(c)'],
    whatToWrite: 'The modalities present in the training, testing and validation data; name any "other".',
    confidence: { label: 'final' },
  }),
  item({
    id: 'form/6.2', label: 'Data provenance', format: 'selection', values: 'data-provenance', recipients: ALL, na: NO_NA, annex: ['XI 1.2(c)', 'XII 2(c)'],
    whatToWrite: 'Every source the data came from: web crawling, third-party private datasets, user data, public datasets, synthetic data, other.',
    confidence: { label: 'secondary', audiences: 'draft-only', values: 'secondary' },
  }),
  item({
    id: 'form/6.3', label: 'How data was obtained and selected', format: 'text', recipients: AUTHORITIES, na: NO_NA, words: { count: 300 }, annex: ['XI 1.2(c)'],
    whatToWrite: 'How the data was obtained and chosen, including annotation methods and resources, and the models and methods used to make synthetic data.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only' },
  }),
  item({
    id: 'form/6.4', label: 'Number of data points', qualifier: 'national competent authorities', format: 'structured', recipients: NCA, na: NO_NA, annex: ['XI 1.2(c)'],
    precision: { kind: 'unconfirmed', derive: { significantFigures: 1 } }, derivedFrom: 'form/6.5',
    whatToWrite: 'The size of the training, testing and validation data at a coarser precision. gpai-docs derives it from the AI Office figures.',
    confidence: { label: 'secondary', precision: 'unverified' },
  }),
  item({
    id: 'form/6.5', label: 'Number of data points', qualifier: 'AI Office', format: 'structured', recipients: AIO, na: NO_NA, annex: ['XI 1.2(c)'],
    precision: { kind: 'significant-figures', min: 2, unit: 'a declared unit (tokens, documents, images, hours, frames…)' },
    whatToWrite: 'The size of the training, testing and validation data, each to at least two significant figures with its unit, such as 1.5e13 tokens.',
    confidence: { label: 'secondary', precision: 'draft-only' },
  }),
  item({
    id: 'form/6.6', label: 'Scope and main characteristics', format: 'text', recipients: AUTHORITIES, na: NO_NA, words: { count: 200 }, annex: ['XI 1.2(c)'],
    whatToWrite: 'What the data covers by domain, geography, language and modality; if you used data you already held (such as user data), how you obtained the rights and from which products.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only' },
  }),
  item({
    id: 'form/6.7', label: 'Data curation methodologies', format: 'text', recipients: ALL, na: NO_NA, words: { count: 300 }, annex: ['XI 1.2(c)', 'XII 2(c)'],
    whatToWrite: 'How raw data became training data: cleaning and filtering, normalisation and tokenisation, augmentation.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only' },
  }),
  item({
    id: 'form/6.8', label: 'Measures to detect unsuitability of data sources', format: 'text', recipients: AUTHORITIES, na: MAY_BE_EMPTY, words: { count: 300 }, annex: ['XI 1.2(c)'],
    whatToWrite: 'Any methods used while acquiring or processing data to keep out unsuitable data, such as illegal or harmful content and personal data.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only' },
  }),
  item({
    id: 'form/6.9', label: 'Measures to detect identifiable biases', format: 'text', recipients: AUTHORITIES, na: MAY_BE_EMPTY, words: { count: 200 }, annex: ['XI 1.2(c)'],
    whatToWrite: 'Any methods used while acquiring or processing data to find and address identifiable biases.',
    confidence: { label: 'secondary', audiences: 'draft-only', words: 'draft-only' },
  }),
  // Section 7 — Computational resources
  item({
    id: 'form/7.1', label: 'Training time', qualifier: 'national competent authorities', format: 'selection', values: 'training-time-ranges', recipients: NCA, na: NO_NA, annex: ['XI 1.2(d)'],
    precision: { kind: 'range', values: 'training-time-ranges' }, derivedFrom: 'form/7.2',
    whatToWrite: 'The training duration as a range. gpai-docs derives it from the wall-clock days.',
    confidence: { label: 'secondary' },
  }),
  item({
    id: 'form/7.2', label: 'Training time', qualifier: 'AI Office', format: 'structured', recipients: AIO, na: NO_NA, annex: ['XI 1.2(d)'],
    precision: { kind: 'significant-figures', min: 1, unit: 'days' },
    whatToWrite: 'The period you measured, its length in wall-clock days and, per hardware type, in hardware-days, each to at least one significant figure (such as 9e1 days; 2e5 H100-days).',
    confidence: { label: 'secondary' },
  }),
  item({
    id: 'form/7.3', label: 'Amount of computation used for training', qualifier: 'national competent authorities', format: 'number', recipients: NCA, na: NO_NA, annex: ['XI 1.2(d)'],
    precision: { kind: 'order-of-magnitude', unit: 'FLOP' }, derivedFrom: 'form/7.4',
    whatToWrite: 'The order of magnitude of the training compute in FLOP, such as 1e25. gpai-docs derives it from the precise figure.',
    confidence: { label: 'secondary' },
  }),
  item({
    id: 'form/7.4', label: 'Amount of computation used for training', qualifier: 'AI Office', format: 'number', recipients: AIO, na: NO_NA, annex: ['XI 1.2(d)'], provisions: ['Art. 53(1)(a)', 'Art. 51(2)'],
    precision: { kind: 'significant-figures', min: 2, unit: 'FLOP' },
    whatToWrite: 'The compute used for training, measured or estimated, in FLOP to at least two significant figures, such as 2.4e25. It is the quantity the Art. 51(2) threshold compares.',
    confidence: { label: 'secondary' },
  }),
  item({
    id: 'form/7.5', label: 'Measurement methodology', qualifier: 'training compute', format: 'text', recipients: AUTHORITIES, na: NO_NA, annex: ['XI 1.2(d)'], provisions: ['Art. 53(1)(a)', 'Art. 53(5)'],
    whatToWrite: 'How the training compute was measured or estimated (hardware-based or architecture-based), pending a delegated act under Art. 53(5).',
    confidence: { label: 'secondary', audiences: 'draft-only' },
  }),
  // Section 8 — Energy consumption
  item({
    id: 'form/8.1', label: 'Amount of energy used for training', format: 'number', recipients: AUTHORITIES, annex: ['XI 1.2(e)'],
    na: { allowed: true, words: ['N/A'], reasonRequired: true, when: 'A compute or hardware provider withholds the information needed; say which.' },
    precision: { kind: 'significant-figures', min: 2, unit: 'MWh' },
    whatToWrite: 'The energy used for training, measured or estimated, in MWh to at least two significant figures, such as 1.0e2 MWh.',
    confidence: { label: 'secondary' },
  }),
  item({
    id: 'form/8.2', label: 'Measurement methodology', qualifier: 'training energy', format: 'text', recipients: AUTHORITIES, na: NO_NA, words: { count: 100, approx: true }, annex: ['XI 1.2(e)'], provisions: ['Art. 53(1)(a)', 'Art. 53(5)'],
    whatToWrite: 'How the training energy was measured or estimated, pending a delegated act under Art. 53(5).',
    confidence: { label: 'secondary' },
  }),
  item({
    id: 'form/8.3', label: 'Benchmarked amount of computation used for inference', format: 'number', recipients: AUTHORITIES, na: NO_NA, annex: ['XI 1.2(e)'],
    precision: { kind: 'significant-figures', min: 2, unit: 'FLOP' },
    whatToWrite: 'The compute used for a benchmark inference task, in FLOP to at least two significant figures, such as 5.1e17. The form asks for compute because inference energy depends on more than the model.',
    confidence: { label: 'secondary' },
  }),
  item({
    id: 'form/8.4', label: 'Measurement methodology', qualifier: 'inference compute', format: 'text', recipients: AUTHORITIES, na: NO_NA, annex: ['XI 1.2(e)'],
    whatToWrite: 'The benchmark task (such as generating 100,000 tokens) and the hardware (such as 64 H100s) used to measure or estimate inference compute.',
    confidence: { label: 'secondary' },
  }),
];
