/** The 32 measures of the Safety and Security chapter, for models with systemic risk. */
import { measure as m } from './measure';
import type { Measure } from './types';

export const safetySecurityMeasures: readonly Measure[] = [
  // Safety and Security, Commitment 1
  m({
    id: 'safety-security/1.1',
    title: 'Creating the Framework',
    summary:
      'Describe at a high level how systemic risks are and will be assessed and mitigated: trigger points, acceptance criteria and tiers, mitigations per tier, forecasts and responsibilities. Confirm it within 4 weeks of the Art. 52(1) notification and at least 2 weeks before market placement.',
    provisions: ['Art. 55(1)', 'Art. 52(1)'],
  }),
  m({
    id: 'safety-security/1.2',
    title: 'Implementing the Framework',
    summary:
      'Run lighter evaluations at the trigger points and monitor after release throughout the lifecycle, and run the full assessment and mitigation process at least before market placement and when Model Report update triggers occur.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/1.3',
    title: 'Updating the Framework',
    summary:
      'Review the Framework at least every 12 months after market placement, or sooner when there are grounds, and give each update a changelog, version and date.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/1.4',
    title: 'Framework notifications',
    summary:
      'Give the AI Office unredacted access to the Framework and to each update within 5 business days of confirming it.',
    provisions: ['Art. 55(1)', 'Art. 56(5)'],
  }),
  // Commitment 2
  m({
    id: 'safety-security/2.1',
    title: 'Systemic risk identification process',
    summary:
      'Draw up candidate risks from the Appendix 1.1 types using several sources, analyse their nature and sources, and always include the four specified risks: CBRN, loss of control, cyber offence and harmful manipulation.',
    provisions: ['Art. 55(1)(b)'],
  }),
  m({
    id: 'safety-security/2.2',
    title: 'Systemic risk scenarios',
    summary: 'Write scenarios for each identified risk, as many and as detailed as the risk warrants.',
    provisions: ['Art. 55(1)(b)'],
  }),
  // Commitment 3
  m({
    id: 'safety-security/3.1',
    title: 'Model-independent information',
    summary:
      'Collect information that does not come from the model itself: literature, market analysis, incident data, forecasts and expert views.',
    provisions: ['Art. 55(1)(b)'],
  }),
  m({
    id: 'safety-security/3.2',
    title: 'Model evaluations',
    summary:
      'Evaluate capabilities, propensities, affordances and effects with at least state-of-the-art methods, open-ended testing included.',
    provisions: ['Art. 55(1)(a)'],
  }),
  m({
    id: 'safety-security/3.3',
    title: 'Systemic risk modelling',
    summary: 'Model how each risk could come about with state-of-the-art methods, starting from the risk scenarios.',
    provisions: ['Art. 55(1)(b)'],
  }),
  m({
    id: 'safety-security/3.4',
    title: 'Systemic risk estimation',
    summary:
      'Estimate how likely and how severe the harm would be, in a quantitative, semi-quantitative or qualitative form.',
    provisions: ['Art. 55(1)(b)'],
  }),
  m({
    id: 'safety-security/3.5',
    title: 'Post-market monitoring',
    summary:
      'Watch the model once it is on the market and give qualified independent evaluators adequate free access, with published selection criteria and no retaliation.',
    provisions: ['Art. 55(1)(b)'],
  }),
  // Commitment 4
  m({
    id: 'safety-security/4.1',
    title: 'Systemic risk acceptance criteria and acceptance determination',
    summary:
      'Define measurable, capability-based risk tiers for each risk, at least one not yet reached, and judge acceptability against them with a safety margin.',
    provisions: ['Art. 55(1)(b)'],
  }),
  m({
    id: 'safety-security/4.2',
    title: 'Proceeding or not proceeding based on systemic risk acceptance determination',
    summary:
      'Develop, release or use the model only when the risk is acceptable; otherwise hold back, restrict, withdraw or recall it, mitigate, and assess again.',
    provisions: ['Art. 55(1)(b)'],
  }),
  // Commitment 5
  m({
    id: 'safety-security/5.1',
    title: 'Appropriate safety mitigations',
    summary:
      'Apply safety mitigations that fit the risk and the release strategy and stay robust against jailbreaks and fine-tuning attacks.',
    provisions: ['Art. 55(1)(b)'],
  }),
  // Commitment 6
  m({
    id: 'safety-security/6.1',
    title: 'Security Goal',
    summary: "State which threat actors your security must withstand, now and as the model's capabilities grow.",
    provisions: ['Art. 55(1)(d)'],
  }),
  m({
    id: 'safety-security/6.2',
    title: 'Appropriate security mitigations',
    summary:
      'Put in place the security measures needed to meet the Security Goal, those of Appendix 4 or alternatives that achieve the same; they may be phased in.',
    provisions: ['Art. 55(1)(d)'],
  }),
  // Commitment 7
  m({
    id: 'safety-security/7.1',
    title: 'Model description and behaviour',
    summary:
      'Describe the model: architecture, capabilities, training, how it differs from your other models, its uses and versions, and its model specification including the system prompt.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.2',
    title: 'Reasons for proceeding',
    summary:
      'Explain why the systemic risk is acceptable, with the safety margins, the conditions under which that would stop being true, and how the decision was taken.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.3',
    title: 'Documentation of systemic risk identification, analysis, and mitigation',
    summary:
      'Report the results of identification, analysis and mitigation, evaluation results with samples, security measures, and the development outlook for the next six months.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.4',
    title: 'External reports',
    summary:
      'Include or link the reports of independent external evaluators and security reviewers, or explain why there were none.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.5',
    title: 'Material changes to the systemic risk landscape',
    summary:
      'Say whether the model shifts the wider risk landscape, for example through new scaling laws or novel architectures.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.6',
    title: 'Model Report updates',
    summary:
      'Update the Model Report when the case for acceptability weakens materially, and at least every 6 months for your most capable models, unless an exception applies.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/7.7',
    title: 'Model Report notifications',
    summary:
      'Give the AI Office unredacted access to the Model Report by the time the model is placed on the market, and to updates within 5 business days.',
    provisions: ['Art. 55(1)', 'Art. 56(5)'],
  }),
  // Commitment 8
  m({
    id: 'safety-security/8.1',
    title: 'Definition of clear responsibilities',
    summary:
      "Allocate oversight, ownership, support and monitoring, and assurance of systemic risk across the organisation's levels.",
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/8.2',
    title: 'Allocation of appropriate resources',
    summary: 'Make sure management bodies see that people, money, information and compute go to systemic-risk work.',
    provisions: ['Art. 55(1)'],
  }),
  m({
    id: 'safety-security/8.3',
    title: 'Promotion of a healthy risk culture',
    summary:
      'Foster a culture where risks can be raised and challenged, whistleblowers are informed and protected, and nobody is punished for reporting.',
    provisions: ['Art. 55(1)'],
  }),
  // Commitment 9
  m({
    id: 'safety-security/9.1',
    title: 'Methods for serious incident identification',
    summary:
      'Detect serious incidents through monitoring and outside sources, and make it easy for others to report them to you or to the authorities.',
    provisions: ['Art. 55(1)(c)'],
  }),
  m({
    id: 'safety-security/9.2',
    title: 'Relevant information for serious incident tracking, documentation, and reporting',
    summary:
      'Record, for each incident, the nine kinds of information the Code lists (dates, harm, chain of events, model involved, actions, root cause and more), in detail that matches its severity.',
    provisions: ['Art. 55(1)(c)'],
  }),
  m({
    id: 'safety-security/9.3',
    title: 'Reporting timelines',
    summary:
      "Send the first report within 2, 5, 10 or 15 days, depending on the harm, of becoming aware of the model's involvement (established or reasonably suspected); follow-ups at least every 4 weeks while unresolved, and a final report within 60 days of resolution.",
    provisions: ['Art. 55(1)(c)'],
  }),
  m({
    id: 'safety-security/9.4',
    title: 'Retention period',
    summary:
      'Keep the documentation of each serious incident for at least 5 years, from the date of the documentation or of the incident, whichever is later.',
    provisions: ['Art. 55(1)(c)'],
  }),
  // Commitment 10
  m({
    id: 'safety-security/10.1',
    title: 'Additional documentation',
    summary:
      'Keep detailed documentation of architecture, system integration, evaluations and mitigations for the AI Office, for at least 10 years after market placement. This covers Annex XI Section 2.',
    provisions: ['Art. 53(1)(a)', 'Annex XI Section 2'],
  }),
  m({
    id: 'safety-security/10.2',
    title: 'Public transparency',
    summary:
      'Where it helps assess or mitigate systemic risk, publish summaries of the Framework and Model Reports, leaving out sensitive content.',
    provisions: ['Art. 55(1)'],
  }),
];
