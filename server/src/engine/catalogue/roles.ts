/**
 * Scope and roles: the value sets of the provider's role, establishment and signatory status, the chapters a
 * provider may sign, and the reliefs of the Safety and Security chapter with what each makes not applicable.
 * Summaries are ours; titles in quotation marks are official.
 */
import type { Relief, SignatoryChapter, ValueSet } from './types';

export const roleValueSets: readonly ValueSet[] = [
  {
    id: 'provider-roles',
    title: 'Provider roles',
    kind: 'closed',
    confidence: 'secondary',
    note: "From the Commission's guidelines as secondary sources describe them (C(2025) 5045 final).",
    options: [
      {
        value: 'original-provider',
        label: 'Original provider',
        description:
          'You developed the model, or had it developed, and place it on the market. Your own fine-tunes and modifications stay the same model: document them as versions.',
      },
      {
        value: 'downstream-modifier',
        label: 'Downstream modifier',
        description:
          "You modified or fine-tuned another provider's model. You are the provider of a new general-purpose AI model, for your modification only, when it used more than one third of the original model's training compute.",
      },
    ],
  },
  {
    id: 'establishments',
    title: 'Establishment',
    kind: 'closed',
    confidence: 'final',
    options: [
      { value: 'union', label: 'Established in the Union' },
      {
        value: 'outside-union',
        label: 'Established outside the Union',
        description:
          'Appoint an authorised representative in the Union before placing the model on the Union market (Art. 54(1)), unless Art. 54(6) applies.',
      },
    ],
  },
  {
    id: 'signatory-status',
    title: 'Signatory status',
    kind: 'closed',
    confidence: 'unverified',
    note: "gpai-docs' own values, one per chapter. That the Code is voluntary, and that a provider who does not rely on it shows adequate alternative means, is final (Art. 53(4), 55(2)).",
    options: [
      { value: 'signed', label: 'Signed', description: 'You signed this chapter of the Code and rely on it.' },
      {
        value: 'not-signed',
        label: 'Not signed',
        description:
          'You do not rely on this chapter: describe the adequate alternative means that show compliance with the AI Act.',
      },
    ],
  },
];

/** The chapters a provider may sign, with the key that states it in `classification.code_of_practice`. */
export const signatoryChapters: readonly (SignatoryChapter & { readonly key: string })[] = [
  { key: 'transparency', chapter: 'transparency', reliance: 'Art. 53(4)' },
  { key: 'copyright', chapter: 'copyright', reliance: 'Art. 53(4)' },
  { key: 'safety_and_security', chapter: 'safety-security', reliance: 'Art. 55(2)' },
];

const S = 'safety-security';

export const reliefs: readonly Relief[] = [
  {
    id: 'format/relief-commitment-6',
    title: 'Commitment 6 exemption',
    source: 'Safety and Security Commitment 6',
    condition:
      "The model's capabilities are inferior to those of at least one model whose parameters are publicly downloadable.",
    effects: [
      { target: `${S}/6`, kind: 'not-applicable' },
      { target: `${S}/6.1`, kind: 'not-applicable' },
      { target: `${S}/6.2`, kind: 'not-applicable' },
    ],
    mentionedAs: ['commitment 6', 'publicly downloadable', 'open-weights model', 'open weights model'],
    confidence: 'final',
  },
  {
    id: 'format/relief-similarly-safe',
    title: 'Similarly safe or safer',
    source: 'Safety and Security Appendix 2 “Similarly safe or safer models”',
    condition:
      'The model is similarly safe or safer than a safe reference model (Appendix 2.1) by the criteria of Appendix 2.2, and the Model Report justifies the claim (Measure 7.3).',
    effects: [
      {
        target: `${S}/3.5`,
        kind: 'lifted-in-part',
        what: 'giving independent external evaluators access to the model (Appendix 3.5)',
      },
      {
        target: `${S}/7.6`,
        kind: 'lifted-in-part',
        what: 'the updated Model Report to the AI Office at least every 6 months',
      },
      {
        target: `${S}/10.2`,
        kind: 'lifted-in-part',
        what: "publishing a summary of this model's Model Report (a summary of the Framework is spared only if all your models are similarly safe or safer)",
      },
    ],
    mentionedAs: ['similarly safe', 'safe reference model', 'appendix 2'],
    confidence: 'final',
  },
  {
    id: 'format/relief-sme',
    title: 'SME or small mid-cap enterprise',
    source: 'Safety and Security chapter, recital (h)',
    condition: 'The provider is a small or medium-sized enterprise (SME) or a small mid-cap enterprise (SMC).',
    effects: [
      { target: `${S}/3.5`, kind: 'simplified', what: 'you may ask the AI Office for support (Appendix 3.5)' },
      { target: `${S}/7`, kind: 'simplified', what: 'the Model Report may give less detail' },
      {
        target: `${S}/8.1`,
        kind: 'simplified',
        what: 'lighter criteria for presuming that responsibilities are clearly defined',
      },
    ],
    mentionedAs: ['sme', 'smc', 'small and medium', 'small or medium', 'mid-cap'],
    confidence: 'final',
  },
];
