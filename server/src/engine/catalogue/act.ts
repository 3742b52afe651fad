/**
 * The AI Act (Regulation (EU) 2024/1689) as the Code and the form cite it: provisions, Annex XI and XII
 * points, key dates and the numeric thresholds the rules apply. Summaries are ours.
 */
import type { Confidence, Provision } from './types';

/** As written below: each provision's id is how it is cited. */
type ProvisionInput = Omit<Provision, 'kind' | 'id'>;

/** How the Commission's guidelines on the scope of the GPAI obligations are cited. */
export const GPAI_GUIDELINES = 'Commission Guidelines C(2025) 5045 final';

const provisionInputs: readonly ProvisionInput[] = [
  {
    cite: 'Art. 3(65)',
    summary:
      'Defines systemic risk: a risk specific to high-impact capabilities of general-purpose AI models with significant impact on the Union market.',
    confidence: 'final',
  },
  {
    cite: 'Art. 4(3) DSM Directive',
    summary: 'Rightsholders may reserve text and data mining of their works; Directive (EU) 2019/790.',
    confidence: 'final',
  },
  {
    cite: 'Art. 6(3) InfoSoc Directive',
    summary: 'Effective technological measures that protect works; Directive 2001/29/EC.',
    confidence: 'final',
  },
  {
    cite: 'Art. 51(1)',
    summary:
      'A general-purpose AI model has systemic risk if it has high-impact capabilities or the Commission designates it (Annex XIII criteria).',
    confidence: 'final',
  },
  {
    cite: 'Art. 51(2)',
    summary:
      'High-impact capabilities are presumed when the cumulative compute used for training is greater than 10^25 floating-point operations.',
    confidence: 'final',
  },
  {
    cite: 'Art. 52(1)',
    summary:
      'Notify the Commission without delay, and within two weeks, once the systemic-risk threshold is met or it becomes known that it will be.',
    confidence: 'final',
  },
  {
    cite: 'Art. 52(2)',
    summary: 'The provider may argue that its model nevertheless does not present systemic risk.',
    confidence: 'final',
  },
  {
    cite: 'Art. 53(1)(a)',
    summary:
      'Draw up and keep current technical documentation (at least Annex XI) for the AI Office and national competent authorities, supplied on request.',
    confidence: 'final',
  },
  {
    cite: 'Art. 53(1)(b)',
    summary:
      'Give downstream providers the information (at least Annex XII) they need to understand the model and meet their own obligations.',
    confidence: 'final',
  },
  {
    cite: 'Art. 53(1)(c)',
    summary:
      'Put in place a policy to comply with Union copyright law, in particular to find and honour Art. 4(3) DSM reservations.',
    confidence: 'final',
  },
  {
    cite: 'Art. 53(1)(d)',
    summary: 'Publish a sufficiently detailed summary of the training content, using the AI Office template.',
    confidence: 'final',
  },
  {
    cite: 'Art. 53(2)',
    summary:
      'Points (a) and (b) do not bind models released under a free and open-source licence with public weights, architecture and usage information, unless the model has systemic risk.',
    confidence: 'final',
  },
  {
    cite: 'Art. 53(4)',
    summary: 'Providers may rely on a code of practice to show compliance until a harmonised standard exists.',
    confidence: 'final',
  },
  {
    cite: 'Art. 53(5)',
    summary:
      'The Commission may adopt delegated acts on measurement and calculation methods for the Annex XI information.',
    confidence: 'final',
  },
  {
    cite: 'Art. 54',
    summary: 'Providers established outside the Union appoint an authorised representative in the Union.',
    confidence: 'final',
  },
  {
    cite: 'Art. 55(1)',
    summary:
      'Providers of models with systemic risk evaluate the model, assess and mitigate systemic risks, report serious incidents and ensure cybersecurity.',
    confidence: 'final',
  },
  {
    cite: 'Art. 55(1)(a)',
    summary: 'Evaluate the model with standardised, state-of-the-art protocols, including adversarial testing.',
    confidence: 'final',
  },
  {
    cite: 'Art. 55(1)(b)',
    summary: 'Assess and mitigate possible systemic risks at Union level and their sources.',
    confidence: 'final',
  },
  {
    cite: 'Art. 55(1)(c)',
    summary:
      'Track, document and report serious incidents and possible corrective measures without undue delay to the AI Office and, as appropriate, to national competent authorities.',
    confidence: 'final',
  },
  {
    cite: 'Art. 55(1)(d)',
    summary: 'Ensure adequate cybersecurity for the model and its physical infrastructure.',
    confidence: 'final',
  },
  {
    cite: 'Art. 56(5)',
    summary: 'The AI Office aims for code participants to report regularly on implementation and outcomes.',
    confidence: 'final',
  },
  {
    cite: 'Art. 78',
    summary: 'Information obtained, including trade secrets, is kept confidential.',
    confidence: 'final',
  },
  {
    cite: 'Art. 91',
    summary: 'The Commission may request documentation and information from providers of general-purpose AI models.',
    confidence: 'final',
  },
  {
    cite: 'Art. 101',
    summary:
      'Fines for providers of general-purpose AI models: up to 3 % of worldwide annual turnover or EUR 15 million, whichever is higher.',
    confidence: 'final',
  },
  {
    cite: 'Art. 111(3)',
    summary: 'Models placed on the market before 2 August 2025 must comply by 2 August 2027.',
    confidence: 'final',
  },
  {
    cite: 'Art. 113',
    summary:
      'The Regulation entered into force on 1 August 2024 and applies from 2 August 2026, except where its points set other dates; from then the Commission can enforce the obligations of providers of general-purpose AI models (Art. 91 to 93, and fines under Art. 101).',
    confidence: 'final',
  },
  {
    cite: 'Art. 113(b)',
    summary: 'Chapter V (general-purpose AI models) applies from 2 August 2025, except Art. 101 on fines.',
    confidence: 'final',
  },
  {
    cite: 'Recital 104',
    summary: 'The open-source exemption does not extend to the training-content summary or the copyright policy.',
    confidence: 'final',
  },
  {
    cite: 'Recital 109',
    summary: 'Obligations of a provider who modifies or fine-tunes a model are limited to the modification.',
    confidence: 'secondary',
  },
  { cite: 'RFC 9309', summary: 'IETF Robots Exclusion Protocol (robots.txt), September 2022.', confidence: 'final' },
  {
    cite: 'Annex XI Section 2',
    summary:
      'Extra technical documentation for models with systemic risk: evaluations, adversarial testing, model adaptations, system architecture.',
    confidence: 'final',
  },
  // Scope and roles (provider role, authorised representative, signatories).
  {
    cite: 'Art. 54(1)',
    summary:
      'A provider established outside the Union appoints, by written mandate, an authorised representative established in the Union before it places its model on the Union market.',
    confidence: 'final',
  },
  {
    cite: 'Art. 54(6)',
    summary:
      'The authorised-representative duty does not bind providers of models released under a free and open-source licence with public parameters, architecture and usage information, unless the model has systemic risk.',
    confidence: 'final',
  },
  {
    cite: 'Art. 55(2)',
    summary:
      'Providers of models with systemic risk may rely on a code of practice to show compliance until a harmonised standard exists; otherwise they show adequate alternative means.',
    confidence: 'final',
  },
  {
    cite: 'Recital 103',
    summary:
      'Only a model released without monetisation counts as free and open-source for the exemptions: no price, no paid support tied to it, no use of personal data beyond what security needs.',
    confidence: 'final',
  },
  {
    cite: GPAI_GUIDELINES,
    summary:
      "The Commission's guidelines on the scope of the obligations of providers of general-purpose AI models (18 July 2025): which models are indicatively general-purpose, when a modifier becomes a provider, and the open-source exemptions.",
    confidence: 'final',
  },
];

