import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const set = (from: string | RegExp, to: string) => edit(KESTREL, from, to);
const FEED = 'update_feed: https://kestrel-ls.example/crawler/changes.atom';

describe('rule links', () => {
  it('reports a link that is not well formed', () => {
    const [d] = withCode(set(FEED, 'update_feed: htps//kestrel-ls.example/feed'), 'link.malformed');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /`copyright\.rights_reservations\.update_feed`/);
  });

  it('suggests the full form of www. links and e-mail addresses', () => {
    assert.match(
      withCode(set(FEED, 'update_feed: www.kestrel-ls.example/feed'), 'link.malformed')[0].message,
      /https:\/\/www\.kestrel-ls\.example\/feed/,
    );
    assert.match(
      withCode(set(FEED, 'update_feed: feed@kestrel-ls.example'), 'link.malformed')[0].message,
      /mailto:feed@kestrel-ls\.example/,
    );
  });

  it('warns on http, with a fix to https', () => {
    const [d] = withCode(set(FEED, 'update_feed: http://kestrel-ls.example/feed'), 'link.insecure');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['copyright', 'rights_reservations', 'update_feed'],
      value: 'https://kestrel-ls.example/feed',
      title: 'Use https',
    });
  });

  it('checks a link that opens a free-text answer or a list entry', () => {
    assert.equal(
      withCode(
        set(
          'acceptable_use_policy: https://kestrel-ls.example/legal/acceptable-use',
          'acceptable_use_policy: javascript:alert(1)',
        ),
        'link.malformed',
      ).length,
      1,
    );
    assert.equal(
      withCode(
        set(
          '      - https://kestrel-ls.example/crawler\n',
          '      - http://kestrel-ls.example/crawler (public page)\n',
        ),
        'link.insecure',
      ).length,
      1,
    );
    assert.deepEqual(
      withCode(
        set(
          '      - https://kestrel-ls.example/crawler\n',
          '      - Crawler page at http://kestrel-ls.example/crawler\n',
        ),
        'link.insecure',
      ),
      [],
      'a link inside a sentence',
    );
  });

  it('accepts mailto links', () => {
    assert.deepEqual(
      codes(set(FEED, 'update_feed: mailto:crawler@kestrel-ls.example')).filter((c) => c.startsWith('link.')),
      [],
    );
  });

  it('reports Code ids that do not exist, written as ids or in words', () => {
    const text = set(
      'document: Kestrel Copyright Policy v1.3, 2025-07-15',
      'document: Kestrel policy, see copyright/1.6, safety-security/9.3, form/9.1 and Safety and Security Measure 11.1',
    );
    const found = withCode(text, 'reference.unknown-id');
    assert.deepEqual(
      found.map((d) => d.message.match(/^"([^"]+)"/)![1]),
      ['copyright/1.6', 'form/9.1', 'Safety and Security Measure 11.1'],
    );
    assert.equal(found[0].severity, DiagnosticSeverity.Error);
    const line = text.split('\n')[found[0].range.start.line];
    assert.equal(line.slice(found[0].range.start.character, found[0].range.end.character), 'copyright/1.6');
  });

  it('does not read ids inside links', () => {
    assert.deepEqual(
      withCode(set(FEED, 'update_feed: https://kestrel-ls.example/copyright/2024/feed'), 'reference.unknown-id'),
      [],
    );
  });

  it('finds ids in comments too, and in a CRLF file', () => {
    const text = set('gpai: 1', '# Copyright Measure 1.9 is covered below\ngpai: 1').replace(/\n/g, '\r\n');
    const [d] = withCode(text, 'reference.unknown-id');
    assert.equal(d.range.start.line, 3);
    assert.equal(d.range.start.character, 2);
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
        codes(example(name)).filter((c) => c.startsWith('link.') || c.startsWith('reference.')),
        [],
        name,
      );
    }
  });
});

describe('rule links: the top crawled domains', () => {
  const summary = (domains: string[]) =>
    [
      'gpai: 1',
      'training_content_summary:',
      '  data_sources:',
      '    crawled_data:',
      '      used: true',
      '      domains:',
      ...domains.map((d) => `        - ${d}`),
      '',
    ].join('\n');

  it('reads domain names as domain names, as the template asks, not as malformed links', () => {
    assert.deepEqual(withCode(summary(['www.example.org', 'en.wikipedia.org', 'example.org']), 'link.malformed'), []);
  });

  it('still checks a domain written as a link', () => {
    assert.equal(withCode(summary(['www.example.org', 'http://news.example.com']), 'link.insecure').length, 1);
  });
});
