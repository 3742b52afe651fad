/**
 * The Code of Practice for General-Purpose AI Models (final, 10 July 2025): 3 chapters, 12 commitments,
 * 40 measures. Titles are official and exact; summaries and details are ours. Ids are chapter-qualified
 * because measure numbers restart in every chapter.
 */
import type { Chapter, Commitment, Measure } from './types';

export const chapters: readonly Chapter[] = [
  {
    id: 'transparency',
    title: 'Transparency',
    summary: 'How providers document their model with the Model Documentation Form, keep it current, and share it with the AI Office, national authorities and downstream providers.',
    provisions: ['Art. 53(1)(a)', 'Art. 53(1)(b)'],
    appliesTo: 'not-open-source-exempt',
    appliesToText: 'Every provider, except for models validly covered by the open-source exemption of Art. 53(2); the exemption never covers models with systemic risk.',
  },
  {
    id: 'copyright',
    title: 'Copyright',
    summary: 'How providers put in place and apply a policy to comply with Union copyright law, including honouring text-and-data-mining opt-outs.',
    provisions: ['Art. 53(1)(c)'],
    appliesTo: 'all',
    appliesToText: 'Every provider, open-source models included (the Art. 53(2) exemption does not reach Art. 53(1)(c)).',
  },
  {
    id: 'safety-security',
    title: 'Safety and Security',
    summary: 'How providers of models with systemic risk assess and mitigate those risks across the lifecycle, report serious incidents and protect the model.',
    provisions: ['Art. 55(1)', 'Art. 56(5)'],
    appliesTo: 'systemic-risk',
    appliesToText: 'Only providers of models with systemic risk: presumed above 10^25 FLOP of training compute (Art. 51(2)) or designated by the Commission.',
  },
];

const c = (id: string, title: string, summary: string, provisions: string[], titleConfidence: 'final' | 'secondary' = 'final', contentConfidence: 'final' | 'secondary' = 'final'): Commitment => {
  const [chapter, number] = id.split('/') as [Chapter['id'], string];
  return { id, chapter, number, title, summary, provisions, confidence: { title: titleConfidence, content: contentConfidence } };
};

export const commitments: readonly Commitment[] = [
  c('transparency/1', 'Documentation', 'Document each model with the Model Documentation Form, keep it current, share it with those entitled to it and protect its integrity.', ['Art. 53(1)(a)', 'Art. 53(1)(b)'], 'secondary', 'secondary'),
  c('copyright/1', 'Copyright policy', 'Keep and apply one copyright policy for all your general-purpose AI models, covering Union copyright law and text-and-data-mining reservations.', ['Art. 53(1)(c)'], 'secondary', 'secondary'),
  c('safety-security/1', 'Safety and Security Framework', 'Adopt, apply and keep current a state-of-the-art Framework describing how systemic risks are managed, and share it with the AI Office.', ['Art. 55(1)', 'Art. 56(5)']),
  c('safety-security/2', 'Systemic risk identification', 'Find the systemic risks the model may pose, always including the four specified in Appendix 1.4, and describe scenarios for them.', ['Art. 55(1)']),
  c('safety-security/3', 'Systemic risk analysis', 'Analyse each identified risk with outside information, evaluations, modelling, estimation and monitoring after release.', ['Art. 55(1)']),
  c('safety-security/4', 'Systemic risk acceptance determination', 'Set acceptance criteria and risk tiers in advance, decide whether each risk is acceptable, and go ahead only if it is.', ['Art. 55(1)']),
  c('safety-security/5', 'Safety mitigations', 'Put in place safety mitigations that fit the risk and hold up under adversarial pressure.', ['Art. 55(1)']),
  c('safety-security/6', 'Security mitigations', 'Protect the model and its physical infrastructure against unauthorised release, access and theft.', ['Art. 55(1)', 'Art. 55(1)(d)']),
  c('safety-security/7', 'Safety and Security Model Reports', 'Write a Model Report before placing the model on the market, keep it up to date and give it to the AI Office.', ['Art. 55(1)', 'Art. 56(5)']),
  c('safety-security/8', 'Systemic risk responsibility allocation', 'Assign and resource responsibility for systemic risk at every level of the organisation and foster a healthy risk culture.', ['Art. 55(1)']),
  c('safety-security/9', 'Serious incident reporting', 'Track, document and report serious incidents and corrective measures to the AI Office, and national authorities where relevant, without undue delay.', ['Art. 55(1)', 'Art. 55(1)(c)']),
  c('safety-security/10', 'Additional documentation and transparency', 'Keep extra documentation for the AI Office and publish summaries of the Framework and Model Reports where that helps manage the risk.', ['Art. 53(1)(a)', 'Art. 55(1)']),
];