export const provisions: readonly Provision[] = provisionInputs.map((p) => ({ kind: 'provision', id: p.cite, ...p }));

/** Annex XI and XII points cited by form items ("XI 1.1(c)" = Annex XI, Section 1, point 1(c)). */
export const annexPoints: Readonly<Record<string, string>> = {
  'XI 1.1(a)': 'Tasks the model is meant to perform and the kinds of AI systems it can be built into.',
  'XI 1.1(b)': 'Acceptable use policies.',
  'XI 1.1(c)': 'Release date and methods of distribution.',
  'XI 1.1(d)': 'Architecture and number of parameters.',
  'XI 1.1(e)': 'Modality and format of inputs and outputs.',
  'XI 1.1(f)': 'Licence.',
  'XI 1.2(a)': 'Technical means (instructions, infrastructure, tools) needed for integration.',
  'XI 1.2(b)': 'Design specifications of the model and of the training process, with rationale and assumptions.',
  'XI 1.2(c)':
    'Training, testing and validation data: type, provenance, curation, size, scope, selection, unsuitability and bias checks.',
  'XI 1.2(d)': 'Compute used for training and training time.',
  'XI 1.2(e)': 'Known or estimated energy consumption, possibly based on the compute used.',
  'XII 1(a)': 'Tasks the model is meant to perform and the kinds of AI systems it can be built into.',
  'XII 1(b)': 'Acceptable use policies.',
  'XII 1(c)': 'Release date and methods of distribution.',
  'XII 1(d)': 'How the model interacts with hardware or software outside it.',
  'XII 1(e)': 'Versions of software relevant to its use.',
  'XII 1(f)': 'Architecture and number of parameters.',
  'XII 1(g)': 'Modality and format of inputs and outputs.',
  'XII 1(h)': 'Licence.',
  'XII 2(a)': 'Technical means for integration.',
  'XII 2(b)': 'Modality, format and maximum size of inputs and outputs (e.g. context window).',
  'XII 2(c)': 'Training, testing and validation data where applicable: type, provenance, curation.',
};

