/**
 * The open-source exemption (AI Act Art. 53(2)): valid only with a free and open-source licence, public
 * weights, architecture and usage information, and no systemic risk. Claimed but invalid: which condition
 * fails. Valid: the Transparency items become voluntary, while the Copyright chapter and the training-content
 * summary stay required (Art. 53(1)(c), (d); Recital 104).
 */
import { isMap } from 'yaml';
import { keySpecAt } from '../catalogue';
import { nodeAt, nodeRange, anchorRange, scalarText, type GpaiDocument } from '../document';
import { nameOf } from './common';
import type { CodeInfo, Finding, Rule, RuleContext } from './types';

const codes: readonly CodeInfo[] = [
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
    code: 'exemption.scope',
    title: 'A Copyright measure is set aside because of the open-source exemption',
    severity: 'error',
  },
];

const EXEMPTION = ['classification', 'open_source_exemption'];
const FIELDS = ['licence', 'licence_kind', 'weights', 'architecture', 'usage'];
const FOSS = 'free-and-open-source';
const EXEMPTION_WORDS = /open[\s-]?source|exempt|53\s*\(2\)/i;
/** The Copyright chapter's measure answers, from the key tree. */
const COPYRIGHT_ANSWERS = (keySpecAt(['copyright'])?.children ?? [])
  .filter((s) => s.type === 'map')
  .map((s) => ({ key: s.key, id: s.id }));

export const exemption: Rule = {
  name: 'exemption',
  codes,
  check(ctx) {
    return [...claim(ctx), ...scope(ctx)];
  },
};

function claimedPath(doc: GpaiDocument): string[] {
  return isMap(nodeAt(doc, EXEMPTION)) ? [...EXEMPTION, 'claimed'] : EXEMPTION;
}

function claim({ doc, applicability }: RuleContext): Finding[] {
  const e = applicability.exemption;
  if (!e.claimed) return [];
  const path = claimedPath(doc);
  const range = nodeRange(doc, nodeAt(doc, path)) ?? anchorRange(doc, path);
  if (e.valid) {
    return [
      {
        code: 'exemption.transparency',
        range,
        id: 'format/open-source-exemption',
        message:
          'The open-source exemption of AI Act Art. 53(2) applies: the Transparency chapter and its Model Documentation Form do not bind this model, so the items you fill in are voluntary. The Copyright chapter (Art. 53(1)(c)) and the public summary of training content (Art. 53(1)(d)) still apply in full (Recital 104).',
      },
    ];
  }
  const kind = scalarText(doc, nodeAt(doc, [...EXEMPTION, 'licence_kind']))?.trim();
  const contradicted = applicability.systemicRisk || (kind !== undefined && kind !== '' && kind !== FOSS);
  const conditions = e.failures.join('; ');
  if (contradicted) {
    return [
      {
        code: 'exemption.invalid',
        range,
        id: 'format/open-source-exemption',
        fix: { kind: 'set-value', path, value: 'false', title: 'Withdraw the open-source exemption claim' },
        message: `The open-source exemption (AI Act Art. 53(2)) is claimed, but it cannot apply: ${conditions}. Withdraw the claim and document the Transparency chapter in full.`,
      },
    ];
  }
  const absent = isMap(nodeAt(doc, EXEMPTION)) ? FIELDS.filter((f) => !nodeAt(doc, [...EXEMPTION, f])) : [];
  return [
    {
      code: 'exemption.unsupported',
      range,
      id: 'format/open-source-exemption',
      ...(absent.length ? { fix: { kind: 'insert-keys', parent: EXEMPTION, keys: absent } as const } : {}),
      message: `The open-source exemption (AI Act Art. 53(2)) is claimed, but its conditions are not shown: ${conditions}. Until they are, the Transparency chapter applies in full.`,
    },
  ];
}

/** A Copyright measure marked not applicable with the exemption as its reason: the exemption never reaches it. */
function scope({ doc }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { key, id } of COPYRIGHT_ANSWERS) {
    const status = scalarText(doc, nodeAt(doc, ['copyright', key, 'status']))?.trim();
    const reason = scalarText(doc, nodeAt(doc, ['copyright', key, 'reason'])) ?? '';
    if (status !== 'not_applicable' || !EXEMPTION_WORDS.test(reason)) continue;
    out.push({
      code: 'exemption.scope',
      range: nodeRange(doc, nodeAt(doc, ['copyright', key, 'status'])) ?? anchorRange(doc, ['copyright', key]),
      id,
      provisions: ['Art. 53(2)', 'Recital 104'],
      message: `${nameOf(id)} is marked not_applicable because of the open-source exemption, but the exemption lifts only the Transparency duties (Art. 53(1)(a) and (b)): the copyright policy of Art. 53(1)(c) binds open-source models too (Recital 104). Answer the measure.`,
    });
  }
  return out;
}
