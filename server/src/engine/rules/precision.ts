/**
 * Precision of the form's numbers, judged on the text as written (form 2.9, 6.4, 6.5, 7.2, 7.3, 7.4, 8.1,
 * 8.3): at least the significant figures the form asks (`1e25` has one, `1.0e25` two), an order of
 * magnitude where the form asks one, and the form's unit. A bare number carries the unit its key implies
 * (parameters, FLOP, MWh, days); data points have no implied unit and must declare one.
 */
import { derivedValue } from '../answers';
import { getFormItem, type FormItem, named, Named, KEYS, keySpecAt } from '../catalogue';
import {
  findPlaceholder,
  formatScientific,
  parseNotApplicable,
  parseQuantity,
  type Quantity,
  roundToSignificant,
} from '../values';
import { bareUnit, capForExemption, decimalExponent, draftNote, excerpt, figures, numberWord } from './common';
import type { Answer } from '../model';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  {
    code: 'precision.significant-figures',
    title: 'A number has fewer significant figures than the form asks',
    severity: 'warning',
  },
  {
    code: 'precision.unit',
    title: "A number is given in a unit other than the form's",
    severity: 'error',
    fixable: true,
  },
  { code: 'precision.unit-missing', title: 'A number of data points has no unit', severity: 'warning' },
  {
    code: 'precision.order-of-magnitude',
    title: 'An order of magnitude is not a power of ten',
    severity: 'warning',
    fixable: true,
  },
  { code: 'precision.not-a-number', title: 'A value the form asks as a number is not a number', severity: 'error' },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

/** A unit the form does not use, and how to convert from it where the conversion is exact. */
interface Conversion {
  readonly re: RegExp;
  readonly factor: number;
  /** The unit to write after conversion; `$1` is the text the pattern captured before the unit. */
  readonly to: string;
}

interface UnitRule {
  /** The unit is optional (a bare number carries it). */
  readonly implied: boolean;
  readonly accepts: RegExp;
  readonly conversions: readonly Conversion[];
}

const SECONDS_PER_DAY = 86_400;
const HOURS_PER_DAY = 24;
const DAYS_PER_WEEK = 7;
const SI: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15, e: 1e18, z: 1e21, y: 1e24 };

/** Unit rules, keyed by the unit the catalogue gives for the item. Conversions are units, not Code figures. */
const UNITS: Readonly<Record<string, UnitRule>> = {
  parameters: {
    implied: true,
    accepts: /^(parameters?|params?)$/i,
    conversions: [
      { re: /^(?:k|thousand)(?:\s*param(?:eter)?s?)?$/i, factor: 1e3, to: '' },
      { re: /^(?:m|mn|million)(?:\s*param(?:eter)?s?)?$/i, factor: 1e6, to: '' },
      { re: /^(?:b|bn|billion)(?:\s*param(?:eter)?s?)?$/i, factor: 1e9, to: '' },
      { re: /^(?:t|tn|trillion)(?:\s*param(?:eter)?s?)?$/i, factor: 1e12, to: '' },
    ],
  },
  FLOP: {
    implied: true,
    accepts: /^flops?$/i,
    conversions: [
      { re: /^(?:peta-?flops?|pf|pflops?|pfs)[-\s]?days?$/i, factor: SI.p * SECONDS_PER_DAY, to: '' },
      ...Object.entries(SI).map(([prefix, factor]) => ({ re: new RegExp(`^${prefix}flops?$`, 'i'), factor, to: '' })),
    ],
  },
  MWh: {
    implied: true,
    accepts: /^mwh$/i,
    conversions: [
      { re: /^wh$/i, factor: 1e-6, to: 'MWh' },
      { re: /^kwh$/i, factor: 1e-3, to: 'MWh' },
      { re: /^gwh$/i, factor: 1e3, to: 'MWh' },
      { re: /^twh$/i, factor: 1e6, to: 'MWh' },
    ],
  },
  days: {
    implied: true,
    accepts: /^(days?|d)$/i,
    conversions: [
      { re: /^(?:hours?|hrs?|h)$/i, factor: 1 / HOURS_PER_DAY, to: '' },
      { re: /^weeks?$/i, factor: DAYS_PER_WEEK, to: '' },
    ],
  },
  'hardware-days': {
    implied: true,
    accepts: /(^|[\s-])days?$/i,
    conversions: [
      { re: /^(.*?)(?:hours?|hrs?)$/i, factor: 1 / HOURS_PER_DAY, to: '$1days' },
      { re: /^(.*?)weeks?$/i, factor: DAYS_PER_WEEK, to: '$1days' },
    ],
  },
  declared: { implied: false, accepts: /\S/, conversions: [] },
};

