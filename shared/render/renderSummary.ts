/**
 * The two documents a provider publishes, as standalone HTML and as Markdown: the public summary of training
 * content (AI Act Art. 53(1)(d)) laid out as the Commission's template, and the summary of the copyright
 * policy (Copyright chapter, Measure 1.1). Written from the export tree (exportDocument.ts), which the PDF
 * and DOCX writers lay out too. Every text from the document is escaped.
 */
import type { PreviewModel } from '../types';
import { escapeHtml, escapeMarkdown, markdownHref, safeHref } from './escape';
import { exportTree, type Block, type Run } from './exportDocument';
import { draftStatus, type ExportTarget } from './exportFacts';
import { draftMd, openItemsMd, provenanceMd } from './renderMarkdown';
import { page } from './render';
import { draftHtml, hyphenateHtml, openItemsHtml, pageCss, provenanceHtml, type Hyphenate } from './renderPrint';

export interface PublicDocumentOptions {
  readonly document: 'summary' | 'copyright-policy';
  /** The stylesheet, inlined (and allowed by its hash). */
  readonly css?: string;
  readonly generatedOn?: string;
  readonly hyphenate?: Hyphenate;
}

export function renderPublicHtml(model: PreviewModel, options: PublicDocumentOptions): string {
  const target: ExportTarget = { document: options.document, audience: 'all' };
  const tree = exportTree(model, target, options.generatedOn);
  const status = draftStatus(model, target);
  const meta = tree.meta
    .map(([k, v]) => `<div class="meta-row"><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`)
    .join('');
  const header = `<header class="form-header">
<p class="kicker">${escapeHtml(tree.kicker)}</p>
<h1>${escapeHtml(tree.title)}</h1>
${tree.subtitle ? `<p class="subtitle">${escapeHtml(tree.subtitle)}</p>` : ''}
<dl class="meta">${meta}</dl>
${draftHtml(status, target)}
</header>`;
  const parts = tree.parts.map(
    (p) =>
      `<section class="chapter public-part"><h2>${escapeHtml(p.heading)}</h2>${blocksHtml(p.intro)}${p.rows
        .map(
          (r) =>
            `<div class="public-row" data-number="${escapeHtml(r.number)}"><h3>${r.number ? `<span class="section-number">${escapeHtml(r.number)}</span> ` : ''}${escapeHtml(r.label)}</h3>${blocksHtml(r.blocks)}</div>`,
        )
        .join('')}</section>`,
  );
  const body = [header, ...parts, openItemsHtml(status), provenanceHtml(model, target)].filter(Boolean).join('\n');
  const css = `${options.css ?? ''}\n${pageCss(model, target, status, options.generatedOn)}`;
  const footer = `<footer class="form-footer"><p>${escapeHtml(tree.footer)}</p></footer>`;
  return page(`${hyphenateHtml(body, options.hyphenate)}\n${footer}`, model.uri, `${tree.title} — ${tree.subtitle}`, {
    css,
  });
}

function blocksHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'para':
          return `<p>${b.runs.map(runHtml).join('')}</p>`;
        case 'list':
          return `<ul>${b.items.map((i) => `<li>${blocksHtml(i)}</li>`).join('')}</ul>`;
        case 'fields':
          return `<dl class="fields">${b.fields.map((f) => `<div class="field"><dt>${escapeHtml(f.label)}</dt><dd>${blocksHtml(f.blocks)}</dd></div>`).join('')}</dl>`;
      }
    })
    .join('');
}

function runHtml(run: Run): string {
  const text = escapeHtml(run.text);
  switch (run.style) {
    case 'muted':
      return `<span class="reason">${text}</span>`;
    case 'strong':
      return `<strong>${text}</strong>`;
    case 'flag':
      return `<span class="badge badge-missing">${text}</span>`;
    case 'link': {
      const href = run.href && safeHref(run.href);
      return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${text}</a>` : text;
    }
    default:
      return text;
  }
}

export function renderPublicMarkdown(model: PreviewModel, options: PublicDocumentOptions): string {
  const target: ExportTarget = { document: options.document, audience: 'all' };
  const tree = exportTree(model, target, options.generatedOn);
  const status = draftStatus(model, target);
  const inline = (t: string) => escapeMarkdown(t.replace(/\s*[\r\n]+\s*/g, ' '), false);
  const blocks = [
    `# ${inline(tree.title)}`,
    `_${inline(tree.kicker)}_`,
    ['| | |', '|---|---|', ...tree.meta.map(([k, v]) => `| ${inline(k)} | ${inline(v)} |`)].join('\n'),
    draftMd(status, target),
    ...tree.parts.flatMap((p) => [
      `## ${inline(p.heading)}`,
      blocksMd(p.intro),
      ...p.rows.flatMap((r) => [`### ${r.number ? `${inline(r.number)} ` : ''}${inline(r.label)}`, blocksMd(r.blocks)]),
    ]),
    openItemsMd(status),
    provenanceMd(model, target),
    `---\n\n_${inline(tree.footer)}_`,
  ];
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}

function blocksMd(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'para':
          return b.runs.map(runMd).join('');
        case 'list':
          return b.items.map((i) => `- ${blocksMd(i).replace(/\n(?=.)/g, '\n  ')}`).join('\n');
        case 'fields':
          return b.fields
            .map((f) => {
              const inner = blocksMd(f.blocks);
              return `- **${escapeMarkdown(f.label, false)}:**${inner.includes('\n') ? `\n\n  ${inner.replace(/\n(?=.)/g, '\n  ')}` : inner ? ` ${inner}` : ''}`;
            })
            .join('\n');
      }
    })
    .filter(Boolean)
    .join('\n\n');
}

function runMd(run: Run): string {
  const text = escapeMarkdown(run.text.replace(/\s*[\r\n]+\s*/g, ' '), false);
  switch (run.style) {
    case 'strong':
    case 'flag':
      return `**${text.trim()}**`;
    case 'muted':
      return text.trim() ? ` _${text.trim()}_` : '';
    case 'link': {
      const href = run.href && markdownHref(run.href);
      return href ? `<${href}>` : text;
    }
    default:
      return text;
  }
}
