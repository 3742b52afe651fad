/**
 * The Code of Practice for General-Purpose AI Models (final, 10 July 2025): 3 chapters, 12 commitments,
 * 40 measures (measures.ts, measuresSafety.ts). Titles are official and exact; summaries and details are
 * ours. Ids are chapter-qualified because measure numbers restart in every chapter.
 */
import type { Chapter, Commitment } from './types';

export const chapters: readonly Chapter[] = (
  [
    {
      id: 'transparency',
      title: 'Transparency',
      summary:
        'How providers document their model with the Model Documentation Form, keep it current, and share it with the AI Office, national authorities and downstream providers.',
      provisions: ['Art. 53(1)(a)', 'Art. 53(1)(b)'],
      appliesTo: 'not-open-source-exempt',
      appliesToText:
        'Every provider, except for models validly covered by the open-source exemption of Art. 53(2); the exemption never covers models with systemic risk.',
    },
    {
      id: 'copyright',
      title: 'Copyright',
      summary:
        'How providers put in place and apply a policy to comply with Union copyright law, including honouring text-and-data-mining opt-outs.',
      provisions: ['Art. 53(1)(c)'],
      appliesTo: 'all',
      appliesToText:
        'Every provider, open-source models included (the Art. 53(2) exemption does not reach Art. 53(1)(c)).',
      recipients: ['ai-office'],
    },
    {
      id: 'safety-security',
      title: 'Safety and Security',
      summary:
        'How providers of models with systemic risk assess and mitigate those risks across the lifecycle, report serious incidents and protect the model.',
      provisions: ['Art. 55(1)', 'Art. 56(5)'],
      appliesTo: 'systemic-risk',
      appliesToText:
        'Only providers of models with systemic risk: presumed above 10^25 FLOP of training compute (Art. 51(2)) or designated by the Commission.',
      recipients: ['ai-office'],
    },
  ] satisfies Omit<Chapter, 'kind'>[]
).map((chapter) => ({ kind: 'chapter', ...chapter }));

const c = (
  id: string,
  title: string,
  summary: string,
  provisions: string[],
  titleConfidence: 'final' | 'secondary' = 'final',
  contentConfidence: 'final' | 'secondary' = 'final',
): Commitment => {
  const [chapter, number] = id.split('/') as [Chapter['id'], string];
  return {
    kind: 'commitment',
    id,
    chapter,
    number,
    title,
    summary,
    provisions,
    confidence: { title: titleConfidence, content: contentConfidence },
  };
};

export const commitments: readonly Commitment[] = [
  c(
    'transparency/1',
    'Documentation',
    'Document each model with the Model Documentation Form, keep it current, share it with those entitled to it and protect its integrity.',
    ['Art. 53(1)(a)', 'Art. 53(1)(b)'],
    'secondary',
    'secondary',
  ),
  c(
    'copyright/1',
    'Copyright policy',
    'Keep and apply one copyright policy for all your general-purpose AI models, covering Union copyright law and text-and-data-mining reservations.',
    ['Art. 53(1)(c)'],
    'secondary',
    'secondary',
  ),
  c(
    'safety-security/1',
    'Safety and Security Framework',
    'Adopt, apply and keep current a state-of-the-art Framework describing how systemic risks are managed, and share it with the AI Office.',
    ['Art. 55(1)', 'Art. 56(5)'],
  ),
  c(
    'safety-security/2',
    'Systemic risk identification',
    'Find the systemic risks the model may pose, always including the four specified in Appendix 1.4, and describe scenarios for them.',
    ['Art. 55(1)'],
  ),
  c(
    'safety-security/3',
    'Systemic risk analysis',
    'Analyse each identified risk with outside information, evaluations, modelling, estimation and monitoring after release.',
    ['Art. 55(1)'],
  ),
  c(
    'safety-security/4',
    'Systemic risk acceptance determination',
    'Set acceptance criteria and risk tiers in advance, decide whether each risk is acceptable, and go ahead only if it is.',
    ['Art. 55(1)'],
  ),
  c(
    'safety-security/5',
    'Safety mitigations',
    'Put in place safety mitigations that fit the risk and hold up under adversarial pressure.',
    ['Art. 55(1)'],
  ),
  c(
    'safety-security/6',
    'Security mitigations',
    'Protect the model and its physical infrastructure against unauthorised release, access and theft.',
    ['Art. 55(1)', 'Art. 55(1)(d)'],
  ),
  c(
    'safety-security/7',
    'Safety and Security Model Reports',
    'Write a Model Report before placing the model on the market, keep it up to date and give it to the AI Office.',
    ['Art. 55(1)', 'Art. 56(5)'],
  ),
  c(
    'safety-security/8',
    'Systemic risk responsibility allocation',
    'Assign and resource responsibility for systemic risk at every level of the organisation and foster a healthy risk culture.',
    ['Art. 55(1)'],
  ),
  c(
    'safety-security/9',
    'Serious incident reporting',
    'Track, document and report serious incidents and corrective measures to the AI Office, and national authorities where relevant, without undue delay.',
    ['Art. 55(1)', 'Art. 55(1)(c)'],
  ),
  c(
    'safety-security/10',
    'Additional documentation and transparency',
    'Keep extra documentation for the AI Office and publish summaries of the Framework and Model Reports where that helps manage the risk.',
    ['Art. 53(1)(a)', 'Art. 55(1)'],
  ),
];