/** The days of each kind of hardware (form 7.2): counted in hardware-days, such as H100-days. */
const HARDWARE = KEYS.computational_resources.training_time.hardware_days;
const HARDWARE_DAYS = keySpecAt([...HARDWARE.path, 0, ...HARDWARE.each.days.rel]);

function unitRuleFor(item: FormItem, v: Answer): UnitRule {
  if (v.spec === HARDWARE_DAYS) return UNITS['hardware-days'];
  const p = item.precision;
  const unit = p && (p.kind === 'significant-figures' || p.kind === 'order-of-magnitude') ? p.unit : undefined;
  return (unit && UNITS[unit]) || UNITS.declared;
}

export const precision = defineRule({
  name: 'precision',
  codes,
  check(ctx) {
    const findings: Finding<Code>[] = [];
    for (const v of ctx.model.all) {
      if (v.spec.type !== 'quantity') continue;
      const item = getFormItem(v.spec.id);
      const text = v.text;
      if (!item || text === undefined || !text.trim() || findPlaceholder(text) || parseNotApplicable(text)) continue;
      findings.push(...checkQuantity(ctx, v, item, text));
    }
    return capForExemption(ctx, codes, findings);
  },
});

function checkQuantity(ctx: RuleContext, v: Answer, item: FormItem, text: string): Finding<Code>[] {
  const range = v.range;
  const q = parseQuantity(text);
  if (!q || !Number.isFinite(q.value)) {
    return [
      {
        code: 'precision.not-a-number',
        range,
        id: item.id,
        message: `${Named(item.id)} asks for a number; "${excerpt(text.trim())}" is not one. Write the figure in scientific notation, such as ${example(v)}.`,
      },
    ];
  }
  const unitFinding = checkUnit(v, item, q, range);
  if (unitFinding) return [unitFinding];
  const p = item.precision;
  if (p?.kind === 'order-of-magnitude') return checkMagnitude(ctx, v, item, q, range);
  if (p?.kind === 'significant-figures' && q.significantFigures < p.min) {
    const note = draftNote(item.confidence.precision, `the precision rule of ${item.number}`);
    return [
      {
        code: 'precision.significant-figures',
        range,
        id: item.id,
        message: `${Named(item.id)} asks for at least ${figures(p.min)}${note}; ${excerpt(q.numberText)} has ${numberWord(q.significantFigures)}. Write the figure to ${figures(p.min)}, such as ${formatScientific(q.value, p.min)} if that is what it is.`,
      },
    ];
  }
  return [];
}

/** The example the key tree gives for this key ("e.g. 2.4e25"), for messages. */
function example(v: Answer): string {
  return /e\.g\. ([^,]+)/.exec(v.spec.hint ?? '')?.[1].trim() ?? '1.5e13 tokens';
}

function formUnitOf(rule: UnitRule, item: FormItem): string {
  if (rule === UNITS['hardware-days']) return 'hardware-days (such as H100-days)';
  const p = item.precision;
  return p && (p.kind === 'significant-figures' || p.kind === 'order-of-magnitude') ? p.unit : 'days';
}

