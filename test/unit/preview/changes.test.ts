import * as assert from 'node:assert/strict';
import type { DocumentChanges } from '../../../shared/changes';
import { sincePhrase, sinceVersion } from '../../../shared/render/changeWords';
import { changeNoticeTree } from '../../../shared/render/exportChanges';
import { renderPreviewBody, renderPreviewShell } from '../../../shared/render/render';
import type { PreviewAudience } from '../../../shared/render/view';
import { getPreviewModel, parseGpai, testEngine } from '../../helpers/engine';
import { edit, example } from '../../helpers/text';
import { ATTACKS } from './models';

const KESTREL = example('kestrel-13b.gpai.yaml');

/** Version 2.2 of Kestrel-13B: a larger model, a licence renamed, a model version added, a new history entry. */
function later(): string {
  let text = edit(KESTREL, 'version: "2.1"\n  last_updated: 2025-10-14', 'version: "2.2"\n  last_updated: 2025-11-01');
  text = edit(text, 'total_model_size: 1.3e10', 'total_model_size: 1.6e10');
  text = edit(text, 'license_type: Proprietary commercial licence', 'license_type: Kestrel <b>licence</b> 2.0');
  text = edit(
    text,
    '    - Kestrel-13B-Instruct-2509\n',
    '    - Kestrel-13B-Instruct-2509\n    - Kestrel-13B-Chat-2510\n',
  );
  text = edit(
    text,
    '      changes: Added Kestrel-13B-Instruct-2509 and updated the data figures.\n',
    '      changes: Added Kestrel-13B-Instruct-2509 and updated the data figures.\n    - version: "2.1"\n      date: 2025-10-14\n      changes: Licence terms.\n',
  );
  return edit(text, '  version: "1.1"\n  last_updated: 2025-09-02', '  version: "1.2"\n  last_updated: 2025-11-01');
}

const NEW = later();
const model = getPreviewModel(parseGpai(NEW));

function changes(audience: PreviewAudience = 'all', before = KESTREL, after = NEW): DocumentChanges {
  return testEngine().diff(parseGpai(before), parseGpai(after), audience);
}

function body(audience: PreviewAudience = 'all', mode: 'webview' | 'standalone' = 'webview'): string {
  return renderPreviewBody(model, { mode, audience, changes: { changes: changes(audience), source: 'HEAD' } });
}

/** The row (or header entry) of one item. */
function rowOf(html: string, id: string): string {
  const m = new RegExp(
    `<(tr|div) class="[^"]*item[^"]*" data-item-id="${id.replace(/[./]/g, '\\$&')}"[\\s\\S]*?</\\1>(?=\\s*(<tr|</tbody|<div class="meta-row|<div class="meta-row|</dl))`,
  ).exec(html);
  assert.ok(m, `no row for ${id}`);
  return m[0];
}

