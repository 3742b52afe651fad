import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportTree } from '../../../shared/render/exportDocument';
import { draftStatus, strictProblems } from '../../../shared/render/exportFacts';
import { renderExport } from '../../../shared/render/exporters';
import { renderPreviewHtml } from '../../../shared/render/render';
import { renderDocx } from '../../../shared/render/renderDocx';
import { renderPreviewMarkdown } from '../../../shared/render/renderMarkdown';
import { pdfDefinition } from '../../../shared/render/renderPdf';
import { hyphenateHtml } from '../../../shared/render/renderPrint';
import { renderPublicMarkdown } from '../../../shared/render/renderSummary';
import { catalogue } from '../../../server/src/engine';
import { getPreviewModel, parseGpai } from '../../helpers/engine';
import type { Audience, PreviewModel } from '../../../shared/types';
import { ROOT } from '../../helpers/text';
import { INVALID_FIXTURE } from './models';

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.gpai.yaml'));
const AUDIENCES: Audience[] = ['ai-office', 'nca', 'downstream'];

function modelOf(file: string): PreviewModel {
  return getPreviewModel(parseGpai(readFileSync(file, 'utf8'), file));
}

const invalid = () => modelOf(INVALID_FIXTURE);
const example = (name: string) => modelOf(join(ROOT, 'examples', name));

/** The XML parts of a DOCX, read with Debian's unzip. */
function docxParts(bytes: Uint8Array, dir: string): { document: string; headers: string } {
  const file = join(dir, 'export.docx');
  writeFileSync(file, bytes);
  const names = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' }).stdout.split('\n');
  const read = (name: string) => spawnSync('unzip', ['-p', file, name], { encoding: 'utf8' }).stdout;
  return {
    document: read('word/document.xml'),
    headers: names
      .filter((n) => /^word\/header\d*\.xml$/.test(n))
      .map(read)
      .join('\n'),
  };
}

