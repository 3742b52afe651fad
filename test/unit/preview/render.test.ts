import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { renderPreviewBody, renderPreviewHtml } from '../../../shared/render/render';
import { renderPreviewMarkdown } from '../../../shared/render/renderMarkdown';
import { escapeMarkdown, safeHref } from '../../../shared/render/escape';
import { openAnswers } from '../../../shared/completeness';
import { catalogue } from '../../../server/src/engine';
import type { Audience } from '../../../shared/types';
import { HOSTILE_LINKS, hostileModel, plainModel, STATES } from './models';

const AUDIENCES: Audience[] = ['ai-office', 'nca', 'downstream'];

/** The `data-item-id`s of form items in document order. */
function itemIds(html: string): string[] {
  return [...html.matchAll(/data-item-id="(form\/[^"]+)"/g)].map((m) => m[1]);
}

/** The row (or header entry) of one item. */
function rowOf(html: string, id: string): string {
  const m = new RegExp(
    `<(tr|div) class="[^"]*item[^"]*" data-item-id="${id.replace(/[./]/g, '\\$&')}"[\\s\\S]*?</\\1>`,
  ).exec(html);
  assert.ok(m, `no row for ${id}`);
  return m[0];
}

const TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'link',
  'style',
  'script',
  'body',
  'nav',
  'label',
  'select',
  'option',
  'main',
  'header',
  'footer',
  'p',
  'h1',
  'h2',
  'h3',
  'dl',
  'dt',
  'dd',
  'div',
  'span',
  'section',
  'table',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'br',
  'ul',
  'li',
  'a',
  'button',
]);
const ATTRS =
  /^(class|id|lang|charset|content|name|http-equiv|rel|href|title|role|aria-[a-z]+|scope|for|type|selected|value|nonce|src|data-[a-z-]+)$/;

