/**
 * The coverage model: for every chapter, commitment, measure, form item and evidence field, one of covered,
 * partial, missing or not applicable, with the reason. Computed once per version; the coverage tree, the
 * status bar, the code lenses and the CLI display it.
 */
import { AUDIENCES } from '../../../shared/audiences';
import { addCounts, NO_ANSWERS, percentCovered } from '../../../shared/completeness';
import type {
  Audience,
  Classification,
  CoverageCounts,
  CoverageNode,
  CoverageReport,
  CoverageState,
} from '../../../shared/types';
import {
  ANSWER_KEYS,
  chapters,
  childSpecs,
  commitmentsOf,
  formHeader,
  formItems,
  formSections,
  entry,
  getFormItem,
  getChapter,
  itemLabel,
  itemsOfSection,
  KEYS,
  keyPathsFor,
  keySpecAt,
  measuresOf,
  titleOf,
  type ChapterId,
  type Commitment,
  type FormItem,
  type Measure,
  type PathSegment,
} from './catalogue';
import { answerState, type AnswerState } from './answers';
import { applicability, notApplicable, reliefNotes } from './applicability';
import { memo, type GpaiDocument } from './document';
import { fileModel } from './model';

const ZERO = NO_ANSWERS;

export function getCoverage(doc: GpaiDocument): CoverageReport {
  return memo(doc, 'coverage', () => {
    const roots = [...chapters.map((c) => chapterCoverage(doc, c.id)), summaryNode(doc)];
    const counts = sum(roots.map((r) => r.counts));
    return {
      uri: doc.uri,
      version: doc.version,
      classification: classify(doc),
      percent: percentCovered(counts),
      counts,
      audiences: audienceCounts(roots),
      roots,
    };
  });
}

/**
 * The answers each recipient receives, from the same leaves as the totals: a form item goes to those the form
 * ticks, the other answers of a chapter to the AI Office, the public summary to everyone.
 */
function audienceCounts(roots: readonly CoverageNode[]): Record<Audience, CoverageCounts> {
  const out: Record<Audience, CoverageCounts> = { 'ai-office': ZERO, nca: ZERO, downstream: ZERO };
  const add = (node: CoverageNode, to: readonly Audience[]) => {
    for (const a of to) out[a] = addCounts(out[a], node.counts);
  };
  const visit = (node: CoverageNode, inherited: readonly Audience[]) => {
    const item = node.kind === 'item' ? getFormItem(node.id) : undefined;
    if (item) return add(node, item.recipients);
    if (!node.children?.length) return add(node, inherited);
    for (const c of node.children) visit(c, inherited);
  };
  for (const root of roots) visit(root, root.kind === 'summary' ? AUDIENCES : ['ai-office']);
  return out;
}

/** One chapter of the model, memoised on its own, as are its commitments and measures. */
function chapterCoverage(doc: GpaiDocument, chapterId: ChapterId): CoverageNode {
  return memo(doc, `coverage:${chapterId}`, () => chapterNode(doc, chapterId));
}

/**
 * The node of a chapter, commitment or measure (for a form section: the measure that holds it) as the whole
 * model has it, made from its own branch: a hover on a measure in a large file reads that measure's answers,
 * not its chapter's.
 */
export function coverageBranch(doc: GpaiDocument, id: string): CoverageNode | undefined {
  const found = entry(id);
  switch (found?.kind) {
    case 'chapter':
      return chapterCoverage(doc, found.id);
    case 'commitment':
      return asItsAncestorsLeaveIt(doc, [found.chapter], commitmentCoverage(doc, found));
    case 'measure':
      return asItsAncestorsLeaveIt(doc, [found.chapter, found.commitment], measureCoverage(doc, found));
    case 'form-section':
      return coverageBranch(doc, found.measure);
    default:
      return undefined;
  }
}

/** A node as the branches above it (outermost first) leave it: as `branch` marks them, the outermost's reason stays. */
function asItsAncestorsLeaveIt(doc: GpaiDocument, ancestors: readonly string[], node: CoverageNode): CoverageNode {
  return ancestors.reduceRight((n, id) => {
    const na = notApplicable(doc, id);
    return na ? markNotApplicable(n, na.reason) : n;
  }, node);
}

