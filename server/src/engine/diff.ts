/**
 * The semantic diff of two versions of a documentation file: both are walked along the format's key tree,
 * block by block, list entries matched in order by what they say (diffValues.ts), keyed maps by key. Each value
 * that differs is one field change, `reworded` when it says the same thing written otherwise; formatting,
 * comments, key order and keys the format does not know are no change. diffGroups.ts gathers the field changes
 * into items, sections and chapters with who receives them. Pure: two parsed documents in, a value out.
 */
import type { DocumentChanges, FieldChange } from '../../../shared/changes';
import { derivedValue } from './answers';
import {
  entrySpec,
  findOption,
  formatKeys,
  formItems,
  getFormItem,
  KEYS,
  keyPathsFor,
  ref,
  type KeySpec,
  type PathSegment,
} from './catalogue';
import { diffGroups, forAudience } from './diffGroups';
import { documentKey, keyName, memo, type GpaiDocument } from './document';
import { lineAt, matchLists, meaningOf, writtenText } from './diffValues';
import { fileModel, type Answer, type FileModel } from './model';
import { isMap, isScalar, isSeq, type Pair } from 'yaml';

/** A value that changed, with the catalogue entry it documents; diffGroups.ts words and groups it. */
export interface FoundChange {
  readonly id: string;
  readonly change: Omit<FieldChange, 'field'>;
  /** The path used to name the field: the new one, or the old one when removed. */
  readonly path: readonly PathSegment[];
  /** The field's name when the path does not say it (a derived row). */
  readonly field?: string;
}

interface Side {
  readonly doc: GpaiDocument;
  readonly model: FileModel;
}

interface Walk {
  readonly old: Side;
  readonly new: Side;
  readonly out: FoundChange[];
}

/** The changes from `before` to `after`, for everyone or for one recipient of the form. */
export function diffDocuments(
  before: GpaiDocument,
  after: GpaiDocument,
  audience: DocumentChanges['audience'] = 'all',
): DocumentChanges {
  const all = diffGroups(fieldChanges(before, after), versionInfo(before), versionInfo(after));
  return audience === 'all' ? all : forAudience(all, audience);
}

/** Every value that differs between the two versions, in the key tree's order. */
export function fieldChanges(before: GpaiDocument, after: GpaiDocument): FoundChange[] {
  return memo(after, `diff:${documentKey(before)}`, () => {
    if (before.text === after.text) return [];
    const walk: Walk = { old: side(before), new: side(after), out: [] };
    for (const spec of formatKeys) diffKey(walk, spec, [spec.key], [spec.key]);
    diffDerived(walk);
    return walk.out;
  });
}

function side(doc: GpaiDocument): Side {
  return { doc, model: fileModel(doc) };
}

function versionInfo(doc: GpaiDocument): DocumentChanges['old'] {
  const model = fileModel(doc);
  const text = (path: readonly PathSegment[]) => model.text(path)?.trim() || undefined;
  return {
    version: text(KEYS.document.version.path),
    lastUpdated: text(KEYS.document.last_updated.path),
    model: text(KEYS.general_information.model_name.path),
    provider: text(KEYS.general_information.provider_legal_name.path),
  };
}

/** A written answer: absent, `key:` with nothing, `""`, `[]` and `{}` all say nothing. */
function present(model: FileModel, path: readonly PathSegment[] | undefined): Answer | undefined {
  const answer = path ? model.at(path) : undefined;
  return answer && !answer.empty ? answer : undefined;
}

function diffKey(
  walk: Walk,
  spec: KeySpec,
  oldPath: readonly PathSegment[] | undefined,
  newPath: readonly PathSegment[] | undefined,
): void {
  const o = present(walk.old.model, oldPath);
  const n = present(walk.new.model, newPath);
  if (!o && !n) return;
  const fits = (answer: Answer | undefined, is: (node: unknown) => boolean) => !answer || is(answer.node);
  const both = (is: (node: unknown) => boolean) => fits(o, is) && fits(n, is);
  if ((spec.type === 'map' || spec.type === 'flag-or-map') && both(isMap)) {
    for (const child of spec.children ?? [])
      diffKey(walk, child, o && [...oldPath!, child.key], n && [...newPath!, child.key]);
  } else if (spec.type === 'keyed-map' && both(isMap)) {
    diffKeyedMap(walk, spec, o && oldPath, n && newPath);
  } else if ((spec.type === 'list' || spec.type === 'na-or-list' || spec.type === 'enum-list') && both(isSeq)) {
    diffList(walk, spec, o && oldPath, n && newPath);
  } else {
    diffValue(walk, o, n);
  }
}

