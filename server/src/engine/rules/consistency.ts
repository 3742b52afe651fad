/**
 * One fact, two precisions: where the form asks the same fact of the AI Office precisely and of others
 * coarsely (total parameters and the parameter range, wall-clock days and the training-time range, compute
 * and its order of magnitude, data points for the AI Office and for national authorities), the coarse value
 * is derived from the precise one. When both are written and disagree, the fix sets the derived value.
 */
import { findOption, getFormItem, keySpecAt, type PathSegment } from '../catalogue';
import { rangeContaining, rangesAccepting } from '../answers';
import { nodeAt, nodeRange, anchorRange, scalarText, type GpaiDocument } from '../document';
import { formatScientific, parseQuantity, roundToSignificant, type Quantity } from '../values';
import { bareUnit, capForExemption, decimalExponent, draftNote, excerpt, figures, nameOf, NameOf } from './common';
import type { CodeInfo, Finding, Rule } from './types';

const codes: readonly CodeInfo[] = [
  {
    code: 'consistency.derived-value',
    title: 'A coarse value disagrees with the precise value it derives from',
    severity: 'error',
    fixable: true,
  },
];

const SPLITS = ['training', 'testing', 'validation'] as const;

interface RangePair {
  readonly precise: readonly string[];
  readonly coarse: readonly string[];
  readonly set: 'parameter-ranges' | 'training-time-ranges';
  /** Units a precise figure may carry and still be compared (the precision rule reports others). */
  readonly units: RegExp;
}

const RANGE_PAIRS: readonly RangePair[] = [
  {
    precise: ['model_properties', 'total_model_size'],
    coarse: ['model_properties', 'parameter_range'],
    set: 'parameter-ranges',
    units: /^(|parameters?|params?)$/i,
  },
  {
    precise: ['computational_resources', 'training_time', 'wall_clock_days'],
    coarse: ['computational_resources', 'training_time_range'],
    set: 'training-time-ranges',
    units: /^(|days?|d)$/i,
  },
];

export const consistency: Rule = {
  name: 'consistency',
  codes,
  check(ctx) {
    const doc = ctx.doc;
    const findings: Finding[] = [
      ...RANGE_PAIRS.flatMap((p) => rangeFinding(doc, p)),
      ...magnitudeFinding(doc),
      ...SPLITS.flatMap((split) => dataPointsFinding(doc, split)),
    ];
    return capForExemption(ctx, codes, findings);
  },
};

function quantityAt(doc: GpaiDocument, path: readonly PathSegment[]): Quantity | undefined {
  const text = scalarText(doc, nodeAt(doc, path));
  const q = text ? parseQuantity(text) : undefined;
  return q && Number.isFinite(q.value) && q.value >= 0 ? q : undefined;
}

function rangeOf(doc: GpaiDocument, path: readonly PathSegment[]) {
  return nodeRange(doc, nodeAt(doc, path)) ?? anchorRange(doc, path);
}

function rangeFinding(doc: GpaiDocument, pair: RangePair): Finding[] {
  const precise = quantityAt(doc, pair.precise);
  const written = scalarText(doc, nodeAt(doc, pair.coarse))?.trim();
  if (!precise || !pair.units.test(bareUnit(precise.unit)) || !written) return [];
  const option = findOption(pair.set, written);
  if (!option || rangesAccepting(pair.set, precise.value).includes(option.value)) return [];
  const derived = rangeContaining(pair.set, precise.value)!;
  const coarseId = idAt(pair.coarse);
  const preciseId = idAt(pair.precise);
  return [
    {
      code: 'consistency.derived-value',
      range: rangeOf(doc, pair.coarse),
      id: coarseId,
      fix: { kind: 'set-value', path: pair.coarse, value: derived, title: `Set the ${label(coarseId)} to ${derived}` },
      message: `${NameOf(coarseId)} says ${written}, but ${nameOf(preciseId)} is ${excerpt(precise.numberText)}${precise.unit ? ` ${excerpt(precise.unit)}` : ''}, which falls in ${derived}. The range is derived from that figure: set it to ${derived}, correct the figure, or leave the range out and let gpai-docs derive it.`,
    },
  ];
}

function magnitudeFinding(doc: GpaiDocument): Finding[] {
  const precisePath = ['computational_resources', 'training_compute'];
  const coarsePath = ['computational_resources', 'training_compute_magnitude'];
  const precise = quantityAt(doc, precisePath);
  const coarse = quantityAt(doc, coarsePath);
  if (!precise || !coarse || !(precise.value > 0) || !(coarse.value > 0)) return [];
  const exponent = decimalExponent(precise.value);
  if (decimalExponent(coarse.value) === exponent) return [];
  const value = `1e${exponent}${coarse.unit ? ` ${coarse.unit}` : ''}`;
  const coarseId = idAt(coarsePath);
  return [
    {
      code: 'consistency.derived-value',
      range: rangeOf(doc, coarsePath),
      id: coarseId,
      fix: { kind: 'set-value', path: coarsePath, value, title: `Set the order of magnitude to ${value}` },
      message: `${NameOf(coarseId)} says ${excerpt(coarse.numberText)}, but the training compute of ${nameOf(idAt(precisePath))} is ${excerpt(precise.numberText)}, whose order of magnitude is 1e${exponent}. Set it to ${value}, correct the compute, or leave the order of magnitude out and let gpai-docs derive it.`,
    },
  ];
}

/** Agreement: the coarse figure equals the precise one rounded to the coarse figure's own significant figures. */
function dataPointsFinding(doc: GpaiDocument, split: (typeof SPLITS)[number]): Finding[] {
  const precisePath = ['data', 'data_points', split];
  const coarsePath = ['data', 'data_points_nca', split];
  const precise = quantityAt(doc, precisePath);
  const coarse = quantityAt(doc, coarsePath);
  if (!precise || !coarse) return [];
  const rounded = roundToSignificant(precise.value, coarse.significantFigures);
  const sameUnit = !coarse.unit || !precise.unit || unitWord(coarse.unit) === unitWord(precise.unit);
  if (sameUnit && Math.abs(rounded - coarse.value) <= Math.abs(rounded) * 1e-9) return [];
  const unit = precise.unit || coarse.unit;
  const value = `${formatScientific(rounded, coarse.significantFigures)}${unit ? ` ${unit}` : ''}`;
  const item = getFormItem('form/6.4')!;
  const note = draftNote(item.confidence.precision, `the precision the form asks of ${item.number}`);
  const why = sameUnit
    ? `${excerpt(precise.numberText)} rounded to the ${figures(coarse.significantFigures)} written there is ${value}`
    : `the units differ (${excerpt(precise.unit)} and ${excerpt(coarse.unit)})`;
  return [
    {
      code: 'consistency.derived-value',
      range: rangeOf(doc, coarsePath),
      id: item.id,
      fix: {
        kind: 'set-value',
        path: coarsePath,
        value,
        title: `Set the ${split} data points for national authorities to ${value}`,
      },
      message: `The ${split} data points for national authorities (${nameOf(item.id)}) say ${excerpt(coarse.numberText)}${coarse.unit ? ` ${excerpt(coarse.unit)}` : ''}, but the AI Office figure (${nameOf('form/6.5')}) is ${excerpt(precise.numberText)}${precise.unit ? ` ${excerpt(precise.unit)}` : ''}: ${why}${note}. Set it to ${value}, correct the AI Office figure, or leave it out and let gpai-docs derive it.`,
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

/** "parameter range", for fix titles. */
function label(id: string): string {
  return getFormItem(id)!.label.toLowerCase();
}