type MeasureInput = Omit<Measure, 'chapter' | 'commitment' | 'number' | 'confidence' | 'appliesTo'> & {
  confidence?: Measure['confidence'];
  appliesTo?: Measure['appliesTo'];
};

const chapterApplicability: Record<Chapter['id'], Measure['appliesTo']> = {
  transparency: 'not-open-source-exempt',
  copyright: 'all',
  'safety-security': 'systemic-risk',
};

const m = (input: MeasureInput): Measure => {
  const [chapter, number] = input.id.split('/') as [Chapter['id'], string];
  return {
    ...input,
    chapter,
    number,
    commitment: `${chapter}/${number.split('.')[0]}`,
    appliesTo: input.appliesTo ?? chapterApplicability[chapter],
    confidence: input.confidence ?? { title: 'final', content: 'final' },
  };
};

const secondary = { title: 'secondary', content: 'secondary' } as const;

export const measures: readonly Measure[] = [
  // Transparency, Commitment 1
  m({
    id: 'transparency/1.1', title: 'Drawing up and keeping up-to-date model documentation',
    summary: 'Fill in everything the Model Documentation Form asks before the model reaches the EU market, update it whenever relevant facts change (new versions included), and keep each earlier version for 10 years after placement.',
    details: ['The form exists to make this measure easier to meet.', 'Keep earlier versions of the documentation for 10 years after the model is placed on the market.'],
    provisions: ['Art. 53(1)(a)', 'Art. 53(1)(b)'], confidence: secondary,
  }),
  m({
    id: 'transparency/1.2', title: 'Providing relevant information',
    summary: 'Publish how the AI Office and downstream providers can ask for the documentation; answer the AI Office by the deadline in its request, and downstream providers within a reasonable time and at the latest 14 days after they ask.',
    details: ['Publish contact details, for example on your website.', 'Downstream providers get their part of the documentation up to date, plus further information on request within 14 days, save exceptional circumstances.', 'You are encouraged to consider publishing the documentation, wholly or partly.'],
    provisions: ['Art. 53(1)(b)', 'Art. 91'], confidence: secondary,
  }),
  m({
    id: 'transparency/1.3', title: 'Ensuring quality, integrity, and security of information',
    summary: 'Control the documented information for quality and integrity, keep it as evidence of compliance, and protect it against unintended changes.',
    provisions: ['Art. 53(1)(a)'], confidence: secondary,
  }),
  // Copyright, Commitment 1
  m({
    id: 'copyright/1.1', title: 'Draw up, keep up-to-date and implement a copyright policy',
    summary: 'Keep a single copyright policy, described in one document that takes in this chapter\'s measures, for every general-purpose AI model you place on the EU market, and name who inside the organisation implements and oversees it.',
    details: ['One policy for all your models on the Union market.', 'Internal responsibility for implementation and oversight is assigned.', 'Publishing a summary of the policy is encouraged, not required.'],
    provisions: ['Art. 53(1)(c)'], confidence: { title: 'final', content: 'secondary' },
  }),
  m({
    id: 'copyright/1.2', title: 'Reproduce and extract only lawfully accessible copyright-protected content when crawling the World Wide Web',
    summary: 'When your crawlers collect training data, do not get around paywalls, subscriptions or other effective technological measures, and leave out sites that EU or EEA courts or authorities recognise as persistent commercial-scale infringers.',
    details: ['No circumvention of effective technological measures (Art. 6(3) InfoSoc Directive), in particular paywalls and subscription models.', 'Sites recognised, at the time of crawling, as persistently and repeatedly infringing on a commercial scale are excluded.'],
    provisions: ['Art. 53(1)(c)', 'Art. 6(3) InfoSoc Directive'], confidence: { title: 'secondary', content: 'final' },
  }),
  m({
    id: 'copyright/1.3', title: 'Identify and comply with rights reservations when crawling the World Wide Web',
    summary: 'Crawl only with crawlers that read and obey robots.txt as RFC 9309 specifies, honour other suitable machine-readable opt-outs, and publish which crawlers you use, with a way to be told of changes.',
    details: ['Crawlers follow robots.txt under the Robots Exclusion Protocol, IETF RFC 9309, and its later IETF versions.', 'Other appropriate machine-readable reservation protocols are honoured.', 'Rightsholders can find which crawlers you use and their robots.txt behaviour, with automatic notice of updates (for example a web feed).'],
    provisions: ['Art. 53(1)(c)', 'Art. 4(3) DSM Directive', 'RFC 9309'], confidence: { title: 'secondary', content: 'final' },
  }),
  m({
    id: 'copyright/1.4', title: 'Mitigate the risk of copyright-infringing outputs',
    summary: 'Use proportionate technical safeguards so the model does not reproduce protected training content in infringing ways, and forbid infringing uses in your terms (for open-source models, warn about it in the documentation).',
    provisions: ['Art. 53(1)(c)'], confidence: secondary,
  }),
  m({
    id: 'copyright/1.5', title: 'Designate a point of contact and enable the lodging of complaints',
    summary: 'Give rightsholders an electronic point of contact and an electronic way to file substantiated complaints, and deal with complaints diligently and within a reasonable time.',
    provisions: ['Art. 53(1)(c)'], confidence: secondary,
  }),
  // Safety and Security, Commitment 1
  m({
    id: 'safety-security/1.1', title: 'Creating the Framework',
    summary: 'Describe at a high level how systemic risks are and will be assessed and mitigated: trigger points, acceptance criteria and tiers, mitigations per tier, forecasts and responsibilities. Confirm it within 4 weeks of the Art. 52(1) notification and at least 2 weeks before market placement.',
    provisions: ['Art. 55(1)', 'Art. 52(1)'],
  }),
  m({
    id: 'safety-security/1.2', title: 'Implementing the Framework',
    summary: 'Run lighter evaluations at the trigger points and monitor after release throughout the lifecycle, and run the full assessment and mitigation process at least before market placement and when Model Report update triggers occur.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/1.3', title: 'Updating the Framework',
    summary: 'Review the Framework at least every 12 months after market placement, or sooner when there are grounds, and give each update a changelog, version and date.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/1.4', title: 'Framework notifications',
    summary: 'Give the AI Office unredacted access to the Framework and to each update within 5 business days of confirming it.',
    provisions: ['Art. 55(1)', 'Art. 56(5)'],
  }),
  // Commitment 2
  m({
    id: 'safety-security/2.1', title: 'Systemic risk identification process',
    summary: 'Draw up candidate risks from the Appendix 1.1 types using several sources, analyse their nature and sources, and always include the four specified risks: CBRN, loss of control, cyber offence and harmful manipulation.',
    provisions: ['Art. 55(1)(b)'],
  }),
  m({
    id: 'safety-security/2.2', title: 'Systemic risk scenarios',
    summary: 'Write scenarios for each identified risk, as many and as detailed as the risk warrants.',
    provisions: ['Art. 55(1)(b)'],
  }),
  // Commitment 3
  m({
    id: 'safety-security/3.1', title: 'Model-independent information',
    summary: 'Collect information that does not come from the model itself: literature, market analysis, incident data, forecasts and expert views.',
    provisions: ['Art. 55(1)(b)'],
  }),
  m({
    id: 'safety-security/3.2', title: 'Model evaluations',
    summary: 'Evaluate capabilities, propensities, affordances and effects with at least state-of-the-art methods, open-ended testing included.',
    provisions: ['Art. 55(1)(a)'],
  }),
  m({
    id: 'safety-security/3.3', title: 'Systemic risk modelling',
    summary: 'Model how each risk could come about with state-of-the-art methods, starting from the risk scenarios.',
    provisions: ['Art. 55(1)(b)'],
  }),
  m({
    id: 'safety-security/3.4', title: 'Systemic risk estimation',
    summary: 'Estimate how likely and how severe the harm would be, in a quantitative, semi-quantitative or qualitative form.',
    provisions: ['Art. 55(1)(b)'],
  }),
  m({
    id: 'safety-security/3.5', title: 'Post-market monitoring',
    summary: 'Watch the model once it is on the market and give qualified independent evaluators adequate free access, with published selection criteria and no retaliation.',
    provisions: ['Art. 55(1)(b)'],
  }),
  // Commitment 4
  m({
    id: 'safety-security/4.1', title: 'Systemic risk acceptance criteria and acceptance determination',
    summary: 'Define measurable, capability-based risk tiers for each risk, at least one not yet reached, and judge acceptability against them with a safety margin.',
    provisions: ['Art. 55(1)(b)'],
  }),
  m({
    id: 'safety-security/4.2', title: 'Proceeding or not proceeding based on systemic risk acceptance determination',
    summary: 'Develop, release or use the model only when the risk is acceptable; otherwise hold back, restrict, withdraw or recall it, mitigate, and assess again.',
    provisions: ['Art. 55(1)(b)'],
  }),
  // Commitment 5
  m({
    id: 'safety-security/5.1', title: 'Appropriate safety mitigations',
    summary: 'Apply safety mitigations that fit the risk and the release strategy and stay robust against jailbreaks and fine-tuning attacks.',
    provisions: ['Art. 55(1)(b)'],
  }),
  // Commitment 6
  m({
    id: 'safety-security/6.1', title: 'Security Goal',
    summary: 'State which threat actors your security must withstand, now and as the model\'s capabilities grow.',
    provisions: ['Art. 55(1)(d)'],
  }),
  m({
    id: 'safety-security/6.2', title: 'Appropriate security mitigations',
    summary: 'Put in place the security measures needed to meet the Security Goal, those of Appendix 4 or alternatives that achieve the same; they may be phased in.',
    provisions: ['Art. 55(1)(d)'],
  }),
  // Commitment 7
  m({
    id: 'safety-security/7.1', title: 'Model description and behaviour',
    summary: 'Describe the model: architecture, capabilities, training, how it differs from your other models, its uses and versions, and its model specification including the system prompt.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.2', title: 'Reasons for proceeding',
    summary: 'Explain why the systemic risk is acceptable, with the safety margins, the conditions under which that would stop being true, and how the decision was taken.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.3', title: 'Documentation of systemic risk identification, analysis, and mitigation',
    summary: 'Report the results of identification, analysis and mitigation, evaluation results with samples, security measures, and the development outlook for the next six months.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.4', title: 'External reports',
    summary: 'Include or link the reports of independent external evaluators and security reviewers, or explain why there were none.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.5', title: 'Material changes to the systemic risk landscape',
    summary: 'Say whether the model shifts the wider risk landscape, for example through new scaling laws or novel architectures.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.6', title: 'Model Report updates',
    summary: 'Update the Model Report when the case for acceptability weakens materially, and at least every 6 months for your most capable models, unless an exception applies.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.7', title: 'Model Report notifications',
    summary: 'Give the AI Office unredacted access to the Model Report by the time the model is placed on the market, and to updates within 5 business days.',
    provisions: ['Art. 55(1)', 'Art. 56(5)'],
  }),
  // Commitment 8
  m({
    id: 'safety-security/8.1', title: 'Definition of clear responsibilities',
    summary: 'Allocate oversight, ownership, support and monitoring, and assurance of systemic risk across the organisation\'s levels.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/8.2', title: 'Allocation of appropriate resources',
    summary: 'Make sure management bodies see that people, money, information and compute go to systemic-risk work.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/8.3', title: 'Promotion of a healthy risk culture',
    summary: 'Foster a culture where risks can be raised and challenged, whistleblowers are informed and protected, and nobody is punished for reporting.',
    provisions: ['Art. 55(1)'],
  }),
  // Commitment 9
  m({
    id: 'safety-security/9.1', title: 'Methods for serious incident identification',
    summary: 'Detect serious incidents through monitoring and outside sources, and make it easy for others to report them to you or to the authorities.',
    provisions: ['Art. 55(1)(c)'],
  }),
  m({
    id: 'safety-security/9.2', title: 'Relevant information for serious incident tracking, documentation, and reporting',
    summary: 'Record, for each incident, the nine kinds of information the Code lists (dates, harm, chain of events, model involved, actions, root cause and more), in detail that matches its severity.',
    provisions: ['Art. 55(1)(c)'],
  }),
  m({
    id: 'safety-security/9.3', title: 'Reporting timelines',
    summary: 'Send the first report within 2, 5, 10 or 15 days depending on the harm, follow-ups at least every 4 weeks while unresolved, and a final report within 60 days of resolution.',
    provisions: ['Art. 55(1)(c)'],
  }),
  m({
    id: 'safety-security/9.4', title: 'Retention period',
    summary: 'Keep the documentation of each serious incident for at least 5 years.',
    provisions: ['Art. 55(1)(c)'],
  }),
  // Commitment 10
  m({
    id: 'safety-security/10.1', title: 'Additional documentation',
    summary: 'Keep detailed documentation of architecture, system integration, evaluations and mitigations for the AI Office, for at least 10 years after market placement. This covers Annex XI Section 2.',
    provisions: ['Art. 53(1)(a)', 'Annex XI Section 2'],
  }),
  m({
    id: 'safety-security/10.2', title: 'Public transparency',
    summary: 'Where it helps assess or mitigate systemic risk, publish summaries of the Framework and Model Reports, leaving out sensitive content.',
    provisions: ['Art. 55(1)'],
  }),
];
