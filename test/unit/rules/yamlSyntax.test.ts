import * as assert from 'node:assert/strict';
import { codes, withCode } from '../../helpers/diagnostics';
import { lines } from '../../helpers/text';

describe('rule yamlSyntax', () => {
  it('reports a YAML syntax error at its line and column in plain words', () => {
    const [d] = withCode(lines('gpai: 1', 'document:', '  version: "2.1', '  last_updated: 2025-10-14'), 'yaml.syntax');
    assert.ok(d, 'a syntax error is reported');
    assert.ok(d.range.start.line >= 2, 'at or after the unclosed quote');
    assert.doesNotMatch(d.message, /YAML\.parseAllDocuments|implicit key/i, "not the parser's own words");
  });

  it('reports a key written twice in the same block', () => {
    const [d] = withCode(lines('gpai: 1', 'document:', '  version: "1"', '  version: "2"'), 'yaml.duplicate-key');
    assert.equal(d.range.start.line, 3);
  });

  it('reports tabs used as indentation', () => {
    assert.ok(
      codes(lines('gpai: 1', 'document:', '\tversion: "1"')).includes('yaml.tab-indentation') ||
        codes(lines('gpai: 1', 'document:', '\tversion: "1"')).includes('yaml.syntax'),
    );
  });

  it('reports a second YAML document in the file', () => {
    assert.ok(codes(lines('gpai: 1', '---', 'gpai: 1')).includes('yaml.multiple-documents'));
  });

  it('caps alias expansion (billion laughs) with a clear finding', () => {
    const bomb = ['gpai: 1', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    const started = Date.now();
    const found = withCode(lines(...bomb), 'yaml.alias-limit');
    assert.equal(found.length, 1);
    assert.ok(Date.now() - started < 5000, 'in bounded time');
  });

  it('reports a file that is a list instead of a mapping', () => {
    assert.deepEqual(codes(lines('- a', '- b')), ['yaml.not-a-mapping']);
  });

  it('says nothing about syntax for a file of comments only', () => {
    assert.ok(!codes(lines('# just a comment')).some((c) => c.startsWith('yaml.')));
  });
});