describe('preview: changes since an earlier version', () => {
  it('marks each changed row with its kind and the value it had, escaped', () => {
    const html = body();
    const size = rowOf(html, 'form/2.9');
    assert.match(size, /class="item state-written changed change-changed"/);
    assert.match(
      size,
      /<span class="badge badge-change-changed">Changed<\/span><span class="reason">since v2\.1<\/span>/,
    );
    assert.match(size, /Before:<\/span> <del class="value">1\.3e10<\/del>/);
    const licence = rowOf(html, 'form/3.4');
    assert.match(licence, /<del class="value">Proprietary commercial licence<\/del>/);
    assert.match(licence, /Kestrel &lt;b&gt;licence&lt;\/b&gt; 2\.0/);
    assert.doesNotMatch(html, /<b>licence/);
    const versions = rowOf(html, 'form/1.2');
    assert.match(versions, /change-added/);
    assert.match(versions, /Model versions, entry 3, added:<\/span> <ins class="value">Kestrel-13B-Chat-2510<\/ins>/);
    assert.match(rowOf(html, 'form/D.2'), /meta-row item state-written changed change-changed/);
  });

  it('leaves rows that did not change, and the page without changes, unmarked', () => {
    const html = body();
    assert.doesNotMatch(rowOf(html, 'form/2.1'), /changed|change-mark/);
    const plain = renderPreviewBody(model, { mode: 'webview' });
    assert.doesNotMatch(plain, /change-mark|changes-banner|class="[^"]*\bchanged\b/);
  });

  it('says above the form whose changes since which version, and lists those that are no row', () => {
    const html = body();
    const banner = /<section class="changes-banner"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.match(
      banner,
      /Changes for all recipients since version 2\.1 of 2025-10-14 \(HEAD\)<\/strong>: \d+ items changed, \d+ added/,
    );
    assert.match(banner, /Also changed, outside the rows below:[\s\S]*Earlier versions[\s\S]*Entry 3, added/);
    assert.match(banner, /data-action="export-changes"/);
    assert.match(
      banner,
      /<button type="button" class="change-chip change-changed" data-action="go" data-go="form\/2\.9" title="Changed: Form 2\.9 [^"]+">Form 2\.9<\/button>/,
    );
    assert.match(banner, /data-go="training-content-summary"[^>]*>Training-content summary H\.1</);
    assert.match(banner, /data-go="form\/D\.2"[^>]*>Document version number</, 'the header rows by their labels');
    assert.doesNotMatch(banner, /data-go="format\/history"/, 'the history is listed in full, not as a row');
    assert.ok(html.indexOf('changes-banner') < html.indexOf('form-header'), 'the banner comes first');
    assert.doesNotMatch(body('all', 'standalone'), /data-action/);
    assert.match(
      body('all', 'standalone'),
      /<span class="change-chip change-changed" title="Changed: Form 2\.9 [^"]+">Form 2\.9<\/span>/,
    );
  });

  it('marks the training-content summary, which is published, under its title', () => {
    const summary = /<section class="chapter training-summary changed"[\s\S]*?<\/section>/.exec(body())?.[0] ?? '';
    assert.match(
      summary,
      /<ul class="summary-changes"><li class="changed change-changed"><strong>Training-content summary H\.1/,
    );
    assert.match(summary, /<del class="value">1\.1<\/del>/);
  });

  it('marks only what the audience receives', () => {
    const html = body('downstream');
    assert.match(rowOf(html, 'form/3.4'), /change-changed/);
    assert.doesNotMatch(html, /data-item-id="form\/2\.9"/);
    assert.match(rowOf(html, 'form/2.10'), /Derived from Form 2\.9, before:<\/span> <del class="value">5B-15B<\/del>/);
    assert.match(html, /Changes for downstream providers since/);
    assert.doesNotMatch(html, /Earlier versions|summary-changes/, 'the history and the summary are not sent to them');
  });

  it('writes attacks in the values, the field names, the version and the source as text', () => {
    const attack = (i: number) => ATTACKS[i % ATTACKS.length];
    const real = changes();
    const hostile: DocumentChanges = {
      ...real,
      old: { version: attack(0), lastUpdated: attack(1) },
      groups: real.groups.map((g) => ({
        ...g,
        items: g.items.map((item, i) => ({
          ...item,
          ref: attack(i + 2),
          label: attack(i + 3),
          changes: item.changes.map((c, j) => ({
            ...c,
            field: attack(i + j),
            old: attack(i + j + 1),
            new: attack(i + j + 4),
          })),
        })),
      })),
    };
    const html = renderPreviewBody(model, { mode: 'webview', changes: { changes: hostile, source: attack(5) } });
    for (const tag of ['<script', '<img', '<style', '<svg', '<iframe', '<b>', '<a href="javascript'])
      assert.ok(!html.includes(tag), `${tag} in the marked preview`);
    assert.ok(html.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;'));
    const shell = renderPreviewShell('file:///a', {
      nonce: 'n',
      changesToggle: { available: true, on: true, label: attack(0), title: attack(5) },
    });
    assert.ok(!shell.includes('<script>window'), 'the toggle words are text');
    assert.match(shell, /<input type="checkbox" id="changes" checked>/);
  });

  it('names the earlier version by its number, else by where it was read', () => {
    assert.equal(sinceVersion({ version: '2.1' }, 'HEAD'), 'v2.1');
    assert.equal(sinceVersion({ version: 'draft-3' }, 'HEAD'), 'draft-3');
    assert.equal(sinceVersion({}, 'v2.0'), 'v2.0');
    assert.equal(
      sincePhrase({ version: '2.1', lastUpdated: '2025-10-14' }, 'HEAD'),
      'version 2.1 of 2025-10-14 (HEAD)',
    );
    assert.equal(sincePhrase({}, 'a.gpai.yaml'), 'a.gpai.yaml');
    assert.equal(sincePhrase({ version: '2.1', lastUpdated: '2025-10-14' }, 'v2.1'), 'version 2.1 of 2025-10-14');
  });
});

describe('change notice as an export tree (PDF, DOCX)', () => {
  it('has a part per section, each item with its kind, its readers and each value before and now', () => {
    const tree = changeNoticeTree(changes('downstream'), {
      generatedOn: '2025-11-01',
      sources: { old: 'v2.1', new: 'k.gpai.yaml' },
    });
    assert.equal(tree.title, 'Changes to the documentation of Kestrel-13B');
    assert.deepEqual(
      tree.meta.find(([k]) => k === 'Prepared for'),
      ['Prepared for', 'Downstream providers'],
    );
    assert.equal(tree.draft, undefined);
    assert.equal(tree.unconfirmed, undefined, 'a notice states nothing about the catalogue it does not show');
    const row = tree.parts.flatMap((p) => p.rows).find((r) => r.number === 'Form 3.4');
    assert.ok(row, JSON.stringify(tree.parts.map((p) => p.rows.map((r) => r.number))));
    const text = JSON.stringify(row.blocks);
    assert.match(text, /"CHANGED"/);
    assert.match(text, /"Before: ","style":"muted"\},\{"text":"Proprietary commercial licence"/);
    assert.match(text, /"Now: ","style":"muted"\},\{"text":"Kestrel <b>licence<\/b> 2\.0"/);
    assert.ok(text.includes('"  For: DPs"'), text);
    assert.match(tree.footer, /by comparing v2\.1 with k\.gpai\.yaml/);
  });

  it('is a draft whose open item is the version number when both versions carry the same one', () => {
    const same = edit(NEW, 'version: "2.2"\n  last_updated: 2025-11-01', 'version: "2.1"\n  last_updated: 2025-11-01');
    const tree = changeNoticeTree(changes('all', KESTREL, same));
    assert.match(tree.draft ?? '', /same version number/);
    assert.deepEqual(
      tree.openItems.map((o) => o.label),
      ['Document version number'],
    );
  });
});
