/**
 * The Copyright chapter beyond presence (which the missing-item rule checks): web crawling declared
 * consistently; where it is declared, crawlers that honour robots.txt (RFC 9309) and no circumvention of
 * technological measures (Measures 1.2, 1.3); an electronic point of contact and complaint mechanism (1.5).
 */
import { isSeq } from 'yaml';
import { nodeAt, nodeRange, anchorRange, scalarText, scalarValue, type GpaiDocument } from '../document';
import { findPlaceholder, isWellFormedLink } from '../values';
import { nameOf, NameOf } from './common';
import type { CodeInfo, Finding, Rule, RuleContext } from './types';

const codes: readonly CodeInfo[] = [
  {
    code: 'copyright.web-crawling',
    title: 'Web crawling is declared one way and documented another',
    severity: 'error',
    fixable: true,
  },
  {
    code: 'copyright.crawlers',
    title: 'The crawlers do not meet Copyright Measures 1.2 and 1.3 as documented',
    severity: 'warning',
  },
  {
    code: 'copyright.contact',
    title: "The rightsholders' point of contact or complaint mechanism is not electronic",
    severity: 'warning',
  },
];

const WEB_CRAWLING = ['copyright', 'web_crawling'];
const PROVENANCE = ['data', 'data_provenance'];
const SUMMARY_CRAWLED = ['training_content_summary', 'data_sources', 'crawled_data', 'used'];
const CRAWLING_MEASURES = [
  { key: 'lawful_access', id: 'copyright/1.2' },
  { key: 'rights_reservations', id: 'copyright/1.3' },
] as const;
const ROBOTS = /robots\.txt|rfc\s*9309|robots? exclusion/i;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/;
const LINK = /\b(https?:\/\/|mailto:)\S+/i;

export const copyright: Rule = {
  name: 'copyright',
  codes,
  check(ctx) {
    return [...crawlingDeclared(ctx), ...crawlers(ctx), ...contact(ctx)];
  },
};

function rangeAt(doc: GpaiDocument, path: readonly (string | number)[]) {
  return nodeRange(doc, nodeAt(doc, path)) ?? anchorRange(doc, path);
}

/** Other places of the file that say the web was crawled. */
function crawlingElsewhere(doc: GpaiDocument): string[] {
  const provenance = nodeAt(doc, PROVENANCE);
  const found: string[] = [];
  if (isSeq(provenance) && provenance.items.some((n) => scalarValue(n) === 'web_crawling'))
    found.push(`${nameOf('form/6.2')} lists web_crawling`);
  if (scalarValue(nodeAt(doc, SUMMARY_CRAWLED)) === true)
    found.push('the training-content summary says crawled data was used');
  return found;
}

function crawlingDeclared({ doc, applicability }: RuleContext): Finding[] {
  const declared = scalarValue(nodeAt(doc, WEB_CRAWLING));
  const elsewhere = crawlingElsewhere(doc);
  if (declared === false && elsewhere.length) {
    return [
      {
        code: 'copyright.web-crawling',
        range: rangeAt(doc, WEB_CRAWLING),
        id: 'format/web-crawling',
        fix: { kind: 'set-value', path: WEB_CRAWLING, value: 'true', title: 'Declare web crawling' },
        message: `\`copyright.web_crawling\` is false, but ${elsewhere.join(' and ')}. If the web was crawled for training data, by you or on your behalf, Copyright Measures 1.2 and 1.3 apply: set it to true and document them.`,
      },
    ];
  }
  if (declared === true && scalarValue(nodeAt(doc, SUMMARY_CRAWLED)) === false) {
    return [
      {
        code: 'copyright.web-crawling',
        range: rangeAt(doc, SUMMARY_CRAWLED),
        id: 'tcs/2.3',
        message:
          'The training-content summary says no crawled data was used (data_sources.crawled_data.used: false), but `copyright.web_crawling` is true. The public summary and the copyright documentation must tell the same story: correct one of them.',
      },
    ];
  }
  if (!applicability.webCrawling) return [];
  return CRAWLING_MEASURES.flatMap(({ key, id }) => {
    const status = scalarText(doc, nodeAt(doc, ['copyright', key, 'status']))?.trim();
    if (status !== 'not_applicable') return [];
    return [
      {
        code: 'copyright.web-crawling',
        range: rangeAt(doc, ['copyright', key, 'status']),
        id,
        message: `${NameOf(id)} is marked not_applicable, but the file declares web crawling. It applies to every provider that crawls the web for training data: answer it.`,
      },
    ];
  });
}

function crawlers({ doc, applicability }: RuleContext): Finding[] {
  if (!applicability.webCrawling) return [];
  const out: Finding[] = [];
  const robotsPath = ['copyright', 'rights_reservations', 'robots_txt'];
  const robots = scalarText(doc, nodeAt(doc, robotsPath))?.trim();
  if (robots && !findPlaceholder(robots) && !ROBOTS.test(robots)) {
    out.push({
      code: 'copyright.crawlers',
      range: rangeAt(doc, robotsPath),
      id: 'copyright/1.3',
      provisions: ['RFC 9309'],
      message: `\`robots_txt\` of ${nameOf('copyright/1.3')} does not say that the crawlers follow robots.txt. Measure 1.3 asks for crawlers that read and follow robots.txt as specified in RFC 9309 (the Robots Exclusion Protocol): say so, and how.`,
    });
  }
  const circumventionPath = ['copyright', 'lawful_access', 'no_circumvention'];
  if (scalarValue(nodeAt(doc, circumventionPath)) === false) {
    out.push({
      code: 'copyright.crawlers',
      range: rangeAt(doc, circumventionPath),
      id: 'copyright/1.2',
      provisions: ['Art. 6(3) InfoSoc Directive'],
      message: `\`no_circumvention\` is false: ${nameOf('copyright/1.2')} asks not to circumvent effective technological measures such as paywalls and subscription restrictions when crawling. Stop the circumvention, then set it to true.`,
    });
  }
  return out;
}

/** Electronic: a web or mailto link, or an e-mail address, somewhere in the answer (an http link is `link.insecure`'s concern). */
function isElectronic(text: string): boolean {
  return isWellFormedLink(text) || LINK.test(text) || EMAIL.test(text);
}

function contact({ doc }: RuleContext): Finding[] {
  const fields = [
    { key: 'contact', what: 'an electronic point of contact for rightsholders, such as mailto:copyright@example.com' },
    {
      key: 'complaint_mechanism',
      what: 'a mechanism to lodge complaints electronically, such as the https link of a complaint form',
    },
  ];
  return fields.flatMap(({ key, what }) => {
    const path = ['copyright', 'contact_and_complaints', key];
    const text = scalarText(doc, nodeAt(doc, path))?.trim();
    if (!text || findPlaceholder(text) || isElectronic(text)) return [];
    return [
      {
        code: 'copyright.contact',
        range: rangeAt(doc, path),
        id: 'copyright/1.5',
        message: `\`${key}\` of ${nameOf('copyright/1.5')} gives no link or e-mail address. The Measure asks for ${what}.`,
      },
    ];
  });
}
