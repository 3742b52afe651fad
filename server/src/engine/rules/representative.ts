/**
 * The authorised representative (AI Act Art. 54): a provider established outside the Union appoints one, by
 * written mandate, established in the Union, before placing the model on the Union market (Art. 54(1)),
 * unless the model is validly covered by the open-source exemption and has no systemic risk (Art. 54(6)).
 * For a model placed before 2 August 2025, by the Art. 111(3) deadline instead.
 */
import { KEYS, legacyDeadline, named } from '../catalogue';
import { parseIsoDate } from '../values';
import { dotted, readableDate } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  {
    code: 'representative.missing',
    title: 'A provider outside the Union names no authorised representative',
    severity: 'error',
    fixable: true,
  },
  {
    code: 'representative.incomplete',
    title: 'The authorised representative lacks its name, contact or mandate date',
    severity: 'warning',
    fixable: true,
  },
  {
    code: 'representative.mandate-late',
    title: 'The representative was mandated after the model was placed on the Union market',
    severity: 'warning',
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const C = KEYS.classification;
const REP = C.authorised_representative;
const FIELDS = [REP.name, REP.contact, REP.mandate_date];
const UNION_RELEASE = KEYS.general_information.union_market_release_date;

export const representative = defineRule({
  name: 'representative',
  codes,
  check(ctx) {
    return [...missing(ctx), ...incomplete(ctx), ...mandateLate(ctx)];
  },
});

function missing({ model, applicability: a }: RuleContext): Finding<Code>[] {
  if (!a.representativeRequired || model.written(REP.path)) return [];
  return [
    {
      code: 'representative.missing',
      range: model.range(C.establishment.path),
      id: REP.id,
      provisions: ['Art. 54(1)', 'Art. 54(6)'],
      ...(model.has(REP.path) ? {} : { fix: { kind: 'insert-keys', parent: C.path, keys: [key(REP.path)] } as const }),
      message: `\`${dotted(C.establishment.path)}\` says the provider is established outside the Union, but \`${dotted(REP.path)}\` names no authorised representative. AI Act Art. 54(1) asks for one, established in the Union and appointed by written mandate, before the model is placed on the Union market; only a model validly covered by the open-source exemption without systemic risk is spared (Art. 54(6)). Give its name, contact and the mandate's date.`,
    },
  ];
}

/** Keys of the representative left out; one written empty is answer.empty's, which points at it. */
function incomplete({ model }: RuleContext): Finding<Code>[] {
  if (!model.written(REP.path)) return [];
  const absent = FIELDS.filter((f) => !model.has(f.path));
  if (!absent.length) return [];
  return [
    {
      code: 'representative.incomplete',
      range: model.anchor(REP.path),
      id: REP.id,
      provisions: ['Art. 54(1)'],
      fix: { kind: 'insert-keys', parent: REP.path, keys: absent.map((f) => key(f.path)) },
      message: `The authorised representative (\`${dotted(REP.path)}\`) has no ${absent.map((f) => key(f.path)).join(', no ')}. Name the representative established in the Union, how to reach it, and the date of its written mandate (AI Act Art. 54(1)).`,
    },
  ];
}

function mandateLate({ model, applicability: a }: RuleContext): Finding<Code>[] {
  const mandate = parseIsoDate(model.text(REP.mandate_date.path) ?? '');
  const union = a.unionRelease;
  if (!mandate || !union || a.representation.establishment === 'union') return [];
  // A model on the market before 2 August 2025 had until the Art. 111(3) deadline.
  const deadline = a.legacy ? legacyDeadline() : union.iso;
  if (mandate.iso <= deadline) return [];
  const before = a.legacy
    ? `the model was placed on the Union market on ${union.iso}, before 2 August 2025, so the mandate was due by ${readableDate(deadline)} (AI Act Art. 111(3))`
    : `the model was placed on the Union market on ${union.iso} (${named(UNION_RELEASE.id)}), and AI Act Art. 54(1) asks for the mandate before that`;
  return [
    {
      code: 'representative.mandate-late',
      range: model.range(REP.mandate_date.path),
      id: REP.id,
      provisions: ['Art. 54(1)', ...(a.legacy ? ['Art. 111(3)'] : [])],
      message: `The authorised representative's mandate is dated ${mandate.iso} (\`${dotted(REP.mandate_date.path)}\`), but ${before}. Check the dates; if the model was placed without a representative, record why.`,
    },
  ];
}

function key(path: readonly (string | number)[]): string {
  return String(path[path.length - 1]);
}