/** Entries by key, a modality's label or alias read as its value: in the new order, then those removed. */
function diffKeyedMap(
  walk: Walk,
  spec: KeySpec,
  oldPath: readonly PathSegment[] | undefined,
  newPath: readonly PathSegment[] | undefined,
): void {
  const keys = (s: Side, path: readonly PathSegment[] | undefined) => {
    const node = path ? s.model.at(path)?.node : undefined;
    const names = isMap(node) ? (node.items as Pair[]).flatMap((p) => keyName(p) ?? []) : [];
    return names.map((name) => ({ name, canonical: canonicalKey(spec, name) }));
  };
  const before = keys(walk.old, oldPath);
  const after = keys(walk.new, newPath);
  for (const key of after) {
    const old = before.find((b) => b.canonical === key.canonical);
    const entry = entrySpec(spec, key.name)!;
    diffKey(walk, entry, old && [...oldPath!, old.name], [...newPath!, key.name]);
  }
  for (const key of before) {
    if (after.some((a) => a.canonical === key.canonical)) continue;
    diffKey(walk, entrySpec(spec, key.name)!, [...oldPath!, key.name], undefined);
  }
}

function canonicalKey(spec: KeySpec, name: string): string {
  return (spec.values && findOption(spec.values, name)?.value) || name;
}

/** Entries matched by what they say; an entry added or removed is one change, written `key: value; …`. */
function diffList(
  walk: Walk,
  spec: KeySpec,
  oldPath: readonly PathSegment[] | undefined,
  newPath: readonly PathSegment[] | undefined,
): void {
  const before = oldPath ? walk.old.model.entries(oldPath) : [];
  const after = newPath ? walk.new.model.entries(newPath) : [];
  const matches = matchLists(
    before.map((a) => entryMeaning(walk.old.model, a)),
    after.map((a) => entryMeaning(walk.new.model, a)),
  );
  for (const [i, j] of matches) {
    const o = i === undefined ? undefined : before[i];
    const n = j === undefined ? undefined : after[j];
    const entry = entrySpec(spec, j ?? i ?? 0)!;
    if (o && n) diffKey(walk, entry, o.path, n.path);
    else diffValue(walk, o && !o.empty ? o : undefined, n && !n.empty ? n : undefined);
  }
}

/** What a list entry says: its scalar's meaning, or its fields' meanings in the format's order. */
function entryMeaning(model: FileModel, answer: Answer): string {
  const node = answer.node;
  if (isScalar(node)) return answer.empty ? '' : meaningOf(answer.spec, answer.text ?? '', answer.value);
  if (isMap(node) && answer.spec.children)
    return answer.spec.children
      .map((child) => {
        const field = model.at([...answer.path, child.key]);
        return `${child.key}=${field ? entryMeaning(model, field) : ''}`;
      })
      .join('\u0000');
  if (isSeq(node))
    return model
      .entries(answer.path)
      .map((e) => entryMeaning(model, e))
      .join('\u0001');
  return `written:${writtenText(model.doc, node)}`;
}

/** One value on either side: added, removed, changed, reworded, or the same. */
function diffValue(walk: Walk, o: Answer | undefined, n: Answer | undefined): void {
  const oldText = o && writtenText(walk.old.doc, o.node);
  const newText = n && writtenText(walk.new.doc, n.node);
  if (oldText === newText) return;
  const kind = !o ? 'added' : !n ? 'removed' : sameMeaning(walk, o, n) ? 'reworded' : 'changed';
  walk.out.push({
    id: (n ?? o)!.id,
    path: (n ?? o)!.path,
    change: {
      kind,
      ...(oldText !== undefined ? { old: oldText } : {}),
      ...(newText !== undefined ? { new: newText } : {}),
      path: (n ?? o)!.path,
      ...(n ? { line: lineAt(walk.new.doc, n.node ?? n.key) } : {}),
      ...(o ? { oldLine: lineAt(walk.old.doc, o.node ?? o.key) } : {}),
    },
  });
}

function sameMeaning(walk: Walk, o: Answer, n: Answer): boolean {
  return entryMeaning(walk.old.model, o) === entryMeaning(walk.new.model, n);
}

/**
 * The coarse rows gpai-docs derives when they are left out (the parameter range from the total model size, the
 * order of magnitude of the training compute…): their recipients see the derived value, so a precise figure
 * that moves it to another range changes their row too.
 */
function diffDerived(walk: Walk): void {
  for (const item of formItems) {
    if (!item.derivedFrom) continue;
    const paths = keyPathsFor(item.id);
    if (paths.some((p) => walk.old.model.has(p) || walk.new.model.has(p))) continue;
    const before = derivedValue(walk.old.doc, item.id);
    const after = derivedValue(walk.new.doc, item.id);
    if (before === after) continue;
    const source = keyPathsFor(getFormItem(item.derivedFrom)!.id)[0];
    const at = (s: Side) => s.model.at(source);
    walk.out.push({
      id: item.id,
      path: paths[0],
      field: `Derived from ${ref(item.derivedFrom)}`,
      change: {
        kind: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
        ...(before !== undefined ? { old: before } : {}),
        ...(after !== undefined ? { new: after } : {}),
        path: paths[0],
        ...(after !== undefined ? { line: lineAt(walk.new.doc, at(walk.new)?.node) } : {}),
        ...(before !== undefined ? { oldLine: lineAt(walk.old.doc, at(walk.old)?.node) } : {}),
      },
    });
  }
}
