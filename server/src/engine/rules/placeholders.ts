/**
 * Answers not written yet: placeholders (TODO, TBD, FIXME, lorem ipsum, `<fill in>`, `???`, `xxx`), the
 * template's own hint text left unchanged, and required keys written with an empty value. Coverage counts
 * them as partial or missing, never covered; this rule says where they are.
 */
import { isMap, isScalar } from 'yaml';
import {
  formatKeys,
  formItems,
  getFormItem,
  getMeasure,
  keyPathsFor,
  measures,
  type PathSegment,
  summaryTemplateItems,
  type KeySpec,
  named,
} from '../catalogue';
import { requirement } from '../requirements';
import { findPlaceholder } from '../values';
import { dotted } from './common';
import type { Answer } from '../model';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  {
    code: 'answer.placeholder',
    title: "A placeholder or the template's example text is left in an answer",
    severity: 'warning',
  },
  { code: 'answer.empty', title: 'A required answer is written empty', severity: 'warning' },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

/** Types whose scalar values are free answers, where a placeholder can hide. */
const TEXT_TYPES = new Set(['text', 'quantity', 'url', 'na-or-list', 'list']);

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim();

/** Every hint and "what to write" text of the catalogue: an answer equal to one is the template left unchanged. */
const TEMPLATE_TEXTS: ReadonlySet<string> = (() => {
  const texts = new Set<string>();
  const walk = (specs: readonly KeySpec[]) => {
    for (const s of specs) {
      if (s.hint) texts.add(normalise(s.hint));
      if (s.children) walk(s.children);
      if (s.entry) walk([s.entry]);
    }
  };
  walk(formatKeys);
  for (const i of formItems) texts.add(normalise(i.whatToWrite));
  for (const m of measures) texts.add(normalise(m.summary));
  for (const t of summaryTemplateItems) texts.add(normalise(t.whatToGive));
  texts.delete('');
  return texts;
})();

const LONGEST_TEMPLATE_TEXT = Math.max(...[...TEMPLATE_TEXTS].map((t) => t.length));

/** The first word of every template text: an answer that starts with another word is not one. */
const FIRST_WORDS: ReadonlySet<string> = new Set([...TEMPLATE_TEXTS].map((t) => t.split(' ')[0]));

function isTemplateText(text: string): boolean {
  // Whitespace may be reflowed, so compare within a margin before normalising.
  if (text.length > 2 * LONGEST_TEMPLATE_TEXT) return false;
  // Normalising every short answer costs more than the rest of the rule: look at its first word first (as
  // normalise leaves it: lower case, and without its final dots when it ends the answer).
  const first = /\S+/.exec(text)?.[0].toLowerCase();
  if (!first || !(FIRST_WORDS.has(first) || FIRST_WORDS.has(first.replace(/\.+$/, '')))) return false;
  return TEMPLATE_TEXTS.has(normalise(text));
}

/** The placeholder or template text an answer holds, if any. */
function placeholderIn(v: Answer): string | undefined {
  const text = v.text ?? '';
  return findPlaceholder(text)?.marker ?? (isTemplateText(text) ? "the template's example text" : undefined);
}

export const placeholders = defineRule({
  name: 'placeholders',
  codes,
  check(ctx) {
    const findings: Finding<Code>[] = [];
    // Empty parts of one answer (the three splits of 6.5, the fields of a crawler) make one finding.
    const empty = new Map<string, { unit: readonly PathSegment[]; parts: Answer[] }>();
    for (const v of ctx.model.all) {
      if (v.empty) {
        if (!isEmptyAnswer(ctx, v)) continue;
        const unit = unitPath(v);
        const key = JSON.stringify(unit);
        const group = empty.get(key) ?? { unit, parts: [] };
        group.parts.push(v);
        empty.set(key, group);
        continue;
      }
      if (!TEXT_TYPES.has(v.spec.type) || !isScalar(v.node)) continue;
      const marker = v.fact(placeholderIn);
      if (marker) {
        findings.push({
          code: 'answer.placeholder',
          range: v.range,
          id: v.spec.id,
          message: `${where(v)} is not written yet: it holds ${marker.startsWith('the ') ? marker : `the placeholder "${marker}"`}. Replace it with the answer; until then it counts as incomplete.`,
        });
      }
    }
    for (const group of empty.values()) findings.push(emptyFinding(ctx, group.unit, group.parts));
    return findings;
  },
});

/** A required value written empty (an empty block of keys is reported key by key as missing instead). */
function isEmptyAnswer(ctx: RuleContext, v: Answer): boolean {
  if (v.spec.type === 'map' || (v.spec.type === 'flag-or-map' && isMap(v.node))) return false;
  return requirement(ctx.doc, v.spec, v.path).kind === 'required';
}

/**
 * The answer a value belongs to, as the coverage model counts it: a form item or summary item (its key), a
 * field of a measure's answer, or the value itself.
 */
function unitPath(v: Answer): readonly PathSegment[] {
  const own = keyPathsFor(v.spec.id)
    .filter((p) => p.length <= v.path.length && p.every((s, i) => s === v.path[i]))
    .sort((a, b) => b.length - a.length)[0];
  if (!own) return v.path;
  if (getMeasure(v.spec.id) && v.path.length > own.length) return v.path.slice(0, own.length + 1);
  return own;
}

function emptyFinding(ctx: RuleContext, unit: readonly PathSegment[], parts: readonly Answer[]): Finding<Code> {
  const v = parts[0]!;
  const item = getFormItem(v.spec.id);
  const ask = item
    ? ` ${item.whatToWrite}`
    : v.spec.hint
      ? ` ${v.spec.hint}`
      : getMeasure(v.spec.id) && v.spec.key === 'summary'
        ? ` ${getMeasure(v.spec.id)!.summary}`
        : '';
  if (parts.length === 1)
    return {
      code: 'answer.empty',
      range: v.range,
      id: v.spec.id,
      message: `${where(v)} is empty.${ask} An empty answer counts as missing.`,
    };
  const answer = ctx.model.at(unit);
  const names = parts.map((p) => `\`${dotted(p.path.slice(unit.length))}\``);
  const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return {
    code: 'answer.empty',
    range: answer?.keyRange ?? v.range,
    id: v.spec.id,
    message: `${where(answer ?? v)} is not written yet: ${list} are empty.${item ? ` ${item.whatToWrite}` : ''} An empty answer counts as missing.`,
  };
}

/** "Form 2.1 “Model architecture” (`model_properties.model_architecture`)", "An entry of …". */
function where(v: Answer): string {
  const inList = typeof v.path[v.path.length - 1] === 'number';
  // An item written over several keys (1.2: the model's name and its versions) names the key's part of it.
  const paths = getFormItem(v.spec.id) ? keyPathsFor(v.spec.id) : [];
  const part =
    paths.length > 1 && dotted(paths[0]!) !== dotted(v.path.slice(0, paths[0]!.length))
      ? `the ${v.spec.key.replace(/_/g, ' ')} part of `
      : '';
  const name =
    getFormItem(v.spec.id) || getMeasure(v.spec.id)
      ? `${part}${named(v.spec.id)} (\`${dotted(v.path)}\`)`
      : `\`${dotted(v.path)}\``;
  const text = inList ? `an entry of ${name}` : name;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
