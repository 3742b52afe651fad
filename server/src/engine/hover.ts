/**
 * Hovers: on a key, the catalogue entry it documents (the form item with its recipients, words, N/A rule,
 * Annex point and Code measure; the measure or commitment; the format entry) and how it stands in this
 * file; on a value, what the value means (a range and its bounds, a modality, a classification, a status,
 * a number with what gpai-docs derives from it). Markdown, from explain.ts and the catalogue.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { CoverageNode } from '../../../shared/types';
import {
  audienceLabels,
  cite,
  entry,
  findOption,
  formItems,
  getFormItem,
  getValueSet,
  itemLabel,
  itemsOfSection,
  KEYS,
  keySpecAt,
  named,
  thresholds,
  type KeySpec,
  type PathSegment,
  type ValueOption,
} from './catalogue';
import { answerState, derivedValue } from './answers';
import { applicability } from './applicability';
import { coverageBranch } from './coverage';
import { DOCS_BASE } from './diagnostics';
import type { GpaiDocument } from './document';
import { explainEntry } from './explain';
import { code, text } from './markdown';
import { fileModel, scalarText } from './model';
import { locate } from './locate';
import { notificationDue } from './roles';
import { readableDate } from './rules/common';
import { findPlaceholder, formatScientific, parseIsoDate, parseNotApplicable, parseQuantity } from './values';

const FOOTER = `[The .gpai.yaml format](${DOCS_BASE}format.md) · [Diagnostics](${DOCS_BASE}diagnostics.md)`;

export function getHover(doc: GpaiDocument, position: Position): Hover | null {
  const at = locate(doc, position);
  if (!at) return null;
  const spec = keySpecAt(at.path);
  if (!spec) return null;
  const parts = at.on === 'value' ? [...valueHover(doc, spec, scalarText(doc, at.node) ?? ''), '---'] : [];
  parts.push(...keyHover(doc, spec, at.path), FOOTER);
  return { contents: { kind: MarkupKind.Markdown, value: parts.filter(Boolean).join('\n\n') }, range: at.range };
}

// ---- Keys -------------------------------------------------------------------------------------------

function keyHover(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[]): string[] {
  const parent = keySpecAt(path.slice(0, -1));
  const name =
    typeof path[path.length - 1] === 'number'
      ? `${String(path[path.length - 2])}[${String(path[path.length - 1])}]`
      : spec.key;
  const head: string[] = [];
  if (parent?.type === 'keyed-map' && parent.values) {
    const option = findOption(parent.values, spec.key);
    head.push(option ? `${code(name)}: ${option.label} (${getValueSet(parent.values).title})` : code(name));
  } else if (parent?.id === spec.id && spec.type !== 'map' && entry(spec.id)?.kind !== 'form-section') {
    head.push(`${code(name)} of ${cite(spec.id)}${spec.hint ? `: ${spec.hint}` : ''}`);
  } else {
    head.push(code(name));
  }
  const item = getFormItem(spec.id);
  if (item) head[0] += ` · serves ${cite(item.measure)} (\`${item.measure}\`)`;
  return [...head, ...entryHover(spec), stateLine(doc, spec, path)];
}

/** The catalogue entry of a key, in full. */
function entryHover(spec: KeySpec): string[] {
  const e = entry(spec.id);
  if (!e) return [];
  switch (e.kind) {
    case 'form-section': {
      const items = itemsOfSection(e.number).map(
        (i) => `- ${i.number} ${itemLabel(i)}: ${i.recipients.map((a) => audienceLabels[a].short).join(', ')}`,
      );
      return [
        `**Section ${e.number} “${e.title}”** of the Model Documentation Form (${cite(e.measure)})`,
        items.join('\n'),
      ];
    }
    case 'summary-section':
      return [`**Public summary of training content, Section ${e.number} “${e.title}”** (AI Act Art. 53(1)(d))`];
    default: {
      const explained = explainEntry(e);
      return explained ? [explained.markdown] : [];
    }
  }
}

/** How the key stands in this file: "covered", "missing: not written", "derived from form 2.9: 50B-100B". */
function stateLine(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[]): string {
  // Only chapters, commitments, measures and form sections have a state of their own in the coverage model,
  // and only their own branch is needed: cheaper on a version the writer just typed than the whole model.
  const branch = coverageBranch(doc, spec.id);
  const node = branch ? findCoverage([branch], spec.id, path) : undefined;
  if (node?.kind === 'section' || node?.kind === 'commitment' || node?.kind === 'measure' || node?.kind === 'chapter')
    return `**In this file:** ${text(node.reason)}`;
  const state = answerState(doc, spec, path);
  const reason = state.state === 'covered' && state.reason === 'written' ? 'answered' : state.reason;
  return `**In this file:** ${text(reason)}`;
}