const commitmentCoverage = (doc: GpaiDocument, c: Commitment) =>
  memo(doc, `coverage:${c.id}`, () => commitmentNode(doc, c));
const measureCoverage = (doc: GpaiDocument, m: Measure) => memo(doc, `coverage:${m.id}`, () => measureNode(doc, m));

function classify(doc: GpaiDocument): Classification {
  const a = applicability(doc);
  const systemicRisk = a.declared ?? 'unstated';
  const openSourceExemption = !a.exemption.claimed ? 'not-claimed' : a.exemption.valid ? 'valid' : 'invalid';
  const label = a.systemicRisk
    ? 'systemic risk'
    : openSourceExemption === 'valid'
      ? 'open-source exempt'
      : systemicRisk === 'unstated'
        ? 'classification unstated'
        : 'no systemic risk';
  const noDuties = a.noProviderDuties
    ? a.role.downstream && a.role.newModel === false
      ? 'modification within one third of its base: no GPAI-provider duties'
      : 'indicatively not a general-purpose AI model'
    : undefined;
  return {
    systemicRisk,
    hasSystemicRisk: a.systemicRisk,
    openSourceExemption,
    modified: a.modified,
    legacy: a.legacy,
    ...(a.role.declared ? { role: a.role.declared } : {}),
    ...(a.noProviderDuties ? { noProviderDuties: a.noProviderDuties } : {}),
    label: noDuties ?? (a.modified ? `${label}, modified model` : label),
  };
}

// ---- Tree -------------------------------------------------------------------------------------

function chapterNode(doc: GpaiDocument, chapterId: ChapterId): CoverageNode {
  const chapter = getChapter(chapterId)!;
  const children = commitmentsOf(chapterId).map((c) => commitmentCoverage(doc, c));
  return branch(
    doc,
    { id: chapter.id, kind: 'chapter', label: chapter.title, title: `${chapter.title} chapter` },
    children,
    chapter.id,
  );
}

function commitmentNode(doc: GpaiDocument, commitment: Commitment): CoverageNode {
  const measures = measuresOf(commitment.id).map((m) => measureCoverage(doc, m));
  const path = keyPathsFor(commitment.id)[0];
  // The facts a commitment's block holds besides its measures' answers (whether the web was crawled).
  const facts = path
    ? childSpecs(keySpecAt(path))
        .filter((c) => c.type !== 'map')
        .map((c) => {
          const e = entry(c.id);
          return leaf(doc, [...path, c.key], c.key, e ? titleOf(e) : c.key, c.id);
        })
    : [];
  return branch(
    doc,
    { id: commitment.id, kind: 'commitment', label: `Commitment ${commitment.number}`, title: commitment.title, path },
    [...facts, ...measures],
    commitment.id,
  );
}

function measureNode(doc: GpaiDocument, measure: Measure): CoverageNode {
  return withReliefs(doc, measure, answerNode(doc, measure));
}

/**
 * A measure that a stated relief lifts in part or simplifies (Safety and Security Appendix 2, SMEs/SMCs): the
 * lifted duty as a leaf of its own, not applicable with the relief as reason, and both noted in the reason.
 */
function withReliefs(doc: GpaiDocument, measure: Measure, node: CoverageNode): CoverageNode {
  const notes = node.state === 'not-applicable' ? [] : reliefNotes(applicability(doc), measure.id);
  if (!notes.length) return node;
  const lifted = notes
    .filter((n) => n.kind === 'lifted-in-part')
    .map((n, i): CoverageNode => ({
      id: `${measure.id}#relief-${i + 1}`,
      kind: 'evidence',
      label: 'relief',
      title: n.what,
      state: 'not-applicable',
      reason: `not applicable: ${n.relief.title.toLowerCase()} (${n.relief.source})`,
      counts: countOne('not-applicable'),
      path: keyPathsFor(n.relief.id)[0],
      ...located(doc, keyPathsFor(n.relief.id)[0] ?? []),
    }));
  const said = notes
    .map((n) => `${n.kind === 'simplified' ? 'simplified' : 'lifted'}: ${n.what} (${n.relief.title.toLowerCase()})`)
    .join(' · ');
  return {
    ...node,
    reason: `${node.reason} · ${said}`,
    counts: lifted.reduce((c, l) => sum([c, l.counts]), node.counts),
    children: [...(node.children ?? []), ...lifted],
  };
}

