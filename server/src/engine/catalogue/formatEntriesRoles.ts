/**
 * Catalogue entries of the classification keys that state the model's scope and the provider's role: the
 * systemic-risk threshold date, GPAI scope, modification compute, establishment and authorised
 * representative, signatory status and the Safety and Security reliefs. Hovers and `explain` read `about`.
 */
import { GPAI_GUIDELINES } from './act';
import type { FormatEntry } from './types';

export const roleFormatEntries: readonly Omit<FormatEntry, 'kind'>[] = [
  {
    id: 'format/threshold-date',
    concern: 'classification',
    title: 'Systemic-risk threshold met or foreseen',
    about:
      'The date the model met the systemic-risk threshold of Art. 51(2), or the date it became known that it would (which can be before training ends). The Art. 52(1) notification to the Commission is due within two weeks of it.',
    provisions: ['Art. 52(1)', 'Art. 51(2)'],
  },
  {
    id: 'format/monetisation',
    concern: 'classification',
    title: 'Monetisation',
    about:
      '`false` when the model is released without monetisation: no price, no paid support tied to the model, no use of personal data beyond what security needs (Recital 103). A monetised model cannot claim the open-source exemption, nor the Art. 54(6) exemption from appointing an authorised representative.',
    provisions: ['Recital 103', 'Art. 53(2)', 'Art. 54(6)'],
  },
  {
    id: 'format/gpai-scope',
    concern: 'classification',
    title: 'General-purpose AI model (scope)',
    about:
      "Why you treat the model as a general-purpose AI model although its own figures do not meet the indicative criterion of the Commission's guidelines: training compute greater than 10^23 FLOP (form 7.4) and the ability to generate language (text or audio), images or video (form 2.6). The criterion is indicative, not conclusive; below it, or for a narrow single-task model, a model is indicatively not a general-purpose AI model.",
    provisions: [GPAI_GUIDELINES],
  },
  {
    id: 'format/provider-role',
    concern: 'classification',
    title: 'Provider role',
    about:
      "`original-provider` when you developed the model: your own fine-tunes and modifications stay the same model, documented as its versions (form 1.2), not as dependencies. `downstream-modifier` when you modified or fine-tuned another provider's model: under the Commission's guidelines you become the provider of a new general-purpose AI model, for your modification only (Recital 109), when it used more than one third of the original model's training compute.",
    provisions: [GPAI_GUIDELINES, 'Recital 109'],
  },
  {
    id: 'format/base-model-compute',
    concern: 'classification',
    title: "Base model's training compute",
    about:
      "For a downstream modifier: the training compute of the model you modified, in FLOP, as its provider documents it. The one-third test of the Commission's guidelines compares your modification's compute with it.",
    provisions: [GPAI_GUIDELINES],
  },
  {
    id: 'format/modification-compute',
    concern: 'classification',
    title: 'Compute of the modification',
    about:
      "For a downstream modifier: the compute your modification used, in FLOP. When it is not given, gpai-docs reads form 7.4, which a modifier fills in for its modification. The Commission's guidelines make you the provider of a new general-purpose AI model only when it is more than one third of the base model's training compute.",
    provisions: [GPAI_GUIDELINES],
  },
  {
    id: 'format/establishment',
    concern: 'classification',
    title: 'Establishment',
    about:
      '`union` or `outside-union`: where the provider is established. A provider established outside the Union appoints an authorised representative in the Union before placing the model on the Union market (Art. 54(1)), unless Art. 54(6) applies.',
    provisions: ['Art. 54(1)', 'Art. 54(6)'],
  },
  {
    id: 'format/authorised-representative',
    concern: 'classification',
    title: 'Authorised representative',
    about:
      "For a provider established outside the Union: the representative it appointed by written mandate, established in the Union, with its name, contact and the mandate's date, which comes before placement on the Union market (Art. 54(1)). Not required for a model validly covered by the open-source exemption without systemic risk (Art. 54(6)).",
    provisions: ['Art. 54(1)', 'Art. 54(6)'],
  },
  {
    id: 'format/code-signatory',
    concern: 'classification',
    title: 'Signatory of the Code of Practice',
    about:
      'For each chapter of the Code, `signed` or `not-signed`. The Code is voluntary: a provider may rely on it to show compliance until a harmonised standard exists, or show adequate alternative means (Art. 53(4), 55(2)). For a chapter you did not sign, gpai-docs presents each measure as the recognised way to show what the AI Act requires, not as your commitment.',
    provisions: ['Art. 53(4)', 'Art. 55(2)'],
  },
  {
    id: 'format/alternative-means',
    concern: 'classification',
    title: 'Adequate alternative means',
    about:
      'For the chapters you did not sign: how you show compliance with the AI Act obligations they cover instead (Art. 53(4), 55(2)).',
    provisions: ['Art. 53(4)', 'Art. 55(2)'],
  },
  {
    id: 'format/reliefs',
    concern: 'classification',
    title: 'Safety and Security reliefs',
    about:
      'Facts on which the Safety and Security chapter relieves a model with systemic risk of some of its measures: the Commitment 6 exemption, the "similarly safe or safer" regime of Appendix 2, and the simplifications for SMEs and small mid-caps.',
    provisions: ['Art. 55(1)'],
  },
  {
    id: 'format/relief-commitment-6',
    concern: 'classification',
    title: 'Commitment 6 exemption',
    about:
      'The model with publicly downloadable parameters whose capabilities are greater than this model’s. A model whose capabilities are inferior to those of at least one such model is exempt from Safety and Security Commitment 6 “Security mitigations” (Measures 6.1 and 6.2).',
    provisions: ['Art. 55(1)(d)'],
  },
  {
    id: 'format/relief-similarly-safe',
    concern: 'classification',
    title: 'Similarly safe or safer',
    about:
      'The safe reference model (Appendix 2.1) that this model is similarly safe or safer than (Appendix 2.2); justify the claim in the Model Report (Measure 7.3). It lifts the external evaluators’ access (Measure 3.5, Appendix 3.5), the 6-monthly Model Report update (Measure 7.6) and the publication of this model’s Model Report summary (Measure 10.2).',
    provisions: ['Art. 55(1)'],
  },
  {
    id: 'format/relief-sme',
    concern: 'classification',
    title: 'SME or small mid-cap enterprise',
    about:
      '`true` when the provider is an SME or a small mid-cap enterprise. The chapter then simplifies some measures: support from the AI Office (Measure 3.5), a less detailed Model Report (Commitment 7), lighter criteria for Measure 8.1. None of them stops applying.',
    provisions: ['Art. 55(1)', 'Art. 56(5)'],
  },
];
