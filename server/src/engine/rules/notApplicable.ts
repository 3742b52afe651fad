/**
 * "N/A" only where the form allows it (model dependencies, maximum input and output sizes, a licence or
 * acceptable use policy that does not exist, training energy withheld by a compute provider, …), with the
 * reason where the form asks for one. In a Code measure's answer, "not applicable" is a status with a reason.
 */
import { ANSWER_KEYS, getFormItem, getMeasure, type FormItem, named, Named } from '../catalogue';
import { naReasonGiven } from '../answers';
import { findPlaceholder, parseNotApplicable } from '../values';
import { capForExemption, draftNote } from './common';
import type { Answer } from '../model';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  { code: 'na.not-allowed', title: '"N/A" where the form does not allow it', severity: 'error' },
  { code: 'na.reason-required', title: '"N/A" without the reason the form asks for', severity: 'warning' },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

/** Keys whose values are answers (not statuses, flags or choices). */
const ANSWER_TYPES = new Set(['text', 'quantity', 'url', 'na-or-list']);

export const notApplicable = defineRule({
  name: 'notApplicable',
  codes,
  check(ctx) {
    const findings: Finding<Code>[] = [];
    for (const v of ctx.model.all) {
      if (!ANSWER_TYPES.has(v.spec.type)) continue;
      const text = v.text;
      const na = text ? parseNotApplicable(text) : undefined;
      if (!text || !na || findPlaceholder(text)) continue;
      const item = getFormItem(v.spec.id);
      const finding = item ? itemFinding(ctx, v, item, na.words, na.reason) : measureFinding(ctx, v, na.words);
      if (finding) findings.push(finding);
    }
    return capForExemption(ctx, codes, findings);
  },
});

function itemFinding(
  ctx: RuleContext,
  v: Answer,
  item: FormItem,
  words: string,
  reason: string,
): Finding<Code> | undefined {
  const range = v.range;
  if (!item.na.allowed) {
    // "If any" and "where available" items may stay empty: "none" there is an answer, not a refusal.
    if (item.na.mayBeEmpty) return undefined;
    return {
      code: 'na.not-allowed',
      range,
      id: item.id,
      message: `${Named(item.id)} does not allow "${words}": the form asks every provider for it. ${item.whatToWrite}`,
    };
  }
  if (!naReasonGiven(ctx.model, item, reason)) {
    const where = item.na.reasonIn
      ? `Say which in ${named(item.na.reasonIn)}, where the form asks for it, or after the words, such as "${words} (reason)".`
      : `Give the reason after it, such as "${words} (reason)".`;
    return {
      code: 'na.reason-required',
      range,
      id: item.id,
      message: `${Named(item.id)} allows "${words}"${draftNote(item.confidence.na, `the N/A rule of ${item.number}`)} only when ${lowerFirst(item.na.when ?? 'the form says so.')} ${where}`,
    };
  }
  return undefined;
}

/** In a Copyright or Safety and Security answer, a field written "N/A" while the measure's status says it applies. */
function measureFinding(ctx: RuleContext, v: Answer, words: string): Finding<Code> | undefined {
  const measure = getMeasure(v.spec.id);
  if (!measure || v.spec.optional || v.spec.key === ANSWER_KEYS.reason || typeof v.path[v.path.length - 1] === 'number')
    return undefined;
  const status = ctx.model.text([...v.path.slice(0, -1), ANSWER_KEYS.status])?.trim();
  if (status === 'not_applicable') return undefined;
  return {
    code: 'na.not-allowed',
    range: v.range,
    id: measure.id,
    message: `\`${v.spec.key}\` of ${named(measure.id)} says "${words}". A measure that does not apply to this model is marked \`status: not_applicable\` with the reason in \`reason\`; otherwise answer it.`,
  };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