function findCoverage(
  nodes: readonly CoverageNode[] | undefined,
  id: string,
  path: readonly PathSegment[],
): CoverageNode | undefined {
  for (const n of nodes ?? []) {
    if (n.id === id && n.path && n.path.length === path.length && n.path.every((s, i) => s === path[i])) return n;
    const inner = findCoverage(n.children, id, path);
    if (inner) return inner;
  }
  return undefined;
}

// ---- Values -----------------------------------------------------------------------------------------

/** What a value means. `written` is the writer's text: it reaches the Markdown only through `text` and `code`. */
function valueHover(doc: GpaiDocument, spec: KeySpec, written: string): string[] {
  const placeholder = findPlaceholder(written);
  if (placeholder && spec.type !== 'enum')
    return [`**Placeholder** (${text(placeholder.marker)}): not an answer yet, and never counted as covered.`];
  const na = parseNotApplicable(written);
  if (na && spec.type !== 'enum' && !(spec.type === 'enum-list'))
    return [naHover(spec, text(na.words), text(na.reason))];
  if ((spec.type === 'enum' || spec.type === 'enum-list') && spec.values) return choiceHover(doc, spec, written);
  if (spec.type === 'quantity' || spec.type === 'number') return quantityHover(doc, spec, written);
  if (spec.id === KEYS.classification.threshold_date.id) return thresholdDateHover(doc, written);
  return [];
}

function naHover(spec: KeySpec, words: string, reason: string): string {
  const item = getFormItem(spec.id);
  if (!item) return `**${words}**${reason ? `: ${reason}` : ''}`;
  if (!item.na.allowed) return `**${words}** is not an answer the form allows for ${item.number} “${itemLabel(item)}”.`;
  const why =
    item.na.reasonRequired && !reason
      ? item.na.reasonIn
        ? ` The form asks for the reason in ${named(item.na.reasonIn)}, or add it after the words.`
        : ' The form asks for the reason: add it after the words.'
      : '';
  return `**${words}** is allowed for ${item.number} “${itemLabel(item)}” when: ${item.na.when ?? ''}${reason ? `\n\nReason given: ${reason}` : ''}${why}`;
}

function choiceHover(doc: GpaiDocument, spec: KeySpec, written: string): string[] {
  const set = getValueSet(spec.values!);
  const option = findOption(set.id, written);
  if (!option)
    return [
      `${code(written)} is not one of the ${set.title.toLowerCase()}: ${set.options.map((o) => `\`${o.value}\``).join(', ')}.`,
    ];
  const lines = [`**\`${option.value}\`**: ${option.label}${option.description ? `. ${option.description}` : ''}`];
  const bounds = boundsOf(set.id, option);
  if (bounds) lines.push(bounds);
  const derivedItem = formItems.find((i) => i.id === spec.id && i.derivedFrom);
  if (derivedItem) {
    const derived = derivedValue(doc, derivedItem.id);
    const source = getFormItem(derivedItem.derivedFrom!)!;
    if (derived && derived !== option.value)
      lines.push(`gpai-docs derives ${code(derived)} from ${source.number} “${itemLabel(source)}”.`);
    else if (derived) lines.push(`Consistent with ${source.number} “${itemLabel(source)}”.`);
  }
  lines.push(`_${set.title}${set.note ? `: ${set.note}` : ''}_`);
  return lines;
}

function boundsOf(set: string, o: ValueOption): string | undefined {
  if (o.min === undefined && o.max === undefined) return undefined;
  const unit = set === 'training-time-ranges' ? 'wall-clock days' : set === 'parameter-ranges' ? 'parameters' : '';
  const fmt = (n: number) => (set === 'training-time-ranges' ? n.toFixed(1) : formatScientific(n));
  const low = o.min !== undefined && o.min > 0 ? `more than ${fmt(o.min)}` : undefined;
  const high = o.max !== undefined ? `at most ${fmt(o.max)}` : undefined;
  return `Bounds: ${[low, high].filter(Boolean).join(' and ')} ${unit}`.trimEnd() + '.';
}