export interface KeyDate {
  readonly id: string;
  /** ISO date. */
  readonly date: string;
  readonly event: string;
  readonly provision: string;
  readonly confidence: Confidence;
}

export const keyDates: readonly KeyDate[] = [
  {
    id: 'entry-into-force',
    date: '2024-08-01',
    event: 'The AI Act enters into force.',
    provision: 'Art. 113',
    confidence: 'final',
  },
  {
    id: 'code-published',
    date: '2025-07-10',
    event: 'The final Code of Practice for General-Purpose AI Models is published.',
    provision: 'Art. 56',
    confidence: 'final',
  },
  {
    id: 'obligations-apply',
    date: '2025-08-02',
    event: 'The obligations of providers of general-purpose AI models (Chapter V) apply.',
    provision: 'Art. 113(b)',
    confidence: 'final',
  },
  {
    id: 'enforcement',
    date: '2026-08-02',
    event: 'The Commission can enforce them: information requests, evaluations, measures and fines.',
    provision: 'Art. 113',
    confidence: 'final',
  },
  {
    id: 'legacy-deadline',
    date: '2027-08-02',
    event: 'Deadline for models placed on the market before 2 August 2025.',
    provision: 'Art. 111(3)',
    confidence: 'final',
  },
];

/**
 * Numbers the rules apply. Each names where it comes from, so that a correction is a one-line edit
 * and no rule carries its own literal.
 */
