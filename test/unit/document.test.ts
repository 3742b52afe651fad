import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine/ranges';
import { fileModel, scalarText } from '../../server/src/engine/model';
import { parse } from '../helpers/text';

describe('document and positions', () => {
  it('converts offsets and positions both ways with LF, CRLF and CR line breaks', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['a: 1', 'bb: 22', '', 'c: 3'].join(eol);
      const index = new LineIndex(text);
      assert.equal(index.lineCount, 4);
      const offset = text.indexOf('22');
      assert.deepEqual(index.positionAt(offset), { line: 1, character: 4 });
      assert.equal(index.offsetAt({ line: 1, character: 4 }), offset);
      assert.equal(index.lineText(1), 'bb: 22');
      assert.equal(index.offsetAt({ line: 1, character: 99 }), index.lineEnd(1), 'clamped to the line');
    }
    assert.equal(new LineIndex('a\r\nb').eol, '\r\n');
  });

  it('keeps the text of a number as written', () => {
    const doc = parse('x:\n  a: 1.0e25\n  b: "1e25"\n  c: 7.30e10 # note\n');
    assert.equal(scalarText(doc, fileModel(doc).nodeAt(['x', 'a'])), '1.0e25');
    assert.equal(scalarText(doc, fileModel(doc).nodeAt(['x', 'b'])), '1e25');
    assert.equal(scalarText(doc, fileModel(doc).nodeAt(['x', 'c'])), '7.30e10');
  });

  it('parses once per version and memoises what is derived from it', () => {
    const doc = parse('gpai: 1\n');
    assert.equal(doc.version, 1);
    assert.equal(doc.derived.size, 0);
  });
});
