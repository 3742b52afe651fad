/**
 * The state of one answer in the file: written, partly written, missing, placeholder, N/A or derived.
 * Coverage counts these states and the preview shows them; "placeholder" and "empty" are never covered.
 * Also the coarse values gpai-docs derives from precise ones (the key tree's `derivation`).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { CoverageState } from '../../../shared/types';
import {
  entrySpec,
  getFormItem,
  findOption,
  getValueSet,
  keyPathsFor,
  keySpecAt,
  ref,
  type FormItem,
  type KeySpec,
  type PathSegment,
} from './catalogue';
import type { GpaiDocument } from './document';
import { fileModel, type FileModel } from './model';
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
    | 'unfinished'
    | 'optional'
    | 'not-applicable';
}

const ok = (reason = 'written'): AnswerState => ({ state: 'covered', reason, detail: 'written' });

/**
 * Whether an "N/A" answer to `item` gives the reason the form asks for: after the words, or (8.1) in the
 * item where the form wants it, written.
 */
export function naReasonGiven(model: FileModel, item: FormItem, reason: string): boolean {
  if (!item.na.reasonRequired || reason) return true;
  return !!item.na.reasonIn && model.of(item.na.reasonIn).some((a) => !a.empty);
}

/** State of the key `spec` at `path`. */
export function answerState(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[]): AnswerState {
  const need = requirement(doc, spec, path);
  if (need.kind === 'not-applicable')
    return { state: 'not-applicable', reason: `not applicable: ${need.reason}`, detail: 'not-applicable' };
  const answer = fileModel(doc).at(path);
  if (!answer) {
    const derived = derivedFrom(doc, spec);
    if (derived) return { state: 'covered', reason: derived, detail: 'derived' };
    if (need.kind === 'optional') return { state: 'not-applicable', reason: optionalReason(spec), detail: 'optional' };
    return { state: 'missing', reason: 'not written', detail: 'absent' };
  }
  const node = answer.node;
  if (node === undefined || (isScalar(node) && (node.value === null || String(node.value).trim() === ''))) {
    if (spec.type === 'map') return mapState(doc, spec, path);
    return { state: 'missing', reason: 'empty answer', detail: 'empty' };
  }
  if (isScalar(node)) return scalarState(doc, spec, answer.text ?? '');
  if (isMap(node) && (spec.type === 'map' || spec.type === 'flag-or-map')) return mapState(doc, spec, path);
  if (isMap(node) && spec.type === 'keyed-map')
    return node.items.length ? ok() : { state: 'missing', reason: 'empty answer', detail: 'empty' };
  if (isSeq(node)) return listState(doc, spec, path, node.items.length);
  return ok();
}

function scalarState(doc: GpaiDocument, spec: KeySpec, text: string): AnswerState {
  // An enum answer that says the work is not done (a measure `in_progress` or `planned`).
  const unfinished = spec.type === 'enum' && spec.values ? findOption(spec.values, text) : undefined;
  if (unfinished?.unfinished)
    return { state: 'partial', reason: `${spec.key}: ${unfinished.label.toLowerCase()}`, detail: 'unfinished' };
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
    if (item && !naReasonGiven(fileModel(doc), item, na.reason))
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
  // A measure in progress or planned: its status says why it is partial, with anything else still open.
  const unfinished = states.find((s) => s.detail === 'unfinished');
  if (unfinished) {
    const open = required.filter((_, i) => states[i].state === 'missing').map((p) => p.spec.key);
    return {
      state: 'partial',
      detail: 'unfinished',
      reason: `${unfinished.reason}${open.length ? `; missing: ${open.join(', ')}` : ''}`,
    };
  }
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
    const entry = entrySpec(spec, i);
    // A list where the format wants a block of keys: the shape rule reports it, and there are no entries to walk.
    if (!entry) break;
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

// ---- Derived values ---------------------------------------------------------------------------------------

/** For a coarse key left out: the value gpai-docs derives from the precise one, as a reason. */
function derivedFrom(doc: GpaiDocument, spec: KeySpec): string | undefined {
  const item = getFormItem(spec.id);
  if (!item?.derivedFrom) return undefined;
  const value = derivedValue(doc, item.id);
  return value ? `derived from ${ref(item.derivedFrom).toLowerCase()}: ${value}` : undefined;
}

/**
 * The coarse value of a derived item (parameter range, training-time range, order of magnitude, data points
 * for national authorities), from the precise figures its keys' `derivation` names.
 */
export function derivedValue(doc: GpaiDocument, itemId: string): string | undefined {
  const parts = derivations(itemId).flatMap(({ key, spec }) => {
    const value = derive(doc, spec);
    return value === undefined ? [] : [{ key, value }];
  });
  if (!parts.length) return undefined;
  // Several keys (the splits of data points): each named.
  return parts.length === 1 && derivations(itemId).length === 1
    ? parts[0].value
    : parts.map((p) => `${p.key} ${p.value}`).join(', ');
}

/** The keys of an item that carry a derivation, in the key tree's order. */
function derivations(itemId: string): { key: string; spec: KeySpec }[] {
  const item = getFormItem(itemId);
  if (!item?.derivedFrom) return [];
  return keysOf(itemId).filter(({ spec }) => spec.derivation);
}

function keysOf(itemId: string): { key: string; spec: KeySpec }[] {
  const out: { key: string; spec: KeySpec }[] = [];
  const visit = (path: readonly PathSegment[]) => {
    const spec = keySpecAt(path);
    if (!spec || spec.id !== itemId) return;
    if (spec.derivation) out.push({ key: spec.key, spec });
    for (const child of spec.children ?? []) visit([...path, child.key]);
  };
  for (const path of keyPathsFor(itemId)) visit(path);
  return out;
}

function derive(doc: GpaiDocument, spec: KeySpec): string | undefined {
  const d = spec.derivation!;
  const text = fileModel(doc).text(d.from);
  const q = text ? parseQuantity(text) : undefined;
  if (!q || !Number.isFinite(q.value)) return undefined;
  // Nothing is derived from what the checker flags: "13 billion" is not 13 parameters. A bare number, or one
  // in a unit the derivation accepts, is read.
  const unit = q.unit.replace(/\s*[(,;].*$/s, '').toLowerCase();
  if (unit && d.units && !d.units.includes(unit)) return undefined;
  switch (d.how) {
    case 'range':
      return spec.values === 'parameter-ranges' || spec.values === 'training-time-ranges'
        ? rangeContaining(spec.values, q.value)
        : undefined;
    case 'order-of-magnitude':
      return q.value > 0 ? `1e${Math.floor(Math.log10(q.value) + 1e-12)} FLOP` : undefined;
    case 'rounded':
      return `${formatScientific(Number(q.value.toPrecision(1)), 1)}${q.unit ? ` ${q.unit}` : ''}`;
  }
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
