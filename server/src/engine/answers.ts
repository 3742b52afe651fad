/**
 * The state of one answer in the file: written, partly written, missing, placeholder, N/A or derived.
 * Coverage counts these states and the preview shows them; "placeholder" and "empty" are never covered.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { CoverageState } from '../../../shared/types';
import { entrySpec, getFormItem, getValueSet, type KeySpec, type PathSegment } from './catalogue';
import { hasKey, nodeAt, scalarText, type GpaiDocument } from './document';
import { requirement } from './requirements';
import { findPlaceholder, formatScientific, parseNotApplicable, parseQuantity } from './values';

export interface AnswerState {
  readonly state: CoverageState;
  readonly reason: string;
  /** Finer state for display: what makes it partial or missing. */
  readonly detail:
    | 'written'
    | 'derived'
    | 'empty'
    | 'absent'
    | 'placeholder'
    | 'n/a'
    | 'n/a-not-allowed'
    | 'incomplete'
    | 'optional'
    | 'not-applicable';
}

const ok = (reason = 'written'): AnswerState => ({ state: 'covered', reason, detail: 'written' });

/** State of the key `spec` at `path`. */
export function answerState(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[]): AnswerState {
  const need = requirement(doc, spec, path);
  if (need.kind === 'not-applicable')
    return { state: 'not-applicable', reason: `not applicable: ${need.reason}`, detail: 'not-applicable' };
  if (!hasKey(doc, path) && !(typeof path[path.length - 1] === 'number' && nodeAt(doc, path))) {
    const derived = derivedFrom(doc, spec);
    if (derived) return { state: 'covered', reason: derived, detail: 'derived' };
    if (need.kind === 'optional') return { state: 'not-applicable', reason: optionalReason(spec), detail: 'optional' };
    return { state: 'missing', reason: 'not written', detail: 'absent' };
  }
  const node = nodeAt(doc, path);
  if (node === undefined || (isScalar(node) && (node.value === null || String(node.value).trim() === ''))) {
    if (spec.type === 'map') return mapState(doc, spec, path);
    return { state: 'missing', reason: 'empty answer', detail: 'empty' };
  }
  if (isScalar(node)) return scalarState(spec, scalarText(doc, node) ?? '');
  if (isMap(node) && (spec.type === 'map' || spec.type === 'flag-or-map')) return mapState(doc, spec, path);
  if (isMap(node) && spec.type === 'keyed-map')
    return node.items.length ? ok() : { state: 'missing', reason: 'empty answer', detail: 'empty' };
  if (isSeq(node)) return listState(doc, spec, path, node.items.length);
  return ok();
}

function scalarState(spec: KeySpec, text: string): AnswerState {
  const placeholder = findPlaceholder(text);
  if (placeholder)
    return { state: 'partial', reason: `placeholder text (${placeholder.marker})`, detail: 'placeholder' };
  const na = parseNotApplicable(text);
  if (na && spec.type !== 'enum') {
    const item = getFormItem(spec.id);
    if (item && !item.na.allowed)
      return {
        state: 'partial',
        reason: `"${na.words}" is not an answer the form allows here`,
        detail: 'n/a-not-allowed',
      };
    if (item?.na.reasonRequired && !na.reason)
      return {
        state: 'partial',
        reason: `"${na.words}" without the reason the form asks for`,
        detail: 'n/a-not-allowed',
      };
    return {
      state: 'not-applicable',
      reason: `answered ${na.words}${na.reason ? `: ${na.reason}` : ''}`,
      detail: 'n/a',
    };
  }
  return ok();
}

function mapState(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[]): AnswerState {
  const parts = (spec.children ?? []).map((c) => ({ spec: c, need: requirement(doc, c, [...path, c.key]) }));
  const required = parts.filter((p) => p.need.kind === 'required');
  if (!required.length) return ok();
  const states = required.map((p) => answerState(doc, p.spec, [...path, p.spec.key]));
  const done = states.filter((s) => s.state === 'covered' || s.state === 'not-applicable').length;
  if (done === states.length) return ok();
  const placeholder = states.find((s) => s.detail === 'placeholder');
  if (done === 0 && !states.some((s) => s.state === 'partial'))
    return { state: 'missing', reason: `none of its ${states.length} parts is written`, detail: 'empty' };
  const missingNames = required
    .filter((_, i) => states[i].state !== 'covered' && states[i].state !== 'not-applicable')
    .map((p) => p.spec.key);
  return {
    state: 'partial',
    detail: placeholder ? 'placeholder' : 'incomplete',
    reason: `${done} of ${states.length} parts written; ${placeholder ? 'placeholder in' : 'missing'}: ${missingNames.join(', ')}`,
  };
}