function answerNode(doc: GpaiDocument, measure: Measure): CoverageNode {
  const head = { id: measure.id, kind: 'measure' as const, label: `Measure ${measure.number}`, title: measure.title };
  if (measure.answeredByForm) {
    const document = itemsOfSection(formHeader.number).map((i) => itemNode(doc, i));
    const sections = formSections.map((s) => {
      const items = formItems.filter((i) => i.section === s.number).map((i) => itemNode(doc, i));
      return branch(
        doc,
        { id: s.id, kind: 'section', label: `Section ${s.number}`, title: s.title, path: keyPathsFor(s.id)[0] },
        items,
        measure.id,
      );
    });
    return branch(doc, { ...head, path: KEYS.document.path }, [...document, ...sections], measure.id);
  }
  const path = keyPathsFor(measure.id)[0];
  const spec = path ? keySpecAt(path) : undefined;
  if (!path || !spec) return branch(doc, head, [], measure.id);
  if (spec.type !== 'map')
    return branch(doc, { ...head, path }, [leaf(doc, path, spec.key, measure.title)], measure.id);
  const whole = answerState(doc, spec, path);
  if (whole.state === 'not-applicable' || whole.detail === 'absent') {
    // Not applicable or not answered at all: one leaf per required field would only repeat it.
    return {
      ...head,
      path,
      ...located(doc, path),
      state: whole.state,
      reason: whole.reason,
      counts: countOne(whole.state),
      children: [],
    };
  }
  const status = fileModel(doc)
    .text([...path, ANSWER_KEYS.status])
    ?.trim();
  const fields = (spec.children ?? []).filter((c) => c.key !== ANSWER_KEYS.reason || status === 'not_applicable');
  const children = fields
    .map((c) => leaf(doc, [...path, c.key], c.key, c.hint ?? c.key, `${measure.id}#${c.key}`))
    .filter((n) => n.state !== 'not-applicable' || n.reason !== 'not applicable: optional here');
  // An unfinished status (planned, in progress) is a partial leaf: the measure and every count above it say so.
  const node = branch(doc, { ...head, path }, children, measure.id);
  return whole.detail === 'unfinished' && node.state === 'partial'
    ? { ...node, reason: `${whole.reason} · ${node.reason}` }
    : node;
}

function itemNode(doc: GpaiDocument, item: FormItem): CoverageNode {
  const paths = keyPathsFor(item.id);
  const states = paths.map((p) => ({ path: p, state: answerState(doc, keySpecAt(p)!, p) }));
  const considered = states.filter((s) => !(s.state.detail === 'optional' && states.length > 1));
  const worst = pickWorst(considered.length ? considered : states);
  // The form's header fields have no number: gpai-docs' D.1 and D.2 are ids, not what a writer knows.
  const label = item.section === 0 ? 'Header' : item.number;
  const title = itemLabel(item);
  const path = (worst?.path ?? paths[0]) as PathSegment[];
  const state = worst?.state ?? { state: 'missing' as const, reason: 'not in the format', detail: 'absent' as const };
  return {
    id: item.id,
    kind: 'item',
    label,
    title,
    state: state.state,
    reason: state.reason,
    counts: countOne(state.state),
    path: paths[0],
    ...located(doc, path),
  };
}

