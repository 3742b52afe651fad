/**
 * The open-source exemption (AI Act Art. 53(2)): valid only with a free and open-source licence, public
 * weights, architecture and usage information, no monetisation (Recital 103) and no systemic risk. Claimed
 * but invalid: which condition fails. Valid: the Transparency items become voluntary, while the Copyright
 * chapter and the training-content summary stay required (Art. 53(1)(c), (d); Recital 104).
 */
import { isMap } from 'yaml';
import { ANSWER_KEYS, KEYS, keySpecAt, named, type PathSegment } from '../catalogue';
import type { FileModel } from '../model';
import { dotted } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  {
    code: 'exemption.invalid',
    title: 'The open-source exemption is claimed for a model it cannot cover',
    severity: 'error',
    fixable: true,
  },
  {
    code: 'exemption.unsupported',
    title: 'The open-source exemption is claimed without stating its conditions',
    severity: 'warning',
    fixable: true,
  },
  {
    code: 'exemption.transparency',
    title: 'The open-source exemption applies: what it lifts and what it does not',
    severity: 'hint',
  },
  {
    code: 'exemption.monetised',
    title: 'The open-source exemption is claimed for a monetised model',
    severity: 'error',
    fixable: true,
  },
  {
    code: 'exemption.scope',
    title: 'A Copyright measure is set aside because of the open-source exemption',
    severity: 'error',
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const EXEMPTION = KEYS.classification.open_source_exemption;
const FIELDS = [
  EXEMPTION.licence,
  EXEMPTION.licence_kind,
  EXEMPTION.weights,
  EXEMPTION.architecture,
  EXEMPTION.usage,
  EXEMPTION.monetised,
];
const FOSS = 'free-and-open-source';
const EXEMPTION_WORDS = /open[\s-]?source|exempt|53\s*\(2\)/i;
/** The Copyright chapter's measure answers, from the key tree. */
const COPYRIGHT_ANSWERS = (keySpecAt(KEYS.copyright.path)?.children ?? [])
  .filter((s) => s.type === 'map')
  .map((s) => ({ path: [...KEYS.copyright.path, s.key], id: s.id }));

export const exemption = defineRule({
  name: 'exemption',
  codes,
  check(ctx) {
    return [...claim(ctx), ...scope(ctx)];
  },
});

function claimedPath(model: FileModel): readonly PathSegment[] {
  return isMap(model.at(EXEMPTION.path)?.node) ? EXEMPTION.claimed.path : EXEMPTION.path;
}

function claim({ model, applicability }: RuleContext): Finding<Code>[] {
  const e = applicability.exemption;
  if (!e.claimed) return [];
  const path = claimedPath(model);
  const range = model.range(path);
  if (e.valid) {
    return [
      {
        code: 'exemption.transparency',
        range,
        id: EXEMPTION.id,
        message:
          'The open-source exemption of AI Act Art. 53(2) applies: the Transparency chapter and its Model Documentation Form do not bind this model, so the items you fill in are voluntary. The Copyright chapter (Art. 53(1)(c)) and the public summary of training content (Art. 53(1)(d)) still apply in full (Recital 104).',
      },
    ];
  }
  if (e.monetised === true) {
    return [
      {
        code: 'exemption.monetised',
        range,
        id: EXEMPTION.id,
        provisions: ['Art. 53(2)', 'Recital 103', 'Art. 54(6)'],
        fix: { kind: 'set-value', path, value: 'false', title: 'Withdraw the open-source exemption claim' },
        message: `The open-source exemption is claimed (\`${dotted(path)}\`), but \`${dotted(EXEMPTION.monetised.path)}\` says the model is monetised: a price, paid support tied to it, or personal data used beyond what security needs. Only a model released without monetisation counts as free and open-source for AI Act Art. 53(2) (Recital 103), nor does Art. 54(6) then spare a provider outside the Union its authorised representative. Withdraw the claim and document the Transparency chapter in full, or correct \`monetised\`.`,
      },
    ];
  }
  const kind = model.text(EXEMPTION.licence_kind.path)?.trim();
  const contradicted = applicability.systemicRisk || (kind !== undefined && kind !== '' && kind !== FOSS);
  const conditions = e.failures.join('; ');
  if (contradicted) {
    return [
      {
        code: 'exemption.invalid',
        range,
        id: EXEMPTION.id,
        fix: { kind: 'set-value', path, value: 'false', title: 'Withdraw the open-source exemption claim' },
        message: `The open-source exemption (AI Act Art. 53(2)) is claimed, but it cannot apply: ${conditions}. Withdraw the claim and document the Transparency chapter in full.`,
      },
    ];
  }
  const absent = isMap(model.at(EXEMPTION.path)?.node) ? FIELDS.filter((f) => !model.nodeAt(f.path)) : [];
  return [
    {
      code: 'exemption.unsupported',
      range,
      id: EXEMPTION.id,
      ...(absent.length
        ? {
            fix: {
              kind: 'insert-keys',
              parent: EXEMPTION.path,
              keys: absent.map((f) => String(f.path[f.path.length - 1])),
            } as const,
          }
        : {}),
      ...(e.monetised === undefined ? { provisions: ['Recital 103'] } : {}),
      message: `The open-source exemption (AI Act Art. 53(2)) is claimed, but its conditions are not shown: ${conditions}. Until they are, the Transparency chapter applies in full.`,
    },
  ];
}

/** A Copyright measure marked not applicable with the exemption as its reason: the exemption never reaches it. */
function scope({ model }: RuleContext): Finding<Code>[] {
  const out: Finding<Code>[] = [];
  for (const { path, id } of COPYRIGHT_ANSWERS) {
    const status = [...path, ANSWER_KEYS.status];
    const reason = model.text([...path, ANSWER_KEYS.reason]) ?? '';
    if (model.text(status)?.trim() !== 'not_applicable' || !EXEMPTION_WORDS.test(reason)) continue;
    out.push({
      code: 'exemption.scope',
      range: model.range(status),
      id,
      provisions: ['Art. 53(2)', 'Recital 104'],
      message: `${named(id)} is marked not_applicable because of the open-source exemption, but the exemption lifts only the Transparency duties (Art. 53(1)(a) and (b)): the copyright policy of Art. 53(1)(c) binds open-source models too (Recital 104). Answer the measure.`,
    });
  }
  return out;
}
