/**
 * The Safety and Security reliefs stated in `classification.safety_and_security_reliefs` (the Commitment 6
 * exemption, "similarly safe or safer" under Appendix 2, the SME/SMC simplifications): a relief stated for a
 * model the chapter does not bind; a measure set aside for a relief that is not stated; a measure set aside
 * whole for a relief that lifts only part of it, or only simplifies it. (What a stated relief makes not
 * applicable is applicability's and coverage's concern.)
 */
import {
  ANSWER_KEYS,
  getMeasure,
  KEYS,
  keyPathsFor,
  measures,
  named,
  Named,
  ref,
  reliefs as allReliefs,
  type Relief,
} from '../catalogue';
import { dotted } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  {
    code: 'relief.no-systemic-risk',
    title: 'A Safety and Security relief is stated for a model without systemic risk',
    severity: 'information',
  },
  {
    code: 'relief.unstated',
    title: 'A measure is set aside for a relief that the classification does not state',
    severity: 'information',
    fixable: true,
  },
  {
    code: 'relief.partial',
    title: 'A measure is set aside whole for a relief that lifts only part of it',
    severity: 'warning',
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const BLOCK = KEYS.classification.safety_and_security_reliefs;
const RISK = KEYS.classification.systemic_risk;
/** The Safety and Security measures' answers, from the key tree. */
const ANSWERS = measures
  .filter((m) => m.chapter === 'safety-security')
  .flatMap((m) =>
    keyPathsFor(m.id)
      .slice(0, 1)
      .map((path) => ({ measure: m, path })),
  );

export const reliefs = defineRule({
  name: 'reliefs',
  codes,
  check(ctx) {
    return [...noSystemicRisk(ctx), ...setAside(ctx)];
  },
});

function keyOf(relief: Relief): readonly (string | number)[] {
  return keyPathsFor(relief.id)[0] ?? BLOCK.path;
}

function noSystemicRisk({ model, applicability: a }: RuleContext): Finding<Code>[] {
  if (a.systemicRisk || !a.reliefs.length) return [];
  const first = keyOf(a.reliefs[0]);
  return [
    {
      code: 'relief.no-systemic-risk',
      range: model.range(first),
      id: a.reliefs[0].id,
      provisions: ['Art. 55(1)'],
      message: `\`${dotted(first)}\` states a relief of the Safety and Security chapter, but \`${dotted(RISK.path)}\` says the model has no systemic risk, and the chapter binds only models with systemic risk (AI Act Art. 55(1)). The relief changes nothing here: remove it, or correct the classification.`,
    },
  ];
}

function mentions(relief: Relief, reason: string): boolean {
  const text = reason.toLowerCase();
  return relief.mentionedAs.some((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
}

/** Measures marked not_applicable with a relief as their reason. */
function setAside({ model, applicability: a }: RuleContext): Finding<Code>[] {
  if (!a.systemicRisk) return [];
  const out: Finding<Code>[] = [];
  for (const { measure, path } of ANSWERS) {
    const status = [...path, ANSWER_KEYS.status];
    const reason = model.text([...path, ANSWER_KEYS.reason]) ?? '';
    if (model.text(status)?.trim() !== 'not_applicable' || !reason.trim()) continue;
    const targets = [measure.id, measure.commitment];
    for (const relief of allReliefs) {
      if (!mentions(relief, reason)) continue;
      const effects = relief.effects.filter((e) => targets.includes(e.target));
      if (!effects.length) continue;
      const whole = effects.some((e) => e.kind === 'not-applicable');
      const stated = a.reliefs.includes(relief);
      const key = keyOf(relief);
      if (!whole) {
        const parts = effects.map((e) => e.what).join('; ');
        out.push({
          code: 'relief.partial',
          range: model.range(status),
          id: measure.id,
          message: `${Named(measure.id)} is marked not_applicable for the ${relief.title.toLowerCase()} relief (${relief.source}), but that relief does not set the measure aside: it ${effects[0].kind === 'simplified' ? 'simplifies it' : 'lifts only part of it'} (${parts}). Answer the rest of the measure${stated ? '' : `, and state the relief in \`${dotted(key)}\``}.`,
        });
      } else if (!stated) {
        out.push({
          code: 'relief.unstated',
          range: model.range(status),
          id: measure.id,
          ...(model.has(key)
            ? {}
            : { fix: { kind: 'insert-keys', parent: key.slice(0, -1), keys: [String(key[key.length - 1])] } as const }),
          message: `${Named(measure.id)} is marked not_applicable for the ${relief.title} (${relief.source}), but the classification does not state the fact it rests on: ${relief.condition.charAt(0).toLowerCase()}${relief.condition.slice(1)} State it in \`${dotted(key)}\` (${named(relief.id)}), so that ${ref(getMeasure(measure.id)!.commitment)} is set aside with its reason everywhere.`,
        });
      }
    }
  }
  return out;
}