function checkUnit(v: Answer, item: FormItem, q: Quantity, range: Finding['range']): Finding<Code> | undefined {
  const rule = unitRuleFor(item, v);
  const unit = bareUnit(q.unit);
  if (!unit) {
    if (rule.implied) return undefined;
    return {
      code: 'precision.unit-missing',
      range,
      id: item.id,
      message: `${Named(item.id)}: ${excerpt(q.numberText)} has no unit. The form asks for the unit of each figure (tokens, documents, images, hours of video, frames…), such as ${excerpt(q.numberText)} tokens.`,
    };
  }
  if (rule.accepts.test(unit)) return undefined;
  const formUnit = formUnitOf(rule, item);
  const base = `${Named(item.id)} is given in ${formUnit}; "${excerpt(unit)}" is not that unit.`;
  const converted = convert(q, rule, item);
  if (!converted) {
    return {
      code: 'precision.unit',
      range,
      id: item.id,
      message: `${base} Convert the figure to ${formUnit}${rule.implied ? ' and write the number alone' : ''}, such as ${example(v)}.`,
    };
  }
  const shown = converted.unit ? converted.value : `${converted.value} ${formUnit}`;
  return {
    code: 'precision.unit',
    range,
    id: item.id,
    fix: { kind: 'set-value', path: v.path, value: converted.value, title: `Convert to ${shown}` },
    message: `${base} ${excerpt(q.numberText)} ${excerpt(unit)} is ${shown}: write ${converted.value}.`,
  };
}

/** The value converted to the form's unit, with enough figures to be exact; `undefined` if it cannot be. */
function convert(q: Quantity, rule: UnitRule, item: FormItem): { value: string; unit: boolean } | undefined {
  for (const c of rule.conversions) {
    const m = c.re.exec(bareUnit(q.unit));
    if (!m) continue;
    const min = item.precision?.kind === 'significant-figures' ? item.precision.min : 1;
    const written = exactly(q.value * c.factor, Math.max(q.significantFigures, min));
    if (!written) return undefined;
    const unit = c.to.replace('$1', m[1] ?? '').trim();
    return { value: unit ? `${written} ${unit}` : written, unit: Boolean(unit) };
  }
  return undefined;
}

/** A conversion that needs more figures than this is not exact in practice (100 hours = 4.1666… days). */
const MAX_FIGURES = 6;

function exactly(value: number, from: number): string | undefined {
  for (let n = from; n <= MAX_FIGURES; n++) {
    if (Math.abs(roundToSignificant(value, n) - value) <= Math.abs(value) * 1e-12) return formatScientific(value, n);
  }
  return undefined;
}

function checkMagnitude(
  ctx: RuleContext,
  v: Answer,
  item: FormItem,
  q: Quantity,
  range: Finding['range'],
): Finding<Code>[] {
  if (!(q.value > 0)) return [];
  const exponent = decimalExponent(q.value);
  if (q.value.toExponential().startsWith('1e')) return [];
  const value = `1e${exponent}${q.unit ? ` ${q.unit}` : ''}`;
  // Where the precise figure it derives from has another order of magnitude, the consistency rule reports
  // it and its fix writes the derived power of ten: writing this one would only trade one wrong value for another.
  const derived = parseQuantity(derivedValue(ctx.doc, item.id) ?? '');
  const contradicted = Boolean(
    derived && derived.value > 0 && Number.isFinite(derived.value) && decimalExponent(derived.value) !== exponent,
  );
  return [
    {
      code: 'precision.order-of-magnitude',
      range,
      id: item.id,
      ...(contradicted
        ? {}
        : {
            fix: { kind: 'set-value', path: v.path, value, title: `Write the order of magnitude, ${value}` } as const,
          }),
      message: `${Named(item.id)} is an order of magnitude only, a power of ten; ${excerpt(q.numberText)} is not one. Its order of magnitude is 1e${exponent}; the precise figure belongs in ${named(item.derivedFrom ?? item.id)}.`,
    },
  ];
}
