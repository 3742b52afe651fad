/**
 * The public summary of training content (AI Act Art. 53(1)(d)), required of every provider, open-source
 * models included: a link to the published summary or the template's fields; the same Union placement date
 * as the form; and, for a model placed on the market before 2 August 2025, the training-data information
 * that cannot be retrieved, disclosed and justified.
 */
import { isMap } from 'yaml';
import { obligationsApplyDate } from '../catalogue';
import { nodeAt, nodeRange, anchorRange, hasKey, scalarText } from '../document';
import { parseIsoDate } from '../values';
import { nameOf, readableDate } from './common';
import type { CodeInfo, Finding, Rule, RuleContext } from './types';

const codes: readonly CodeInfo[] = [
  {
    code: 'summary.content',
    title: "The training-content summary gives neither a link nor the template's fields",
    severity: 'warning',
    fixable: true,
  },
  {
    code: 'summary.placement-date',
    title: "The summary's Union placement date differs from the form's",
    severity: 'error',
    fixable: true,
  },
  {
    code: 'summary.legacy-gaps',
    title: 'A model placed before 2 August 2025 does not say what training-data information cannot be retrieved',
    severity: 'information',
    fixable: true,
  },
];

const SUMMARY = ['training_content_summary'];
const TEMPLATE_PARTS = ['general_information', 'data_sources', 'data_processing'];
const PLACEMENT = [...SUMMARY, 'general_information', 'union_market_placement_date'];
const UNION_RELEASE = ['general_information', 'union_market_release_date'];

export const summary: Rule = {
  name: 'summary',
  codes,
  check(ctx) {
    if (!isMap(nodeAt(ctx.doc, SUMMARY))) return [];
    return [...content(ctx), ...placementDate(ctx), ...legacyGaps(ctx)];
  },
};

function content({ doc }: RuleContext): Finding[] {
  const url = scalarText(doc, nodeAt(doc, [...SUMMARY, 'url']))?.trim();
  if (url || TEMPLATE_PARTS.some((k) => hasKey(doc, [...SUMMARY, k]))) return [];
  return [
    {
      code: 'summary.content',
      range: anchorRange(doc, SUMMARY),
      id: 'format/training-content-summary',
      ...(hasKey(doc, [...SUMMARY, 'url'])
        ? {}
        : { fix: { kind: 'insert-keys', parent: SUMMARY, keys: ['url'] } as const }),
      message:
        "The public summary of training content gives neither the link to the published summary (`url`) nor the template's fields (general_information, data_sources, data_processing). Every provider publishes it with the AI Office template, open-source models included: add the https link where it is published, or its fields.",
    },
  ];
}

function placementDate({ doc }: RuleContext): Finding[] {
  const node = nodeAt(doc, PLACEMENT);
  const inSummary = parseIsoDate(scalarText(doc, node) ?? '');
  const inForm = parseIsoDate(scalarText(doc, nodeAt(doc, UNION_RELEASE)) ?? '');
  if (!inSummary || !inForm || inSummary.iso === inForm.iso) return [];
  return [
    {
      code: 'summary.placement-date',
      range: nodeRange(doc, node) ?? anchorRange(doc, PLACEMENT),
      id: 'tcs/1.2.c',
      fix: { kind: 'set-value', path: PLACEMENT, value: inForm.iso, title: `Set the summary's date to ${inForm.iso}` },
      message: `The training-content summary says the model was placed on the Union market on ${inSummary.iso}, but ${nameOf('form/1.5')} says ${inForm.iso}. It is the same fact: make the two dates agree.`,
    },
  ];
}

function legacyGaps({ doc, applicability }: RuleContext): Finding[] {
  if (!applicability.legacy) return [];
  const path = [...SUMMARY, 'unretrievable_information'];
  if ((scalarText(doc, nodeAt(doc, path)) ?? '').trim()) return [];
  return [
    {
      code: 'summary.legacy-gaps',
      range: anchorRange(doc, hasKey(doc, path) ? path : SUMMARY),
      id: 'format/tcs-unretrievable',
      ...(hasKey(doc, path)
        ? {}
        : { fix: { kind: 'insert-keys', parent: SUMMARY, keys: ['unretrievable_information'] } as const }),
      message: `The model was placed on the Union market before ${readableDate(obligationsApplyDate())}. For such a model, the Commission's guidelines ask you to disclose and justify in the training-content summary the training-data information you cannot retrieve, or only at disproportionate cost. Say in \`unretrievable_information\` which information that is and why, or that all of it is available.`,
    },
  ];
}
