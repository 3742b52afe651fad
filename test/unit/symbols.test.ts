import * as assert from 'node:assert/strict';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { getCodeLenses, getDocumentLinks, getFoldingRanges } from '../../server/src/engine/navigation';
import { getDocumentSymbols } from '../../server/src/engine/symbols';
import { Commands } from '../../shared/names';
import { edit, example, lines, parse, sectionTitle } from '../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');

const find = (symbols: readonly DocumentSymbol[], name: string): DocumentSymbol =>
  symbols.find((s) => s.name === name)!;
const contains = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
  (outer.start.line < inner.start.line ||
    (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line ||
    (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

describe('navigation', () => {
  describe('document symbols', () => {
    it('outlines the file by form section and chapter, with the official titles as detail', () => {
      const symbols = getDocumentSymbols(parse(KESTREL));
      const data = find(symbols, 'data');
      assert.equal(data.detail, sectionTitle(6));
      assert.equal(data.kind, SymbolKind.Module);
      assert.equal(find(data.children!, 'bias_measures').detail, 'form 6.9 Measures to detect identifiable biases');
      const copyright = find(symbols, 'copyright');
      assert.equal(copyright.detail, 'Copyright chapter · Commitment 1 “Copyright policy”');
      assert.equal(
        find(copyright.children!, 'rights_reservations').detail,
        'Copyright Measure 1.3 “Identify and comply with rights reservations when crawling the World Wide Web”',
      );
      assert.equal(
        find(find(copyright.children!, 'rights_reservations').children!, 'robots_txt').detail,
        undefined,
        'a field does not repeat its measure',
      );
    });

    it('names list entries by their first value and keeps every selection range inside its range', () => {
      const symbols = getDocumentSymbols(parse(KESTREL));
      const access = find(find(symbols, 'distribution_and_licenses').children!, 'downstream_access');
      assert.deepEqual(
        access.children!.map((c) => c.name),
        ['1. Kestrel API', '2. Enterprise on-premises licence'],
      );
      const check = (list: readonly DocumentSymbol[]) => {
        for (const s of list) {
          assert.ok(contains(s.range, s.selectionRange), s.name);
          check(s.children ?? []);
        }
      };
      check(symbols);
    });

    it("ends a block text's range on its last line of text", () => {
      const text = lines('use:', '  intended_uses: >-', '    Drafting.', '    Translation.', '', 'data:');
      const uses = getDocumentSymbols(parse(text))[0].children![0];
      assert.deepEqual(uses.range, { start: { line: 1, character: 2 }, end: { line: 3, character: 16 } });
    });
  });

  describe('folding ranges', () => {
    it('folds blocks, list entries and runs of comments', () => {
      const ranges = getFoldingRanges(parse(KESTREL));
      assert.deepEqual(ranges[0], { startLine: 0, endLine: 2, kind: FoldingRangeKind.Comment });
      const dataLine = KESTREL.split('\n').indexOf('data:');
      const data = ranges.find((r) => r.startLine === dataLine)!;
      assert.match(KESTREL.split('\n')[data.endLine], /stereotype benchmarks/);
      const entry = KESTREL.split('\n').findIndex((l) => l.includes('- channel: Kestrel API'));
      assert.ok(ranges.some((r) => r.startLine === entry && r.endLine === entry + 1));
    });
  });

  describe('document links', () => {
    it('links https and mailto addresses in values and comments, and nothing else', () => {
      const text = lines(
        '# See https://example.org/guide.',
        'copyright:',
        '  contact_and_complaints:',
        '    contact: mailto:rights@example.org',
        '    complaint_mechanism: "https://example.org/complaints"',
        'use:',
        '  acceptable_use_policy: http://example.org/aup javascript:alert(1) ftp://x.example',
      );
      const links = getDocumentLinks(parse(text));
      assert.deepEqual(
        links.map((l) => l.target),
        ['https://example.org/guide', 'mailto:rights@example.org', 'https://example.org/complaints'],
      );
      assert.deepEqual(links[2].range, { start: { line: 4, character: 26 }, end: { line: 4, character: 56 } });
    });
  });

  describe('code lenses', () => {
    it("shows each section's coverage on its heading", () => {
      const text = edit(KESTREL, /\n {2}curation_methodologies: >-\n( {4}.*\n)*/, '\n');
      const lenses = getCodeLenses(parse(text));
      const data = lenses.find((l) => l.range.start.line === text.split('\n').indexOf('data:'))!;
      assert.equal(data.command!.title, 'Section 6 · 8/9 items · 1 missing');
      assert.equal(data.command!.command, Commands.showCoverage);
      assert.deepEqual(data.command!.arguments, ['file:///test.gpai.yaml', 'form/section-6']);
      assert.ok(lenses.some((l) => l.command!.title === 'Copyright chapter · 5/5 measures'));
      assert.ok(lenses.some((l) => l.command!.title === 'Training-content summary · 3/3 parts'));
    });

    it('counts the Safety and Security chapter by measure, and says when a section does not apply', () => {
      assert.ok(
        getCodeLenses(parse(example('halcyon-xl.gpai.yaml'))).some((l) =>
          /^Safety and Security chapter · \d+\/32 measures/.test(l.command!.title),
        ),
      );
      const exempt = lines(
        'gpai: 1',
        'classification:',
        '  systemic_risk: none',
        '  open_source_exemption:',
        '    claimed: true',
        '    licence: Apache-2.0',
        '    licence_kind: free-and-open-source',
        '    weights: https://m.example/w',
        '    architecture: https://m.example/a',
        '    usage: https://m.example/u',
        '    monetised: false',
        'model_properties:',
        '  model_architecture: Transformer.',
      );
      assert.match(
        getCodeLenses(parse(exempt))[0].command!.title,
        /^Section 2 · not applicable: open-source exemption/,
      );
    });
  });
});