function quantityHover(doc: GpaiDocument, spec: KeySpec, written: string): string[] {
  const q = parseQuantity(written);
  if (!q) return [`${code(written)} is not read as a number.`];
  const item = getFormItem(spec.id);
  const spelled =
    Math.abs(q.value) < 1e13 && !/^[\d.,]+$/.test(q.numberText)
      ? ` = ${q.value.toLocaleString('en-GB', { maximumFractionDigits: 6 })}`
      : '';
  const lines = [
    `**${text(q.numberText)}**${q.unit ? ` ${text(q.unit)}` : ''}${spelled}, written with ${q.significantFigures} significant figure${q.significantFigures === 1 ? '' : 's'}`,
  ];
  if (item?.precision?.kind === 'significant-figures') {
    const ok = q.significantFigures >= item.precision.min;
    lines[0] += ` (the form asks at least ${item.precision.min}${ok ? '' : ': add figures'})`;
  }
  for (const coarse of formItems.filter((i) => i.derivedFrom === spec.id)) {
    const value = derivedValue(doc, coarse.id);
    if (value)
      lines.push(
        `Derived for ${coarse.number} “${itemLabel(coarse)}” (${coarse.recipients.map((a) => audienceLabels[a].long).join(', ')}): ${code(value)}`,
      );
  }
  if (spec.id === KEYS.computational_resources.training_compute.id) {
    const limit = thresholds.systemicRiskCompute;
    const above = limit.comparison === 'at-least' ? q.value >= limit.flop : q.value > limit.flop;
    lines.push(
      above
        ? `Above the ${formatScientific(limit.flop, 1)} FLOP threshold: the model is presumed to have systemic risk (AI Act ${limit.provision}).`
        : `Not above the ${formatScientific(limit.flop, 1)} FLOP threshold of AI Act ${limit.provision}.`,
    );
    lines.push(scopeLine(doc, q.value));
  }
  const role = KEYS.classification;
  if (spec.id === role.modification_compute.id || spec.id === role.base_model_training_compute.id)
    lines.push(oneThirdLine(doc));
  return lines;
}

/**
 * What the indicative criterion of the Commission's guidelines says of a training compute. For a downstream
 * modifier, form 7.4 is the modification's compute: the criterion reads the base model's plus it.
 */
function scopeLine(doc: GpaiDocument, flop: number): string {
  const c = thresholds.gpaiIndicativeCompute;
  const role = applicability(doc).role;
  if (role.downstream) {
    const base = `\`${KEYS.classification.base_model_training_compute.path.join('.')}\``;
    if (role.baseCompute === undefined)
      return `For a modification, the indicative criterion of the ${c.source} reads the base model's training compute (${base}, not given) plus your modification's.`;
    flop = role.baseCompute + (role.modificationCompute ?? flop);
  }
  const above = c.comparison === 'at-least' ? flop >= c.flop : flop > c.flop;
  const limit = `${formatScientific(c.flop, 1)} FLOP`;
  const compared = role.downstream
    ? `The base model's training compute plus your modification's, ${formatScientific(flop)} FLOP, is ${above ? '' : 'not '}above ${limit}`
    : `${above ? 'Above' : 'Not above'} ${limit}`;
  return above
    ? `${compared}: with language (text or audio), image or video outputs, indicatively a general-purpose AI model (${c.source}).`
    : `${compared}: indicatively not a general-purpose AI model (${c.source}), unless \`gpai_scope_reason\` says why it is one.`;
}

/** The Art. 52(1) clock from the date the threshold was met or became foreseeable, and the notification's date. */
function thresholdDateHover(doc: GpaiDocument, written: string): string[] {
  const threshold = parseIsoDate(written);
  if (!threshold) return [];
  const due = notificationDue(threshold);
  const notified = parseIsoDate(fileModel(doc).text(KEYS.classification.notification_date.path) ?? '');
  const weeks = thresholds.notificationWeeks.value;
  const lines = [
    `**${readableDate(threshold.iso)}**: notify the Commission without delay and within ${weeks} weeks, by **${readableDate(due.iso)}** (AI Act Art. 52(1)).`,
  ];
  if (notified)
    lines.push(
      notified.iso <= due.iso
        ? `Notified on ${readableDate(notified.iso)}: in time.`
        : `Notified on ${readableDate(notified.iso)}: after the ${weeks} weeks.`,
    );
  return lines;
}

/** The one-third test of a downstream modification, from the file's figures. */
function oneThirdLine(doc: GpaiDocument): string {
  const r = applicability(doc).role;
  const share = thresholds.modificationComputeShare;
  if (r.modificationCompute === undefined || r.baseCompute === undefined || r.newModel === undefined)
    return `The one-third test (${share.source}) needs the compute of the modification and of the base model's training.`;
  const percent = ((100 * r.modificationCompute) / r.baseCompute).toPrecision(2);
  return r.newModel
    ? `The modification used ${percent} % of the base model's training compute, more than ${share.words}: you are the provider of a new general-purpose AI model, for the modification (${share.source}).`
    : `The modification used ${percent} % of the base model's training compute, at most ${share.words}: indicatively no GPAI-provider duties for it (${share.source}).`;
}