/** The text of a WordprocessingML part: its runs' text, with XML entities decoded. */
function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join(' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('exports you can send', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'gpai-exports-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('marks an invalid number and an invalid date, and is a DRAFT, in HTML', () => {
    const html = renderPreviewHtml(invalid(), { css: 'body{}', generatedOn: '2025-11-01' });
    assert.equal((html.match(/class="badge badge-invalid">Not valid</g) ?? []).length, 2);
    assert.match(html, /2025-13-45 is not a real date/);
    assert.match(html, /&quot;billion&quot; is not that unit/);
    assert.doesNotMatch(html, /<span class="date">2025-13-45/, 'an impossible date is never shown as a date');
    assert.match(html, /@top-right \{ content: "DRAFT"/, 'DRAFT in a margin box of every printed page');
    assert.match(html, /<div class="draft-watermark" aria-hidden="true">DRAFT<\/div>/);
    assert.match(html, /<section class="open-items" id="open-items"><h2>Open items<\/h2>/);
    for (const n of ['1.4', '2.9', '2.10'])
      assert.match(html, new RegExp(`<tr><td class="num">${n.replace('.', '\\.')}</td>`));
  });

  it('marks both and is a DRAFT in Markdown', () => {
    const md = renderPreviewMarkdown(invalid(), { audience: 'all' });
    assert.equal((md.match(/\*\*Not valid\*\*/g) ?? []).length, 2);
    assert.match(md, /^> \*\*DRAFT\*\* — Not ready to send: 3 open items/m);
    assert.match(md, /^## Open items$/m);
    assert.doesNotMatch(md, /1-500M|1–500M/, 'no parameter range derived from "13 billion"');
  });

  it('marks both and is a DRAFT in the PDF: header and watermark on every page, the open items', () => {
    const def = pdfDefinition(exportTree(invalid(), { document: 'form', audience: 'all' }, '2025-11-01'));
    const json = JSON.stringify(def.content);
    assert.equal((json.match(/"NOT VALID"/g) ?? []).length, 2);
    assert.match(json, /2025-13-45 is not a real date/);
    assert.match(json, /"Open items"/);
    assert.deepEqual(def.watermark?.text, 'DRAFT');
    assert.match(JSON.stringify(def.header(1, 5)), /"DRAFT"/);
    assert.deepEqual(def.footer(2, 5).text, 'Page 2 of 5');
  });

  it('writes a PDF file in pure JavaScript, fonts embedded', async () => {
    const face = (name: string) => readFileSync(join(ROOT, 'node_modules', 'pdfmake', 'fonts', 'Roboto', name));
    const fonts = {
      regular: face('Roboto-Regular.ttf'),
      bold: face('Roboto-Medium.ttf'),
    };
    const pdf = await renderExport(invalid(), { document: 'form', audience: 'all', format: 'pdf', fonts });
    assert.ok(pdf instanceof Uint8Array);
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
    assert.match(Buffer.from(pdf).toString('latin1'), /\/FontFile2/, 'the font is embedded');
  });

  it('marks both and is a DRAFT in the DOCX: DRAFT in the page header, the open items', async () => {
    const { document, headers } = docxParts(
      await renderDocx(exportTree(invalid(), { document: 'form', audience: 'all' })),
      dir,
    );
    const text = xmlText(document);
    assert.equal((text.match(/NOT VALID/g) ?? []).length, 2);
    assert.match(text, /2025-13-45 is not a real date/);
    assert.match(text, /"billion" is not that unit/);
    assert.match(text, /Open items/);
    assert.match(xmlText(headers), /DRAFT/);
  });

  for (const file of EXAMPLES) {
    it(`${file}: the DOCX for each audience holds every item it receives, numbered and labelled`, async () => {
      const model = example(file);
      for (const audience of AUDIENCES) {
        const tree = exportTree(model, { document: 'form', audience }, '2025-11-01');
        const text = xmlText(docxParts(await renderDocx(tree), dir).document);
        for (const item of catalogue.itemsFor(audience).filter((i) => i.section > 0))
          assert.ok(
            text.includes(`${item.number} ${catalogue.itemLabel(item)}`),
            `${audience}: ${item.number} ${item.label}`,
          );
        assert.equal(text.includes('DRAFT'), draftStatus(model, { document: 'form', audience }).draft);
      }
    });
  }

  it('gives form 3.5 to downstream providers and the AI Office, not to national authorities', () => {
    const model = example('kestrel-13b.gpai.yaml');
    const rows = (audience: Audience) =>
      exportTree(model, { document: 'form', audience })
        .parts.flatMap((p) => p.rows)
        .map((r) => r.number);
    assert.ok(rows('downstream').includes('3.5'));
    assert.ok(rows('ai-office').includes('3.5'));
    assert.ok(!rows('nca').includes('3.5'));
  });

  it('lists what is open for the reader, and only counts errors in parts the reader never receives', () => {
    const status = draftStatus(invalid(), { document: 'form', audience: 'downstream' });
    assert.deepEqual(
      status.open.map((o) => o.number),
      ['1.4', '2.10'],
    );
    assert.equal(status.elsewhere, 1, 'the 2.9 error: its message quotes the parameter count');
    assert.ok(!status.open.some((o) => /billion/.test(o.reason)));
    assert.equal(strictProblems(invalid(), { document: 'form', audience: 'downstream' }).length, 3);
    assert.equal(draftStatus(example('kestrel-13b.gpai.yaml'), { document: 'form', audience: 'all' }).draft, false);
  });

  it('writes the public summary of training content as the template, and the copyright policy without its evidence', () => {
    const summary = renderPublicMarkdown(example('meadow-7b.gpai.yaml'), { document: 'summary' });
    const numbers = [...summary.matchAll(/^### ([\dH][\w.]*) /gm)].map((m) => m[1].replace(/\\/g, ''));
    assert.deepEqual(
      numbers,
      catalogue.summaryTemplateItems.map((i) => i.number),
    );
    assert.match(summary, /^## Section 2 {2}List of data sources$/m);
    const policy = renderPublicMarkdown(example('kestrel-13b.gpai.yaml'), { document: 'copyright-policy' });
    assert.match(policy, /^# Summary of the copyright policy$/m);
    assert.match(policy, /Measure 1\\?\.3 Identify and comply with rights reservations/);
    assert.doesNotMatch(policy, /Evidence|Robots\.txt conformance test report/, 'evidence stays with the AI Office');
  });

  it('puts soft hyphens in long words of cells only, never in links, numbers or headings', () => {
    const hyphenate = (w: string) => w.replace(/(.{4})/g, '$1\u00ad');
    const html = hyphenateHtml(
      '<h2>Documentation</h2><td>circumvention https://example.org/documentation 1.3e10</td>',
      hyphenate,
    );
    assert.match(html, /<h2>Documentation<\/h2>/);
    assert.match(html, /<td>circ\u00adumve\u00adntio\u00adn https:\/\/example\.org\/documentation 1\.3e10<\/td>/);
  });
});
