/**
 * The Commission's template for the public summary of training content (AI Act Art. 53(1)(d)),
 * Annex to the Explanatory Notice C(2025) 5235 final of 24 July 2025: header and three sections.
 * Labels are the template's; what to give is ours.
 */
import type { Confidence, SummarySection, SummaryTemplateItem } from './types';

export const summaryTemplate = {
  title:
    'Template for the Public Summary of Training Content for General-Purpose AI models required by Article 53 (1)(d) of Regulation (EU) 2024/1689 (AI Act)',
  instrument:
    'Annex to the Explanatory Notice C(2025) 5235 final, 24 July 2025; adopted as Commission Communication C(2025) 8311 final, 5 December 2025',
  confidence: 'final' as Confidence,
  sections: (
    [
      [0, 'Header'],
      [1, 'General information'],
      [2, 'List of data sources'],
      [3, 'Data processing aspects'],
    ] as const
  ).map(([number, title]): SummarySection => ({ kind: 'summary-section', id: `tcs/section-${number}`, number, title })),
  /** Share of crawled domains to list, ranked by content size (footnote 16); SMEs: 5 % or 1,000 domains. */
  domainList: { share: 0.1, smeShare: 0.05, smeDomains: 1000, confidence: 'final' as Confidence },
} as const;

const t = (
  id: string,
  label: string,
  whatToGive: string,
  extra: Partial<SummaryTemplateItem> = {},
): SummaryTemplateItem => {
  const number = id.slice('tcs/'.length);
  const section = number.startsWith('H') ? 0 : (Number(number[0]) as 1 | 2 | 3);
  return { kind: 'summary-item', id, number, section, label, whatToGive, confidence: 'secondary', ...extra };
};

export const summaryTemplateItems: readonly SummaryTemplateItem[] = [
  t(
    'tcs/H.1',
    'Version of the Summary',
    'The version of this summary, with links to earlier versions where there are any.',
    { confidence: 'final' },
  ),
  t('tcs/H.2', 'Last update', 'The date of the latest revision of the summary.'),
  t('tcs/1.1.a', 'Provider name and contact details', 'Who provides the model and how to reach them.'),
  t(
    'tcs/1.1.b',
    'Authorised representative name and contact details',
    'For providers established outside the Union (Art. 54); otherwise N/A.',
  ),
  t('tcs/1.2.a', 'Versioned model name(s)', 'Every model version the summary covers.'),
  t(
    'tcs/1.2.b',
    'Model dependencies',
    'For a modified or fine-tuned model, the base models with links to their own summaries; otherwise N/A.',
  ),
  t('tcs/1.2.c', 'Date of placement of the model on the Union market', 'When the model was placed on the EU market.'),
  t('tcs/1.3.a', 'Modality', 'Each modality present in the training data.'),
  t(
    'tcs/1.3.b',
    'Training data size',
    'Per modality, one of three size ranges, or an approximate size in another unit.',
  ),
  t(
    'tcs/1.3.c',
    'Types of content',
    'Per modality, the kinds of content (fiction, scientific text, photography, music, films and so on).',
  ),
  t(
    'tcs/1.3.d',
    'Latest date of data acquisition/collection for model training',
    'The latest acquisition or collection date (MM/YYYY), and whether training continues on new data after it.',
  ),
  t(
    'tcs/1.3.e',
    'Description of the linguistic characteristics of the overall training data',
    'The languages and other linguistic features of the data.',
  ),
  t(
    'tcs/1.3.f',
    'Other relevant characteristics of the overall training data',
    'For example national, regional or demographic specificities.',
  ),
  t('tcs/1.3.g', 'Additional comments (optional)', 'Anything else about the data overall.', { optional: true }),
  t(
    'tcs/2.1',
    'Publicly available datasets',
    'Whether public datasets were used, their modalities, the large ones by name or link, and a general description of the rest.',
  ),
  t(
    'tcs/2.2.1',
    'Datasets commercially licensed by rightsholders or their representatives',
    'Whether you concluded commercial licences with rightsholders, and for which modalities.',
  ),
  t(
    'tcs/2.2.2',
    'Private datasets obtained from other third parties',
    'Whether you used datasets from data intermediaries or private databases, the publicly known ones by name, and the rest described.',
  ),
  t(
    'tcs/2.3',
    'Data crawled and scraped from online sources',
    'Whether you or someone on your behalf crawled the web; if so the crawlers, their purpose and behaviour, the period, the content, and the most relevant domains.',
  ),
  t(
    'tcs/2.4',
    'User data',
    "Whether data from users' interactions with the model, or with your other services or products, was used, and which.",
  ),
  t(
    'tcs/2.5',
    'Synthetic data',
    'Whether AI-generated data made by or for you was used, and which models generated it.',
  ),
  t('tcs/2.6', 'Other sources of data', 'Any source not covered above, described.'),
  t(
    'tcs/3.1',
    'Respect of reservation of rights from text and data mining exception or limitation',
    'Whether you signed the Code of Practice, and what you did before and during collection to honour Art. 4(3) DSM opt-outs, including the protocols honoured.',
  ),
  t(
    'tcs/3.2',
    'Removal of illegal content',
    'How illegal content is kept out of or removed from the training data (blocklists, keywords, classifiers); no trade secrets needed.',
  ),
  t('tcs/3.3', 'Other information (optional)', 'Anything else about data processing.', { optional: true }),
];
