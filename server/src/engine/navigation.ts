/**
 * Navigation: folding ranges for blocks, lists, long texts and comment runs; document links for the
 * https and mailto addresses written in the file; and a code lens on each top-level block with its
 * coverage ("Section 6 · 7/9 items · 2 missing"), from the coverage model.
 */
import { isMap, isSeq, type Node, type Pair } from 'yaml';
import { FoldingRangeKind, type CodeLens, type DocumentLink, type FoldingRange } from 'vscode-languageserver-types';
import { Commands } from '../../../shared/names';
import type { CoverageNode } from '../../../shared/types';
import { chapterOf, entry, keySpecAt, ref } from './catalogue';
import { getCoverage } from './coverage';
import { keyName, memo, type GpaiDocument } from './document';
import { nodeRange } from './model';
import { isCommentLine } from './layout';
import { isWellFormedLink } from './values';

// ---- Folding ----------------------------------------------------------------------------------------

export function getFoldingRanges(doc: GpaiDocument): FoldingRange[] {
  return memo(doc, 'folding', () => {
    const out: FoldingRange[] = [];
    const visit = (node: unknown): void => {
      if (isMap(node)) {
        for (const pair of node.items as Pair[]) {
          const key = pair.key as Node | null;
          const value = pair.value as Node | null;
          if (key?.range && value?.range) {
            const start = doc.lines.positionAt(key.range[0]).line;
            const end = lastLine(doc, value.range[1]);
            if (end > start) out.push({ startLine: start, endLine: end });
          }
          visit(value);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) {
          const n = item as Node | null;
          if (isMap(n) && n.range) {
            const start = doc.lines.positionAt(n.range[0]).line;
            const end = lastLine(doc, n.range[1]);
            if (end > start) out.push({ startLine: start, endLine: end });
          }
          visit(n);
        }
      }
    };
    visit(doc.root);
    for (const run of commentRuns(doc)) out.push(run); // push(...) overflows the stack past ~120,000
    return out.sort((a, b) => a.startLine - b.startLine);
  });
}

function lastLine(doc: GpaiDocument, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(doc.text.charAt(e - 1))) e--;
  return doc.lines.positionAt(Math.max(0, e - 1)).line;
}

function commentRuns(doc: GpaiDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  let start = -1;
  for (let line = 0; line <= doc.lines.lineCount; line++) {
    const comment = line < doc.lines.lineCount && isCommentLine(doc.lines.lineText(line));
    if (comment && start < 0) start = line;
    if (!comment && start >= 0) {
      if (line - 1 > start) out.push({ startLine: start, endLine: line - 1, kind: FoldingRangeKind.Comment });
      start = -1;
    }
  }
  return out;
}

// ---- Links --------------------------------------------------------------------------------------------

const LINK = /\b(?:https:\/\/|mailto:)[^\s"'<>`]+/gi;

/** The https and mailto addresses in values and comments; other schemes are never made clickable. */
export function getDocumentLinks(doc: GpaiDocument): DocumentLink[] {
  return memo(doc, 'links', () => {
    const out: DocumentLink[] = [];
    for (const m of doc.text.matchAll(LINK)) {
      const target = m[0].replace(/[.,;:!?)\]}]+$/, '');
      if (!isWellFormedLink(target)) continue;
      out.push({ range: doc.lines.range(m.index!, m.index! + target.length), target });
    }
    return out;
  });
}

// ---- Code lenses --------------------------------------------------------------------------------------

/** One lens per top-level block the coverage model counts: the form's sections, the chapters, the summary. */
export function getCodeLenses(doc: GpaiDocument): CodeLens[] {
  return memo(doc, 'lenses', () => {
    const roots = getCoverage(doc).roots;
    const nodes = flatten(roots);
    return ((doc.root?.items ?? []) as Pair[]).flatMap((pair): CodeLens[] => {
      const name = keyName(pair);
      const spec = name === undefined ? undefined : keySpecAt([name]);
      if (!spec || name === undefined) return [];
      // `copyright:` holds the chapter's one commitment: its lens counts the chapter.
      const id = entry(spec.id)?.kind === 'commitment' ? chapterOf(spec.id)! : spec.id;
      const node = nodes.find((n) => n.id === id);
      const title = node ? lensTitle(id, node) : undefined;
      if (!title) return [];
      return [
        {
          range: nodeRange(doc, pair.key as Node) ?? doc.lines.range(0, 0),
          command: { title, command: Commands.showCoverage, arguments: [doc.uri, node!.id] },
        },
      ];
    });
  });
}

function flatten(nodes: readonly CoverageNode[]): CoverageNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}

/** "Section 6 · 7/9 items · 2 missing", "Copyright chapter · 4/5 measures · 1 partial". */
export function lensTitle(id: string, node: CoverageNode): string | undefined {
  const e = entry(id);
  const unit =
    e?.kind === 'chapter'
      ? 'measures'
      : e?.kind === 'form-section'
        ? 'items'
        : e?.kind === 'format' && e.concern === 'training-content-summary'
          ? 'parts'
          : undefined;
  if (!e || !unit) return undefined;
  const head = e.kind === 'format' ? 'Training-content summary' : ref(id);
  if (node.state === 'not-applicable') return `${head} · ${node.reason}`;
  const leaves =
    e.kind === 'chapter' ? flatten(node.children ?? []).filter((n) => n.kind === 'measure') : (node.children ?? []);
  const applicable = leaves.filter((n) => n.state !== 'not-applicable');
  const count = (state: CoverageNode['state']) => applicable.filter((n) => n.state === state).length;
  const parts = [`${head} · ${count('covered')}/${applicable.length} ${unit}`];
  if (count('partial')) parts.push(`${count('partial')} partial`);
  if (count('missing')) parts.push(`${count('missing')} missing`);
  return parts.join(' · ');
}
