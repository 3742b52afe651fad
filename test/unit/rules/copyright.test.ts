import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const MEADOW = example('meadow-7b.gpai.yaml');
const set = (from: string | RegExp, to: string) => edit(KESTREL, from, to);

describe('rule copyright', () => {
  it('reports web crawling declared false while the data provenance lists it, and the fix declares it', () => {
    const [d] = withCode(set('web_crawling: true', 'web_crawling: false'), 'copyright.web-crawling');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /form 6\.2 “Data provenance” lists web_crawling/);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['copyright', 'web_crawling'],
      value: 'true',
      title: 'Declare web crawling',
    });
  });

  it('reports Measure 1.3 set aside although the web was crawled', () => {
    const text = set(
      / {2}rights_reservations:\n {4}status: implemented\n/,
      '  rights_reservations:\n    status: not_applicable\n    reason: No.\n',
    );
    const [d] = withCode(text, 'copyright.web-crawling');
    assert.equal(dataOf(d).id, 'copyright/1.3');
  });

  it('reports a summary that denies the crawling the copyright chapter declares', () => {
    const text = set(
      '  last_updated: 2025-09-02\n',
      '  last_updated: 2025-09-02\n  data_sources:\n    crawled_data:\n      used: false\n',
    );
    assert.equal(withCode(text, 'copyright.web-crawling').length, 1);
  });

  it('asks the crawlers to follow robots.txt as RFC 9309 specifies', () => {
    const [d] = withCode(set(/robots_txt: .*/, 'robots_txt: Our crawler behaves politely.'), 'copyright.crawlers');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(d.message, /RFC 9309/);
    assert.ok(dataOf(d).provisions.includes('RFC 9309'));
    assert.deepEqual(
      withCode(set(/robots_txt: .*/, 'robots_txt: Follows the Robots Exclusion Protocol.'), 'copyright.crawlers'),
      [],
    );
  });

  it('reports circumvention of technological measures', () => {
    const [d] = withCode(set('no_circumvention: true', 'no_circumvention: false'), 'copyright.crawlers');
    assert.equal(dataOf(d).id, 'copyright/1.2');
  });

  it('asks for an electronic point of contact and complaint mechanism', () => {
    const text = set(
      'contact: mailto:copyright@kestrel-ls.example',
      'contact: Legal department, 1 rue de la Paix, Paris',
    );
    const [d] = withCode(text, 'copyright.contact');
    assert.equal(dataOf(d).id, 'copyright/1.5');
    const form = set(
      'complaint_mechanism: https://kestrel-ls.example/legal/copyright-complaints',
      'complaint_mechanism: By letter to our office.',
    );
    assert.equal(withCode(form, 'copyright.contact').length, 1);
    assert.deepEqual(
      withCode(
        set('contact: mailto:copyright@kestrel-ls.example', 'contact: Write to copyright@kestrel-ls.example'),
        'copyright.contact',
      ),
      [],
    );
  });

  it('does not ask about crawlers when no crawling is declared', () => {
    assert.deepEqual(
      codes(MEADOW).filter((c) => c.startsWith('copyright.')),
      [],
    );
  });

  it('stays quiet on the examples', () => {
    for (const name of [
      'kestrel-13b.gpai.yaml',
      'halcyon-xl.gpai.yaml',
      'meadow-7b.gpai.yaml',
      'kestrel-13b-distilled.gpai.yaml',
      'kestrel-7b-2024.gpai.yaml',
    ]) {
      assert.deepEqual(
        codes(example(name)).filter((c) => c.startsWith('copyright.')),
        [],
        name,
      );
    }
  });
});
