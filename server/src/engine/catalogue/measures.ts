/**
 * The measures of the Transparency and Copyright chapters, and with those of the Safety and Security chapter
 * (measuresSafety.ts), all 40 measures of the Code.
 */
import { measure as m, secondary } from './measure';
import { safetySecurityMeasures } from './measuresSafety';
import type { Measure } from './types';

export const measures: readonly Measure[] = [
  // Transparency, Commitment 1
  m({
    id: 'transparency/1.1',
    answeredByForm: true,
    title: 'Drawing up and keeping up-to-date model documentation',
    summary:
      'Fill in everything the Model Documentation Form asks before the model reaches the EU market, update it whenever relevant facts change (new versions included), and keep each earlier version for 10 years after placement.',
    details: [
      'The form exists to make this measure easier to meet.',
      'Keep earlier versions of the documentation for 10 years after the model is placed on the market.',
    ],
    provisions: ['Art. 53(1)(a)', 'Art. 53(1)(b)'],
    confidence: secondary,
  }),
  m({
    id: 'transparency/1.2',
    title: 'Providing relevant information',
    summary:
      'Publish how the AI Office and downstream providers can ask for the documentation; answer the AI Office by the deadline in its request, and downstream providers within a reasonable time and at the latest 14 days after they ask.',
    details: [
      'Publish contact details, for example on your website.',
      'Downstream providers get their part of the documentation up to date, plus further information on request within 14 days, save exceptional circumstances.',
      'You are encouraged to consider publishing the documentation, wholly or partly.',
    ],
    provisions: ['Art. 53(1)(b)', 'Art. 91'],
    confidence: secondary,
  }),
  m({
    id: 'transparency/1.3',
    title: 'Ensuring quality, integrity, and security of information',
    summary:
      'Control the documented information for quality and integrity, keep it as evidence of compliance, and protect it against unintended changes.',
    provisions: ['Art. 53(1)(a)'],
    confidence: secondary,
  }),
  // Copyright, Commitment 1
  m({
    id: 'copyright/1.1',
    title: 'Draw up, keep up-to-date and implement a copyright policy',
    summary:
      "Keep a single copyright policy, described in one document that takes in this chapter's measures, for every general-purpose AI model you place on the EU market, and name who inside the organisation implements and oversees it.",
    details: [
      'One policy for all your models on the Union market.',
      'Internal responsibility for implementation and oversight is assigned.',
      'Publishing a summary of the policy is encouraged, not required.',
    ],
    provisions: ['Art. 53(1)(c)'],
    confidence: { title: 'final', content: 'secondary' },
  }),
  m({
    id: 'copyright/1.2',
    appliesWhen: 'web-crawling',
    title:
      'Reproduce and extract only lawfully accessible copyright-protected content when crawling the World Wide Web',
    summary:
      'When your crawlers collect training data, do not get around paywalls, subscriptions or other effective technological measures, and leave out sites that EU or EEA courts or authorities recognise as persistent commercial-scale infringers.',
    details: [
      'No circumvention of effective technological measures (Art. 6(3) InfoSoc Directive), in particular paywalls and subscription models.',
      'Sites recognised, at the time of crawling, as persistently and repeatedly infringing on a commercial scale are excluded.',
    ],
    provisions: ['Art. 53(1)(c)', 'Art. 6(3) InfoSoc Directive'],
    confidence: { title: 'secondary', content: 'final' },
  }),
  m({
    id: 'copyright/1.3',
    appliesWhen: 'web-crawling',
    title: 'Identify and comply with rights reservations when crawling the World Wide Web',
    summary:
      'Crawl only with crawlers that read and obey robots.txt as RFC 9309 specifies, honour other suitable machine-readable opt-outs, and publish which crawlers you use, with a way to be told of changes.',
    details: [
      'Crawlers follow robots.txt under the Robots Exclusion Protocol, IETF RFC 9309, and its later IETF versions.',
      'Other appropriate machine-readable reservation protocols are honoured.',
      'Rightsholders can find which crawlers you use and their robots.txt behaviour, with automatic notice of updates (for example a web feed).',
    ],
    provisions: ['Art. 53(1)(c)', 'Art. 4(3) DSM Directive', 'RFC 9309'],
    confidence: { title: 'secondary', content: 'final' },
  }),
  m({
    id: 'copyright/1.4',
    title: 'Mitigate the risk of copyright-infringing outputs',
    summary:
      'Use proportionate technical safeguards so the model does not reproduce protected training content in infringing ways, and forbid infringing uses in your terms (for open-source models, warn about it in the documentation).',
    provisions: ['Art. 53(1)(c)'],
    confidence: secondary,
  }),
  m({
    id: 'copyright/1.5',
    title: 'Designate a point of contact and enable the lodging of complaints',
    summary:
      'Give rightsholders an electronic point of contact and an electronic way to file substantiated complaints, and deal with complaints diligently and within a reasonable time.',
    provisions: ['Art. 53(1)(c)'],
    confidence: secondary,
  }),
  ...safetySecurityMeasures,
];