export const thresholds = {
  /** Art. 51(2): presumption of high-impact capabilities. The Act says "greater than". */
  systemicRiskCompute: {
    flop: 1e25,
    comparison: 'greater-than' as 'greater-than' | 'at-least',
    provision: 'Art. 51(2)',
    confidence: 'final' as Confidence,
  },
  /** Art. 52(1): notify the Commission within two weeks of meeting the threshold. */
  notificationWeeks: { value: 2, provision: 'Art. 52(1)' },
  /** Transparency Measure 1.1: earlier versions of the documentation are kept this long after placement. */
  documentationRetentionYears: { value: 10, measure: 'transparency/1.1', confidence: 'secondary' as Confidence },
  /** Transparency Measure 1.2: latest answer to a downstream provider's request. */
  downstreamAnswerDays: { value: 14, measure: 'transparency/1.2', confidence: 'secondary' as Confidence },
  /** Safety and Security Measure 1.1: Framework confirmed at least this long before placement. */
  frameworkBeforePlacementWeeks: { value: 2, measure: 'safety-security/1.1' },
  /** Safety and Security Measure 1.1: ... and no later than this after the Art. 52(1) notification. */
  frameworkAfterNotificationWeeks: { value: 4, measure: 'safety-security/1.1' },
  /** Safety and Security Measure 1.3: Framework assessed at least this often. */
  frameworkAssessmentMonths: { value: 12, measure: 'safety-security/1.3' },
  /** Safety and Security Measure 7.6: Model Report updated at least this often (most capable models). */
  modelReportUpdateMonths: { value: 6, measure: 'safety-security/7.6' },
  /** Safety and Security Measure 9.3: latest initial serious-incident reports, in days, by kind of harm. */
  incidentInitialReportDays: {
    critical_infrastructure: {
      days: 2,
      harm: 'serious and irreversible disruption of the management or operation of critical infrastructure',
    },
    cybersecurity_breach: {
      days: 5,
      harm: 'serious cybersecurity breach, including (self-)exfiltration of model weights and cyberattacks',
    },
    death: { days: 10, harm: 'death of a person' },
    serious_harm: {
      days: 15,
      harm: 'serious harm to physical or mental health, an infringement of obligations under Union law intended to protect fundamental rights, or serious harm to property or the environment',
    },
  },
  incidentIntermediateReportWeeks: { value: 4, measure: 'safety-security/9.3' },
  incidentFinalReportDays: { value: 60, measure: 'safety-security/9.3' },
  /** Safety and Security Measure 9.4. */
  incidentRetentionYears: { value: 5, measure: 'safety-security/9.4' },
  /** Safety and Security Measure 10.1. */
  additionalDocumentationRetentionYears: { value: 10, measure: 'safety-security/10.1' },
  /** Safety and Security Measure 7.7: the Model Report is available to the AI Office by market placement (no later than this many days after). */
  modelReportAfterPlacementDays: { value: 0, measure: 'safety-security/7.7' },
  /** Safety and Security Measure 7.7: delivery may be delayed this long, in good faith and with an interim report. */
  modelReportMaxDelayBusinessDays: { value: 15, measure: 'safety-security/7.7' },
  /** gpai-docs' reading of "far beyond" the form's recommended length: more than this many times the recommended words. Not a Code figure. */
  recommendedLengthFactor: { value: 1.5, source: 'gpai-docs', confidence: 'unverified' as Confidence },
  /** gpai-docs: fewer words than this is a label, not the description a free-text item asks for. Not a Code figure. */
  descriptionMinWords: { value: 2, source: 'gpai-docs', confidence: 'unverified' as Confidence },
  /**
   * Commission guidelines: a model is indicatively a general-purpose AI model when its training compute is
   * greater than this and it can generate language (text or audio), images or video (values of the
   * modalities set). Indicative, not conclusive: narrow single-task models above it are indicatively not.
   */
  gpaiIndicativeCompute: {
    flop: 1e23,
    comparison: 'greater-than' as 'greater-than' | 'at-least',
    generates: ['text', 'audio', 'images', 'video'] as readonly string[],
    source: GPAI_GUIDELINES,
    confidence: 'final' as Confidence,
  },
  /**
   * Commission guidelines, as secondary sources describe them: a downstream modifier becomes the provider of
   * a new general-purpose AI model only when its modification uses more than this share of the original
   * model's training compute.
   */
  modificationComputeShare: {
    value: 1 / 3,
    words: 'one third',
    source: GPAI_GUIDELINES,
    confidence: 'secondary' as Confidence,
  },
} as const;

/** The date before which a model counts as placed on the market "before 2 August 2025" (Art. 111(3)). */
export function obligationsApplyDate(): string {
  return keyDates.find((d) => d.id === 'obligations-apply')!.date;
}

export function legacyDeadline(): string {
  return keyDates.find((d) => d.id === 'legacy-deadline')!.date;
}
