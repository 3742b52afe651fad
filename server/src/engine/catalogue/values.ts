/**
 * The value sets the form, the template and the format use: modalities, parameter and training-time
 * ranges, provenance options, classification and statuses. Numeric ranges carry their bounds.
 */
import type { ValueSet } from './types';

const DAYS_PER_MONTH = 365.25 / 12;

export const valueSets: readonly ValueSet[] = [
  {
    id: 'modalities',
    title: 'Modalities',
    kind: 'closed',
    confidence: 'final',
    note: 'Input and output modalities (form 2.3, 2.6) and data modalities (form 6.1). "Other" asks you to name it.',
    options: [
      { value: 'text', label: 'Text' },
      { value: 'images', label: 'Images', aliases: ['image'] },
      { value: 'audio', label: 'Audio' },
      { value: 'video', label: 'Video' },
      { value: 'other', label: 'Other', description: 'Name it in the matching "other" key.' },
    ],
  },
  {
    id: 'parameter-ranges',
    title: 'Parameter ranges (form 2.10)',
    kind: 'closed',
    confidence: 'final',
    note: 'The form does not say which range a count exactly on a boundary belongs to: gpai-docs accepts either neighbour and derives the lower one.',
    options: [
      { value: '1-500M', label: '1–500M', min: 1, max: 5e8 },
      { value: '500M-5B', label: '500M–5B', min: 5e8, max: 5e9 },
      { value: '5B-15B', label: '5B–15B', min: 5e9, max: 1.5e10 },
      { value: '15B-50B', label: '15B–50B', min: 1.5e10, max: 5e10 },
      { value: '50B-100B', label: '50B–100B', min: 5e10, max: 1e11 },
      { value: '100B-500B', label: '100B–500B', min: 1e11, max: 5e11 },
      { value: '500B-1T', label: '500B–1T', min: 5e11, max: 1e12 },
      { value: '>1T', label: '>1T', min: 1e12 },
    ],
  },
  {
    id: 'training-time-ranges',
    title: 'Training-time ranges (form 7.1)',
    kind: 'closed',
    confidence: 'final',
    note: 'Bounds in wall-clock days, a month counted as 30.44 days. A duration exactly on a boundary matches either neighbour.',
    options: [
      { value: '<1 month', label: '<1 month', min: 0, max: DAYS_PER_MONTH },
      { value: '1-3 months', label: '1–3 months', min: DAYS_PER_MONTH, max: 3 * DAYS_PER_MONTH },
      { value: '3-6 months', label: '3–6 months', min: 3 * DAYS_PER_MONTH, max: 6 * DAYS_PER_MONTH },
      { value: '>6 months', label: '>6 months', min: 6 * DAYS_PER_MONTH },
    ],
  },
  {
    id: 'data-provenance',
    title: 'Data provenance (form 6.2)',
    kind: 'closed',
    confidence: 'final',
    note: 'The six boxes of the final form; any other source is named in other_data_provenance ("If any other please specify").',
    options: [
      { value: 'web_crawling', label: 'Web crawling' },
      {
        value: 'private_third_party_datasets',
        label: 'Private non-publicly available datasets obtained from third parties',
      },
      { value: 'user_data', label: 'User data', description: 'Data collected from users.' },
      { value: 'publicly_available_datasets', label: 'Publicly available datasets' },
      { value: 'other_means', label: 'Data collected through other means' },
      {
        value: 'synthetic_data',
        label: 'Synthetic data not publicly accessible',
        description: 'Created directly by or on behalf of the provider.',
      },
    ],
    superseded: [
      {
        value: 'other',
        label: 'Other',
        instead:
          'The final form has no "Other" box: it asks you to name any other source in words (other_data_provenance). Data gathered in a way the boxes do not name is "other_means" ("Data collected through other means").',
        namedIn: 'other_data_provenance',
      },
    ],
  },
  {
    id: 'distribution-channels',
    title: 'Distribution channel examples (form 3.1)',
    kind: 'open',
    confidence: 'draft-only',
    note: 'Examples from the third draft, not a fixed list.',
    options: [
      {
        value: 'Enterprise or subscription access via software suites or enterprise solutions',
        label: 'Enterprise or subscription access',
      },
      { value: 'Public or subscription API access', label: 'Public or subscription API access' },
      {
        value: 'Public or proprietary access via integrated development environments',
        label: 'Access via integrated development environments',
      },
      { value: 'Device-specific applications or firmware', label: 'Device-specific applications or firmware' },
      { value: 'Open-source repositories', label: 'Open-source repositories' },
    ],
  },
  {
    id: 'licence-kinds',
    title: 'Licence kinds',
    kind: 'closed',
    confidence: 'final',
    note: 'The three example categories the final form gives for the licence type (3.4), used here for the open-source exemption (Art. 53(2)); 3.4 itself stays free text.',
    options: [
      {
        value: 'free-and-open-source',
        label: 'Free and open-source',
        description: 'Allows access, use, modification and distribution of the model (Art. 53(2)).',
      },
      {
        value: 'open-weights-restricted',
        label: 'Less permissive licence with use restrictions',
        description:
          'Weights are public but use, modification or distribution is restricted: not a free and open-source licence.',
      },
      { value: 'proprietary', label: 'Proprietary' },
    ],
  },
  {
    id: 'systemic-risk',
    title: 'Systemic-risk classification',
    kind: 'closed',
    confidence: 'final',
    options: [
      {
        value: 'none',
        label: 'No systemic risk',
        description: 'Training compute not above 10^25 FLOP and no designation by the Commission.',
      },
      {
        value: 'presumed',
        label: 'Presumed systemic risk',
        description:
          'Training compute above 10^25 FLOP (Art. 51(2)); the Commission must be notified within two weeks (Art. 52(1)).',
      },
      {
        value: 'designated',
        label: 'Designated systemic risk',
        description: 'Designated by the Commission under Art. 51(1)(b) and Annex XIII.',
      },
    ],
  },
  {
    id: 'measure-status',
    title: "Status of a measure (gpai-docs' own, not the Code's)",
    kind: 'closed',
    confidence: 'final',
    note: "gpai-docs' own statuses for the Copyright and Safety and Security answers: the Code sets no statuses; these say how far your work on a measure has come.",
    options: [
      { value: 'implemented', label: 'Implemented' },
      { value: 'in_progress', label: 'In progress', unfinished: true },
      { value: 'planned', label: 'Planned', unfinished: true },
      { value: 'not_applicable', label: 'Not applicable', description: 'Give the reason in `reason`.' },
    ],
  },
  {
    id: 'summary-size-text',
    title: 'Text training data size (summary 1.3.b)',
    kind: 'closed',
    confidence: 'secondary',
    options: [
      { value: 'Less than 1 billion tokens', label: 'Less than 1 billion tokens' },
      {
        value: '1 billion to 10 trillion tokens',
        label: '1 billion to 10 trillion tokens',
        aliases: ['1billion to 10 trillions tokens'],
      },
      {
        value: 'More than 10 trillion tokens',
        label: 'More than 10 trillion tokens',
        aliases: ['More than 10 trillions tokens'],
      },
    ],
  },
  {
    id: 'summary-size-images',
    title: 'Image training data size (summary 1.3.b)',
    kind: 'closed',
    confidence: 'secondary',
    options: [
      { value: 'Less than 1 million images', label: 'Less than 1 million images' },
      {
        value: '1 million to 1 billion images',
        label: '1 million to 1 billion images',
        aliases: ['1Million to1 billion images'],
      },
      { value: 'More than 1 billion images', label: 'More than 1 billion images' },
    ],
  },
  {
    id: 'summary-size-audio',
    title: 'Audio training data size (summary 1.3.b)',
    kind: 'closed',
    confidence: 'secondary',
    options: [
      { value: 'Less than 10,000 hours', label: 'Less than 10,000 hours', aliases: ['Less than 10 000 hours'] },
      { value: '10,000 to 1 million hours', label: '10,000 to 1 million hours', aliases: ['10 000 to1 million hours'] },
      { value: 'More than 1 million hours', label: 'More than 1 million hours' },
    ],
  },
  {
    id: 'summary-size-video',
    title: 'Video training data size (summary 1.3.b)',
    kind: 'closed',
    confidence: 'secondary',
    options: [
      { value: 'Less than 10,000 hours', label: 'Less than 10,000 hours', aliases: ['Less than 10 000 hours'] },
      { value: '10,000 to 1 million hours', label: '10,000 to 1 million hours', aliases: ['10 000 to1 million hours'] },
      { value: 'More than 1 million hours', label: 'More than 1 million hours' },
    ],
  },
  {
    id: 'specified-risks',
    title: 'Specified systemic risks (Appendix 1.4)',
    kind: 'closed',
    confidence: 'final',
    options: [
      {
        value: 'cbrn',
        label: 'Chemical, biological, radiological and nuclear (CBRN)',
        description:
          'The model makes CBRN attacks or accidents easier, including by lowering barriers for malicious actors.',
      },
      {
        value: 'loss_of_control',
        label: 'Loss of control',
        description: 'People can no longer reliably direct, change or shut down the model.',
      },
      {
        value: 'cyber_offence',
        label: 'Cyber offence',
        description: 'The model enables large-scale, sophisticated cyber-attacks, including on critical systems.',
      },
      {
        value: 'harmful_manipulation',
        label: 'Harmful manipulation',
        description:
          'The model strategically distorts the beliefs or behaviour of large populations or high-stakes decision-makers.',
      },
    ],
  },
];
