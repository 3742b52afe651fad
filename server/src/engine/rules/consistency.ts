/**
 * One fact, two precisions: where the form asks the same fact of the AI Office precisely and of others
 * coarsely (total parameters and the parameter range, wall-clock days and the training-time range, compute
 * and its order of magnitude, data points for the AI Office and for national authorities), the coarse value
 * is derived from the precise one. When both are written and disagree, the fix sets the derived value.
 */
import {
  findOption,
  getFormItem,
  getValueSet,
  KEYS,
  keySpecAt,
  named,
  Named,
  type PathSegment,
  type ValueSetId,
} from '../catalogue';
import { rangeContaining, rangesAccepting } from '../answers';
import type { FileModel } from '../model';
import { formatScientific, parseQuantity, roundToSignificant, type Quantity } from '../values';
import { bareUnit, capForExemption, decimalExponent, draftNote, excerpt, figures } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const codes = [
  {
    code: 'consistency.derived-value',
    title: 'A coarse value disagrees with the precise value it derives from',
    severity: 'error',
    fixable: true,
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const DATA = KEYS.data;
const SPLITS = [
  { precise: DATA.data_points.training, coarse: DATA.data_points_nca.training },
  { precise: DATA.data_points.testing, coarse: DATA.data_points_nca.testing },
  { precise: DATA.data_points.validation, coarse: DATA.data_points_nca.validation },
] as const;

interface RangePair {
  readonly precise: readonly string[];
  readonly coarse: readonly string[];
  readonly set: 'parameter-ranges' | 'training-time-ranges';
  /** Units a precise figure may carry and still be compared (the precision rule reports others). */
  readonly units: RegExp;
}

const RANGE_PAIRS: readonly RangePair[] = [
  {
    precise: KEYS.model_properties.total_model_size.path,
    coarse: KEYS.model_properties.parameter_range.path,
    set: 'parameter-ranges',
    units: /^(|parameters?|params?)$/i,
  },
  {
    precise: KEYS.computational_resources.training_time.wall_clock_days.path,
    coarse: KEYS.computational_resources.training_time_range.path,
    set: 'training-time-ranges',
    units: /^(|days?|d)$/i,
  },
];

export const consistency = defineRule({
  name: 'consistency',
  codes,
  check(ctx) {
    const model = ctx.model;
    const findings: Finding<Code>[] = [
      ...RANGE_PAIRS.flatMap((p) => rangeFinding(model, p)),
      ...magnitudeFinding(model),
      ...SPLITS.flatMap((split) => dataPointsFinding(model, split)),
    ];
    return capForExemption(ctx, codes, findings);
  },
});

function quantityAt(model: FileModel, path: readonly PathSegment[]): Quantity | undefined {
  const text = model.text(path);
  const q = text ? parseQuantity(text) : undefined;
  return q && Number.isFinite(q.value) && q.value >= 0 ? q : undefined;
}

function rangeFinding(model: FileModel, pair: RangePair): Finding<Code>[] {
  const precise = quantityAt(model, pair.precise);
  const written = model.text(pair.coarse)?.trim();
  if (!precise || !pair.units.test(bareUnit(precise.unit)) || !written) return [];
  const option = findOption(pair.set, written);
  if (!option || rangesAccepting(pair.set, precise.value).includes(option.value)) return [];
  const derived = rangeContaining(pair.set, precise.value)!;
  const coarseId = idAt(pair.coarse);
  const preciseId = idAt(pair.precise);
  return [
    {
      code: 'consistency.derived-value',
      range: model.range(pair.coarse),
      id: coarseId,
      fix: {
        kind: 'set-value',
        path: pair.coarse,
        value: derived,
        title: `Set the ${rangeName(pair.set)} to ${derived}`,
      },
      message: `${Named(coarseId)} says ${written}, but ${named(preciseId)} is ${excerpt(precise.numberText)}${precise.unit ? ` ${excerpt(precise.unit)}` : ''}, which falls in ${derived}. The range is derived from that figure: set it to ${derived}, correct the figure, or leave the range out and let gpai-docs derive it.`,
    },
  ];
}

function magnitudeFinding(model: FileModel): Finding<Code>[] {
  const precisePath = KEYS.computational_resources.training_compute.path;
  const coarsePath = KEYS.computational_resources.training_compute_magnitude.path;
  const precise = quantityAt(model, precisePath);
  const coarse = quantityAt(model, coarsePath);
  if (!precise || !coarse || !(precise.value > 0) || !(coarse.value > 0)) return [];
  const exponent = decimalExponent(precise.value);
  if (decimalExponent(coarse.value) === exponent) return [];
  const value = `1e${exponent}${coarse.unit ? ` ${coarse.unit}` : ''}`;
  const coarseId = idAt(coarsePath);
  return [
    {
      code: 'consistency.derived-value',
      range: model.range(coarsePath),
      id: coarseId,
      fix: { kind: 'set-value', path: coarsePath, value, title: `Set the order of magnitude to ${value}` },
      message: `${Named(coarseId)} says ${excerpt(coarse.numberText)}, but the training compute of ${named(idAt(precisePath))} is ${excerpt(precise.numberText)}, whose order of magnitude is 1e${exponent}. Set it to ${value}, correct the compute, or leave the order of magnitude out and let gpai-docs derive it.`,
    },
  ];
}

/** Agreement: the coarse figure equals the precise one rounded to the coarse figure's own significant figures. */
function dataPointsFinding(model: FileModel, split: (typeof SPLITS)[number]): Finding<Code>[] {
  const precisePath = split.precise.path;
  const coarsePath = split.coarse.path;
  const name = String(coarsePath[coarsePath.length - 1]);
  const precise = quantityAt(model, precisePath);
  const coarse = quantityAt(model, coarsePath);
  if (!precise || !coarse) return [];
  const rounded = roundToSignificant(precise.value, coarse.significantFigures);
  const sameUnit = !coarse.unit || !precise.unit || unitWord(coarse.unit) === unitWord(precise.unit);
  if (sameUnit && Math.abs(rounded - coarse.value) <= Math.abs(rounded) * 1e-9) return [];
  const unit = precise.unit || coarse.unit;
  const value = `${formatScientific(rounded, coarse.significantFigures)}${unit ? ` ${unit}` : ''}`;
  const item = getFormItem(split.coarse.id)!;
  const note = draftNote(item.confidence.precision, `the precision the form asks of ${item.number}`);
  const why = sameUnit
    ? `${excerpt(precise.numberText)} rounded to the ${figures(coarse.significantFigures)} written there is ${value}`
    : `the units differ (${excerpt(precise.unit)} and ${excerpt(coarse.unit)})`;
  return [
    {
      code: 'consistency.derived-value',
      range: model.range(coarsePath),
      id: item.id,
      fix: {
        kind: 'set-value',
        path: coarsePath,
        value,
        title: `Set the ${name} data points for national authorities to ${value}`,
      },
      message: `The ${name} data points for national authorities (${named(item.id)}) say ${excerpt(coarse.numberText)}${coarse.unit ? ` ${excerpt(coarse.unit)}` : ''}, but the AI Office figure (${named(split.precise.id)}) is ${excerpt(precise.numberText)}${precise.unit ? ` ${excerpt(precise.unit)}` : ''}: ${why}${note}. Set it to ${value}, correct the AI Office figure, or leave it out and let gpai-docs derive it.`,
    },
  ];
}

/** "tokens (deduplicated)" and "Token" are the same unit: the first word, singular, in lower case. */
function unitWord(unit: string): string {
  return unit
    .toLowerCase()
    .split(/[\s(,;]/)[0]
    .replace(/s$/, '');
}

/** The catalogue id a key documents, from the key tree. */
function idAt(path: readonly string[]): string {
  return keySpecAt(path)!.id;
}

/** "parameter range", "training-time range": the value set's name, for fix titles. */
function rangeName(set: ValueSetId): string {
  return getValueSet(set)
    .title.replace(/s? \(.*\)$/, '')
    .toLowerCase();
}