function listState(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[], length: number): AnswerState {
  if (!length) return { state: 'missing', reason: 'empty list', detail: 'empty' };
  if (!spec.children) return ok(`${length} ${length === 1 ? 'entry' : 'entries'}`);
  for (let i = 0; i < length; i++) {
    const entry = entrySpec(spec, i)!;
    const s = answerState(doc, entry, [...path, i]);
    if (s.state === 'partial' || s.state === 'missing')
      return { state: 'partial', reason: `entry ${i + 1}: ${s.reason}`, detail: s.detail };
  }
  return ok(`${length} ${length === 1 ? 'entry' : 'entries'}`);
}

function optionalReason(spec: KeySpec): string {
  const item = getFormItem(spec.id);
  if (item?.na.mayBeEmpty)
    return `optional: ${item.na.when ? item.na.when.toLowerCase() : 'the form lets it stay empty'}`;
  return 'optional here';
}

/** For a coarse item left out: the value gpai-docs derives from the precise one, as a reason. */
export function derivedFrom(doc: GpaiDocument, spec: KeySpec): string | undefined {
  const item = getFormItem(spec.id);
  if (!item?.derivedFrom) return undefined;
  const value = derivedValue(doc, item.id);
  return value ? `derived from form ${item.derivedFrom.slice(5)}: ${value}` : undefined;
}

/** The coarse value of a derived item (parameter range, training-time range, order of magnitude, NCA data points). */
export function derivedValue(doc: GpaiDocument, itemId: string): string | undefined {
  // Nothing is derived from what the checker flags (precision.unit, precision.not-a-number): "13 billion" is not
  // 13 parameters, so it yields no range. A bare number, or one in the form's own unit, is read.
  const number = (path: string[], unit: RegExp) => {
    const text = scalarText(doc, nodeAt(doc, path));
    const q = text ? parseQuantity(text) : undefined;
    const written = q?.unit.replace(/\s*[(,;].*$/s, '');
    return q && Number.isFinite(q.value) && (!written || unit.test(written)) ? q.value : undefined;
  };
  switch (itemId) {
    case 'form/2.10':
      return rangeContaining(
        'parameter-ranges',
        number(['model_properties', 'total_model_size'], /^(parameters?|params?)$/i),
      );
    case 'form/7.1':
      return rangeContaining(
        'training-time-ranges',
        number(['computational_resources', 'training_time', 'wall_clock_days'], /^(days?|d)$/i),
      );
    case 'form/7.3': {
      const compute = number(['computational_resources', 'training_compute'], /^flops?$/i);
      return compute && compute > 0 && Number.isFinite(compute)
        ? `1e${Math.floor(Math.log10(compute) + 1e-12)} FLOP`
        : undefined;
    }
    case 'form/6.4': {
      const parts = (['training', 'testing', 'validation'] as const).flatMap((split) => {
        const q = parseQuantity(scalarText(doc, nodeAt(doc, ['data', 'data_points', split])) ?? '');
        return q && Number.isFinite(q.value)
          ? [`${split} ${formatScientific(Number(q.value.toPrecision(1)), 1)}${q.unit ? ` ${q.unit}` : ''}`]
          : [];
      });
      return parts.length ? parts.join(', ') : undefined;
    }
  }
  return undefined;
}

/** The value of a range set that contains `value`; on a boundary, the lower range. */
export function rangeContaining(
  set: 'parameter-ranges' | 'training-time-ranges',
  value: number | undefined,
): string | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
  const option =
    getValueSet(set).options.find(
      (o) =>
        (o.min === undefined || value > o.min || (o.min === 0 && value === 0)) &&
        (o.max === undefined || value <= o.max),
    ) ?? getValueSet(set).options[0];
  return option.value;
}

/** All ranges that accept `value`: both neighbours when it sits exactly on a boundary. */
export function rangesAccepting(set: 'parameter-ranges' | 'training-time-ranges', value: number): string[] {
  return getValueSet(set)
    .options.filter((o) => (o.min === undefined || value >= o.min) && (o.max === undefined || value <= o.max))
    .map((o) => o.value);
}