function summaryNode(doc: GpaiDocument): CoverageNode {
  const base = KEYS.training_content_summary.path;
  const leaves = childSpecs(keySpecAt(base))
    .map((spec) => leaf(doc, [...base, spec.key], spec.key, spec.hint ?? spec.key, spec.id))
    .filter((n) => !(n.state === 'not-applicable' && /optional/.test(n.reason)) || n.range);
  return branch(
    doc,
    {
      id: KEYS.training_content_summary.id,
      kind: 'summary',
      label: 'Training-content summary',
      title: 'Public summary of training content (AI Act Art. 53(1)(d))',
      path: base,
    },
    leaves,
    KEYS.training_content_summary.id,
  );
}

function leaf(
  doc: GpaiDocument,
  path: PathSegment[],
  label: string,
  title: string,
  id = keySpecAt(path)?.id ?? label,
): CoverageNode {
  const spec = keySpecAt(path);
  const state: AnswerState = spec
    ? answerState(doc, spec, path)
    : { state: 'missing', reason: 'not written', detail: 'absent' };
  return {
    id,
    kind: 'evidence',
    label,
    title,
    state: state.state,
    reason: state.reason,
    counts: countOne(state.state),
    path,
    ...located(doc, path),
  };
}

type Head = Pick<CoverageNode, 'id' | 'kind' | 'label' | 'title'> & { path?: readonly PathSegment[] };

function branch(doc: GpaiDocument, head: Head, children: CoverageNode[], applicabilityId: string): CoverageNode {
  const na = notApplicable(doc, applicabilityId);
  const counts = na
    ? { ...ZERO, notApplicable: Math.max(1, leafCount(children)), total: Math.max(1, leafCount(children)) }
    : sum(children.map((c) => c.counts));
  const mapped = na ? children.map((c) => markNotApplicable(c, na.reason)) : children;
  const state: CoverageState = na ? 'not-applicable' : stateOf(counts);
  const reason = na ? `not applicable: ${na.reason}` : describeCounts(counts);
  return { ...head, state, reason, counts, children: mapped, ...(head.path ? located(doc, head.path) : {}) };
}

function markNotApplicable(node: CoverageNode, reason: string): CoverageNode {
  const total = node.counts.total;
  return {
    ...node,
    state: 'not-applicable',
    reason: `not applicable: ${reason}`,
    counts: { ...ZERO, notApplicable: total, total },
    children: node.children?.map((c) => markNotApplicable(c, reason)),
  };
}

function leafCount(children: readonly CoverageNode[]): number {
  return children.reduce((n, c) => n + c.counts.total, 0);
}

function located(doc: GpaiDocument, path: readonly PathSegment[]): { range?: CoverageNode['range'] } {
  const answer = fileModel(doc).at(path);
  return answer ? { range: answer.keyRange } : {};
}

function pickWorst(list: { path: PathSegment[]; state: AnswerState }[]) {
  const rank: Record<CoverageState, number> = { missing: 3, partial: 2, covered: 1, 'not-applicable': 0 };
  return [...list].sort((a, b) => rank[b.state.state] - rank[a.state.state])[0];
}

function countOne(state: CoverageState): CoverageCounts {
  return {
    covered: state === 'covered' ? 1 : 0,
    partial: state === 'partial' ? 1 : 0,
    missing: state === 'missing' ? 1 : 0,
    notApplicable: state === 'not-applicable' ? 1 : 0,
    total: 1,
  };
}

function sum(list: readonly CoverageCounts[]): CoverageCounts {
  return list.reduce(addCounts, ZERO);
}

function stateOf(c: CoverageCounts): CoverageState {
  const applicable = c.total - c.notApplicable;
  if (applicable === 0) return 'not-applicable';
  if (c.covered === applicable) return 'covered';
  if (c.covered === 0 && c.partial === 0) return 'missing';
  return 'partial';
}

/** "5/6 covered · 1 missing". */
export function describeCounts(c: CoverageCounts): string {
  const applicable = c.total - c.notApplicable;
  if (applicable === 0) return 'not applicable';
  const parts = [`${c.covered}/${applicable} covered`];
  if (c.partial) parts.push(`${c.partial} partial`);
  if (c.missing) parts.push(`${c.missing} missing`);
  return parts.join(' · ');
}
