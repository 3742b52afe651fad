/**
 * The Copyright chapter beyond presence (which the missing-item rule checks): web crawling declared
 * consistently; where it is declared, crawlers that honour robots.txt (RFC 9309) and no circumvention of
 * technological measures (Measures 1.2, 1.3); an electronic point of contact and complaint mechanism (1.5).
 */
import { ANSWER_KEYS, getMeasure, KEYS, named, Named } from '../catalogue';
import type { FileModel } from '../model';
import { findPlaceholder, isWellFormedLink } from '../values';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
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
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const C = KEYS.copyright;
const WEB_CRAWLING = C.web_crawling;
const PROVENANCE = KEYS.data.data_provenance;
const SUMMARY_CRAWLED = KEYS.training_content_summary.data_sources.crawled_data.used;
/** The measures that apply when the web is crawled, with the paths of their answers. */
const CRAWLING_MEASURES = [C.lawful_access, C.rights_reservations].filter(
  (a) => getMeasure(a.id)?.appliesWhen === 'web-crawling',
);
const ROBOTS = /robots\.txt|rfc\s*9309|robots? exclusion/i;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/;
const LINK = /\b(https?:\/\/|mailto:)\S+/i;

export const copyright = defineRule({
  name: 'copyright',
  codes,
  check(ctx) {
    return [...crawlingDeclared(ctx), ...crawlers(ctx), ...contact(ctx)];
  },
});

/** Other places of the file that say the web was crawled. */
function crawlingElsewhere(model: FileModel): string[] {
  const found: string[] = [];
  if (model.entries(PROVENANCE.path).some((a) => a.value === 'web_crawling'))
    found.push(`${named(PROVENANCE.id)} lists web_crawling`);
  if (model.value(SUMMARY_CRAWLED.path) === true) found.push('the training-content summary says crawled data was used');
  return found;
}

function crawlingDeclared({ model, applicability }: RuleContext): Finding<Code>[] {
  const declared = model.value(WEB_CRAWLING.path);
  const elsewhere = crawlingElsewhere(model);
  if (declared === false && elsewhere.length) {
    return [
      {
        code: 'copyright.web-crawling',
        range: model.range(WEB_CRAWLING.path),
        id: WEB_CRAWLING.id,
        fix: { kind: 'set-value', path: WEB_CRAWLING.path, value: 'true', title: 'Declare web crawling' },
        message: `\`copyright.web_crawling\` is false, but ${elsewhere.join(' and ')}. If the web was crawled for training data, by you or on your behalf, Copyright Measures 1.2 and 1.3 apply: set it to true and document them.`,
      },
    ];
  }
  if (declared === true && model.value(SUMMARY_CRAWLED.path) === false) {
    return [
      {
        code: 'copyright.web-crawling',
        range: model.range(SUMMARY_CRAWLED.path),
        id: SUMMARY_CRAWLED.id,
        message:
          'The training-content summary says no crawled data was used (data_sources.crawled_data.used: false), but `copyright.web_crawling` is true. The public summary and the copyright documentation must tell the same story: correct one of them.',
      },
    ];
  }
  if (!applicability.webCrawling) return [];
  return CRAWLING_MEASURES.flatMap(({ path, id }) => {
    const status = [...path, ANSWER_KEYS.status];
    if (model.text(status)?.trim() !== 'not_applicable') return [];
    return [
      {
        code: 'copyright.web-crawling',
        range: model.range(status),
        id,
        message: `${Named(id)} is marked not_applicable, but the file declares web crawling. It applies to every provider that crawls the web for training data: answer it.`,
      },
    ];
  });
}

function crawlers({ model, applicability }: RuleContext): Finding<Code>[] {
  if (!applicability.webCrawling) return [];
  const out: Finding<Code>[] = [];
  const robots = model.text(C.rights_reservations.robots_txt.path)?.trim();
  if (robots && !findPlaceholder(robots) && !ROBOTS.test(robots)) {
    out.push({
      code: 'copyright.crawlers',
      range: model.range(C.rights_reservations.robots_txt.path),
      id: C.rights_reservations.id,
      provisions: ['RFC 9309'],
      message: `\`robots_txt\` of ${named(C.rights_reservations.id)} does not say that the crawlers follow robots.txt. Measure 1.3 asks for crawlers that read and follow robots.txt as specified in RFC 9309 (the Robots Exclusion Protocol): say so, and how.`,
    });
  }
  const circumvention = C.lawful_access.no_circumvention;
  if (model.value(circumvention.path) === false) {
    out.push({
      code: 'copyright.crawlers',
      range: model.range(circumvention.path),
      id: C.lawful_access.id,
      provisions: ['Art. 6(3) InfoSoc Directive'],
      message: `\`no_circumvention\` is false: ${named(C.lawful_access.id)} asks not to circumvent effective technological measures such as paywalls and subscription restrictions when crawling. Stop the circumvention, then set it to true.`,
    });
  }
  return out;
}

/** Electronic: a web or mailto link, or an e-mail address, somewhere in the answer (an http link is `link.insecure`'s concern). */
function isElectronic(text: string): boolean {
  return isWellFormedLink(text) || LINK.test(text) || EMAIL.test(text);
}

function contact({ model }: RuleContext): Finding<Code>[] {
  const answer = C.contact_and_complaints;
  const fields = [
    {
      path: answer.contact.path,
      what: 'an electronic point of contact for rightsholders, such as mailto:copyright@example.com',
    },
    {
      path: answer.complaint_mechanism.path,
      what: 'a mechanism to lodge complaints electronically, such as the https link of a complaint form',
    },
  ];
  return fields.flatMap(({ path, what }) => {
    const key = path[path.length - 1];
    const text = model.text(path)?.trim();
    if (!text || findPlaceholder(text) || isElectronic(text)) return [];
    return [
      {
        code: 'copyright.contact',
        range: model.range(path),
        id: answer.id,
        message: `\`${key}\` of ${named(answer.id)} gives no link or e-mail address. The Measure asks for ${what}.`,
      },
    ];
  });
}
