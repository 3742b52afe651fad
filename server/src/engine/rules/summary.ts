/**
 * The public summary of training content (AI Act Art. 53(1)(d)), required of every provider, open-source
 * models included: a link to the published summary or the template's fields; the same Union placement date
 * as the form; and, for a model placed on the market before 2 August 2025, the training-data information
 * that cannot be retrieved, disclosed and justified.
 */
import { isMap } from 'yaml';
import { KEYS, named, obligationsApplyDate } from '../catalogue';
import { parseIsoDate } from '../values';
import { readableDate } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
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
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const SUMMARY = KEYS.training_content_summary;
const TEMPLATE_PARTS = [SUMMARY.general_information, SUMMARY.data_sources, SUMMARY.data_processing];
const PLACEMENT = SUMMARY.general_information.union_market_placement_date;
const UNION_RELEASE = KEYS.general_information.union_market_release_date;
const last = (path: readonly string[]) => path[path.length - 1];

export const summary = defineRule({
  name: 'summary',
  codes,
  check(ctx) {
    if (!isMap(ctx.model.at(SUMMARY.path)?.node)) return [];
    return [...content(ctx), ...placementDate(ctx), ...legacyGaps(ctx)];
  },
});

function content({ model }: RuleContext): Finding<Code>[] {
  const url = model.text(SUMMARY.url.path)?.trim();
  if (url || TEMPLATE_PARTS.some((k) => model.has(k.path))) return [];
  return [
    {
      code: 'summary.content',
      range: model.anchor(SUMMARY.path),
      id: SUMMARY.id,
      ...(model.has(SUMMARY.url.path)
        ? {}
        : { fix: { kind: 'insert-keys', parent: SUMMARY.path, keys: [last(SUMMARY.url.path)] } as const }),
      message:
        "The public summary of training content gives neither the link to the published summary (`url`) nor the template's fields (general_information, data_sources, data_processing). Every provider publishes it with the AI Office template, open-source models included: add the https link where it is published, or its fields.",
    },
  ];
}

function placementDate({ model }: RuleContext): Finding<Code>[] {
  const inSummary = parseIsoDate(model.text(PLACEMENT.path) ?? '');
  const inForm = parseIsoDate(model.text(UNION_RELEASE.path) ?? '');
  if (!inSummary || !inForm || inSummary.iso === inForm.iso) return [];
  return [
    {
      code: 'summary.placement-date',
      range: model.range(PLACEMENT.path),
      id: PLACEMENT.id,
      fix: {
        kind: 'set-value',
        path: PLACEMENT.path,
        value: inForm.iso,
        title: `Set the summary's date to ${inForm.iso}`,
      },
      message: `The training-content summary says the model was placed on the Union market on ${inSummary.iso}, but ${named(UNION_RELEASE.id)} says ${inForm.iso}. It is the same fact: make the two dates agree.`,
    },
  ];
}

function legacyGaps({ model, applicability }: RuleContext): Finding<Code>[] {
  if (!applicability.legacy) return [];
  const path = SUMMARY.unretrievable_information.path;
  if ((model.text(path) ?? '').trim()) return [];
  return [
    {
      code: 'summary.legacy-gaps',
      range: model.anchor(model.has(path) ? path : SUMMARY.path),
      id: SUMMARY.unretrievable_information.id,
      ...(model.has(path) ? {} : { fix: { kind: 'insert-keys', parent: SUMMARY.path, keys: [last(path)] } as const }),
      message: `The model was placed on the Union market before ${readableDate(obligationsApplyDate())}. For such a model, the Commission's guidelines ask you to disclose and justify in the training-content summary the training-data information you cannot retrieve, or only at disproportionate cost. Say in \`unretrievable_information\` which information that is and why, or that all of it is available.`,
    },
  ];
}