/** Every tag in the output is one the renderer writes, with only the attributes it writes: document text made none. */
function assertOnlyOwnMarkup(html: string, where: string): void {
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    assert.ok(TAGS.has(m[1].toLowerCase()), `${where}: unexpected <${m[1]}>`);
    for (const a of m[2].matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)) {
      assert.match(a[1], ATTRS, `${where}: unexpected attribute ${a[1]} on <${m[1]}>`);
      if (a[1] === 'href' && m[1] === 'a') assert.match(a[2], /^(https:\/\/|mailto:)/, `${where}: unsafe href ${a[2]}`);
    }
  }
  const stray = html
    .replace(/<\/?[a-zA-Z][\w-]*(?:\s+[^\s=>]+(?:="[^"]*")?)*\s*\/?>/g, '')
    .replace(/<!DOCTYPE html>/, '');
  assert.ok(!stray.includes('<'), `${where}: a "<" outside the renderer's tags`);
}

describe('preview renderer (HTML)', () => {
  const model = plainModel();

  it("shows every form item once, in the form's order", () => {
    assert.deepEqual(
      itemIds(renderPreviewHtml(model)),
      catalogue.formItems.map((i) => i.id),
    );
  });

  for (const audience of AUDIENCES) {
    it(`shows exactly the items the form ticks for ${audience}, with the count still missing for it`, () => {
      const html = renderPreviewBody(model, { audience });
      assert.deepEqual(
        itemIds(html),
        catalogue.itemsFor(audience).map((i) => i.id),
      );
      const open = openAnswers(model.completeness[audience]);
      assert.match(html, new RegExp(`data-missing="${open}"`));
      assert.match(html, new RegExp(`${open} answers? still to complete for `));
    });
  }

  it("labels each row with its number, the form's label and the recipients' ticks in the AIO, NCAs, DPs columns", () => {
    const html = renderPreviewHtml(model);
    assert.match(
      html,
      /<th scope="col" class="tick" title="AI Office">AIO<\/th><th scope="col" class="tick" title="National competent authorities">NCAs<\/th><th scope="col" class="tick" title="Downstream providers">DPs<\/th>/,
    );
    const row = rowOf(html, 'form/2.5');
    assert.match(
      row,
      /<td class="num">2\.5<\/td><th scope="row" class="label">Maximum input size \(per input modality\)<\/th>/,
    );
    assert.equal(
      (row.match(/✓/g) ?? []).length,
      catalogue.getFormItem('form/2.5')!.recipients.length,
      'a tick per recipient of form 2.5',
    );
    const cells = [...row.matchAll(/<td class="tick"[^>]*>(.*?)<\/td>/g)].map((m) =>
      m[1].includes('✓') ? 'yes' : 'no',
    );
    const ticked = catalogue.getFormItem('form/2.5')!.recipients;
    assert.deepEqual(
      cells,
      catalogue.AUDIENCES.map((a) => (ticked.includes(a) ? 'yes' : 'no')),
    );
  });

  it('renders missing, placeholder, incomplete, N/A (with its reason), derived and not-applicable items as such', () => {
    const html = renderPreviewHtml(model);
    const expected: Record<string, string> = {
      missing: 'Missing',
      placeholder: 'Placeholder',
      incomplete: 'Incomplete',
      'n/a': 'N/A',
      derived: 'Derived',
      'not-applicable': 'Not applicable',
    };
    for (const [id, state] of Object.entries(STATES)) {
      const row = rowOf(html, id);
      assert.match(row, new RegExp(`class="[^"]*state-${state.replace('/', '')}`), `${id} carries its state`);
      if (state === 'derived') {
        assert.doesNotMatch(row, /class="badge/, 'a derived row says its value in words, with no badge');
        continue;
      }
      assert.match(
        row,
        new RegExp(`class="badge badge-[a-z-]+">${expected[state]}</span>`),
        `${id} shows "${expected[state]}"`,
      );
    }
    assert.match(
      rowOf(html, 'form/1.6'),
      /N\/A<\/span> <span class="reason">not a modification of another model<\/span>/,
    );
    assert.match(rowOf(html, 'form/2.2'), /placeholder text \(TODO\)/);
  });

  it("does not repeat the state in its reason, nor show an N/A answer's text beside its badge", () => {
    const items = (id: string, change: object) =>
      model.sections.map((s) => ({ ...s, items: s.items.map((i) => (i.id === id ? { ...i, ...change } : i)) }));
    const edited = {
      ...model,
      sections: items('form/2.4', { reason: 'not applicable: no "other" input modality is ticked' }),
    };
    assert.match(
      rowOf(renderPreviewHtml(edited), 'form/2.4'),
      /Not applicable<\/span> <span class="reason">no &quot;other&quot; input modality is ticked<\/span>/,
    );
    const na = {
      ...model,
      sections: items('form/1.6', { value: { kind: 'text', paragraphs: ['N/A (not a fine-tune)'] } }),
    };
    assert.doesNotMatch(rowOf(renderPreviewHtml(na), 'form/1.6'), /N\/A \(not a fine-tune\)/);
  });

  it('says once, in the header, a reason every item shares (an open-source exemption)', () => {
    const reason = 'not applicable: open-source exemption, AI Act Art. 53(2)';
    const exempt = {
      ...model,
      sections: model.sections.map((s) => ({
        ...s,
        items: s.items.map((i) => ({ ...i, state: 'not-applicable' as const, reason })),
      })),
    };
    const html = renderPreviewBody(exempt);
    assert.equal((html.match(/open-source exemption/g) ?? []).length, 1);
    assert.match(html, /does not apply to this model: open-source exemption, AI Act Art\. 53\(2\)\./);
    assert.equal(
      (html.match(/class="[^"]*item state-not-applicable"/g) ?? []).length,
      catalogue.formItems.length,
      'each row still carries its state',
    );
    assert.equal((renderPreviewMarkdown(exempt).match(/open-source exemption/g) ?? []).length, 1);
  });

  it('writes paragraphs as paragraphs, lists as lists, numbers as written with their derived coarse value, dates and links', () => {
    const html = renderPreviewHtml(model);
    assert.match(rowOf(html, 'form/2.1'), /<p>Answer to form\/2\.1\.<\/p><p>A second paragraph\.<\/p>/);
    assert.match(rowOf(html, 'form/2.3'), /<ul><li><span class="choice">Text<\/span><\/li><\/ul>/);
    assert.match(
      rowOf(html, 'form/2.9'),
      /<span class="number">1\.3e10<\/span> <span class="unit">parameters<\/span><\/td>/,
    );
    assert.match(
      rowOf(html, 'form/2.10'),
      /<p class="derived">Answer to form\/2\.10\. <span class="reason">computed from 2\.9<\/span><\/p>/,
    );
    assert.doesNotMatch(
      rowOf(renderPreviewBody(model, { audience: 'downstream' }), 'form/2.10'),
      /computed from|2\.9/,
      'downstream providers never receive 2.9',
    );
    assert.match(rowOf(html, 'form/1.4'), /<span class="date">2025-07-30<\/span>/);
    assert.match(
      rowOf(html, 'form/3.3'),
      /<a href="https:\/\/example\.org\/licence" rel="noopener noreferrer">https:\/\/example\.org\/licence<\/a>/,
    );
    assert.match(html, /<a href="mailto:copyright@example\.org" rel="noopener noreferrer">copyright@example\.org<\/a>/);
  });

  it('puts the header first: provider, model, document version, last update, classification', () => {
    const html = renderPreviewBody(model);
    const header = html.slice(0, html.indexOf('</header>'));
    for (const text of [
      'Kestrel Language Systems SAS',
      'Kestrel-13B',
      'Document version number',
      'Date the document was last updated',
      'no systemic risk',
    ]) {
      assert.ok(header.includes(text), `header shows ${text}`);
    }
  });

  it('gives each item its path as JSON and its line, for click-to-reveal and scroll sync', () => {
    const row = rowOf(renderPreviewHtml(model), 'form/2.1');
    assert.match(row, /data-path="\[&quot;section&quot;,&quot;2\.1&quot;,&quot;key&quot;\]" data-line="\d+"/);
  });

  it('shows the Copyright chapter for all and for the AI Office, Safety and Security only when the model has systemic risk, and the training-content summary always', () => {
    const withRisk = plainModel({ systemicRisk: true });
    assert.match(
      renderPreviewBody(withRisk),
      /<h2>Copyright<\/h2>[\s\S]*<h2>Safety and Security<\/h2>[\s\S]*<h2>Public summary of training content<\/h2>/,
    );
    assert.match(renderPreviewBody(withRisk, { audience: 'ai-office' }), /<h2>Safety and Security<\/h2>/);
    assert.doesNotMatch(renderPreviewBody(model), /Safety and Security/);
    for (const audience of ['nca', 'downstream'] as const) {
      const html = renderPreviewBody(withRisk, { audience });
      assert.doesNotMatch(html, /<h2>(Copyright|Safety and Security)<\/h2>/);
      assert.match(html, /<h2>Public summary of training content<\/h2>/);
    }
  });

  it('makes a standalone page with its stylesheet inside, allowed by hash, no script and no network', () => {
    const css = 'body { color: black }';
    const html = renderPreviewHtml(model, { css, generatedOn: '2025-11-01' });
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1];
    assert.ok(style.startsWith(css), 'the stylesheet, then the page rules');
    assert.match(style, /@page \{ @top-left \{ content: "Kestrel-13B/);
    const hash = createHash('sha256').update(style).digest('base64');
    assert.match(
      html,
      new RegExp(
        `content="default-src 'none'; style-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}'; img-src 'none'; script-src 'none';`.replace(
          /'/g,
          '&#39;',
        ),
      ),
    );
    assert.doesNotMatch(html, /<script|<button|<select|<link/);
    assert.match(html, /Prepared with gpai-docs on 2025-11-01/);
  });

  it('in the webview, loads its script by nonce, offers the audience selector and a quick-fix on missing items only', () => {
    const html = renderPreviewHtml(model, {
      mode: 'webview',
      audience: 'nca',
      nonce: 'abc123',
      cspSource: 'vscode-resource:',
      styleUri: 'vscode-resource:/preview.css',
      scriptUri: 'vscode-resource:/preview.js',
    });
    assert.match(html, /script-src &#39;nonce-abc123&#39;/);
    assert.match(html, /<script nonce="abc123" src="vscode-resource:\/preview\.js"><\/script>/);
    assert.match(html, /<option value="nca" selected>National competent authorities<\/option>/);
    const fixes = [
      ...html.matchAll(/<tr class="item state-([a-z-]+)"[^>]*>(?:(?!<\/tr>)[\s\S])*data-action="quick-fix"/g),
    ].map((m) => m[1]);
    assert.ok(fixes.length > 0);
    assert.deepEqual(fixes, ['missing'], 'the nca view has one missing item, form 1.3');
  });
});

describe('preview renderer and hostile documents', () => {
  const model = hostileModel();

  for (const mode of ['standalone', 'webview'] as const) {
    it(`writes every attack as text in the ${mode} page: no tag, attribute, style or link of the document's`, () => {
      const html = renderPreviewHtml(model, {
        mode,
        css: 'body{}',
        nonce: 'n',
        cspSource: 'x:',
        scriptUri: 'x:/p.js',
        styleUri: 'x:/p.css',
      });
      assertOnlyOwnMarkup(html, mode);
      assert.ok(html.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;'), 'the script is shown');
      assert.ok(html.includes('&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;'), 'the img is shown');
      assert.ok(html.includes('&lt;/style&gt;&lt;style&gt;'), 'the style break-out is shown');
      assert.equal((html.match(/<script/g) ?? []).length, mode === 'webview' ? 1 : 0);
      assert.equal((html.match(/<style/g) ?? []).length, mode === 'webview' ? 0 : 1);
    });
  }

  it('links only https: and mailto:, and shows javascript:, data:, vbscript: and http: addresses as text', () => {
    const html = renderPreviewHtml(model);
    assert.doesNotMatch(html, /href="(?!https:\/\/|mailto:)/i);
    for (const href of HOSTILE_LINKS) assert.equal(safeHref(href), undefined, href);
    assert.ok(html.includes('<span class="unsafe-link">javascript:window.__pwned = 5</span>'));
    assert.equal(safeHref(' https://example.org/a?b=1 '), 'https://example.org/a?b=1');
    assert.equal(safeHref('mailto:someone@example.org'), 'mailto:someone@example.org');
    assert.equal(safeHref('https://example.org/"onmouseover=x'), undefined);
  });

  it('writes every attack as text in Markdown: no raw HTML, no link other than https: and mailto:', () => {
    const md = renderPreviewMarkdown(model);
    const withoutAutolinks = md.replace(/<(https:\/\/|mailto:)[^<>\s]+>/g, '');
    assert.ok(!withoutAutolinks.includes('<'), 'no raw HTML');
    assert.doesNotMatch(md, /(?<!\\)\]\(/, 'no inline link');
    assert.ok(md.includes('&lt;script&gt;window.\\_\\_pwned = 1&lt;/script&gt;'));
    assert.ok(md.includes('\\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* &lt;b&gt;x&lt;/b&gt; \\| cell \\|'));
    assert.equal(
      escapeMarkdown('1. not a list\n- nor this\n# nor a heading\n1.3e10 -5 #1'),
      '1\\. not a list\n\\- nor this\n\\# nor a heading\n1.3e10 -5 #1',
    );
  });
});

describe('preview renderer (Markdown)', () => {
  const model = plainModel();
  /** Item numbers: the `### n.n` headings, then the document rows of the header table. */
  const numbers = (md: string) => [
    ...[...md.matchAll(/^\| (Document version number|Date the document was last updated) \|/gm)].map((m) =>
      m[1].startsWith('Document') ? 'D.2' : 'D.1',
    ),
    ...[...md.matchAll(/^### (\d+)\\?\.(\d+) /gm)].map((m) => `${m[1]}.${m[2]}`),
  ];

  it("lists every form item once, in the form's order", () => {
    assert.deepEqual(
      numbers(renderPreviewMarkdown(model)),
      catalogue.formItems.map((i) => i.number),
    );
  });

  for (const audience of AUDIENCES) {
    it(`lists exactly the items for ${audience}`, () => {
      assert.deepEqual(
        numbers(renderPreviewMarkdown(model, { audience })),
        catalogue.itemsFor(audience).map((i) => i.number),
      );
    });
  }

  it('marks states, keeps paragraphs and links safe addresses', () => {
    const md = renderPreviewMarkdown(model, { generatedOn: '2025-11-01' });
    assert.match(md, /### 1\\?\.3 Model authenticity\n\n_For: AIO, NCAs_\n\n\*\*Missing\*\*: reason for 1\.3/);
    assert.match(md, /\*\*N\/A\*\*: not a modification of another model/);
    assert.match(md, /Answer to form\/2\.1\.\n\nA second paragraph\./);
    assert.match(md, /\n1\.3e10 parameters\n/);
    assert.match(md, /### 2\\?\.10 [^\n]+\n\n_For: NCAs, DPs_\n\nAnswer to form\/2\.10\. _\(computed from 2\.9\)_\n/);
    assert.match(md, /<https:\/\/example\.org\/licence>/);
    assert.match(md, /Prepared with gpai-docs on 2025-11-01/);
  });
});
