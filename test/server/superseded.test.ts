import * as assert from 'node:assert/strict';
import { nodeCollectGarbage } from '../../server/src/collectGarbage';
import { ParseCache } from '../../server/src/documents';
import { createEngine } from '../../server/src/engine';
import { SupersededTexts } from '../../server/src/superseded';

const TEXT = 'gpai: 1\nmodel:\n  name: Halcyon\n';

/** A document as the server holds it, changed through the cache's own update (as didChange does). */
function typing(cache: ParseCache) {
  const config = cache.documents;
  const doc = config.create('file:///a.gpai.yaml', 'gpai-yaml', 1, TEXT);
  let version = 1;
  return {
    doc,
    type(text: string) {
      const at = doc.positionAt(doc.getText().length - 1);
      config.update(doc, [{ range: { start: at, end: at }, text }], ++version);
      return cache.get(doc);
    },
  };
}

/** A cache that collects at once when superseded texts reach `threshold` characters, and counts its collections. */
function counting(threshold: number) {
  const counter = { collections: 0 };
  const cache = new ParseCache(
    createEngine(),
    new SupersededTexts(
      () => counter.collections++,
      threshold,
      (run) => run(),
    ),
  );
  return { cache, counter };
}

describe('language server: superseded versions of a file', () => {
  it('asks for a full collection once the texts of superseded versions add up to the threshold, then counts again', () => {
    const { cache, counter } = counting(3 * TEXT.length);
    const t = typing(cache);
    cache.get(t.doc); // the first parse supersedes nothing
    t.type('x');
    t.type('y');
    assert.equal(counter.collections, 0, 'two superseded versions are below three texts');
    t.type('z'); // the third superseded version: the texts add up to more than three of the original
    assert.equal(counter.collections, 1);
    t.type('w');
    t.type('v');
    assert.equal(counter.collections, 1, 'counting starts again after a collection');
    assert.equal(t.type('u').text, `${TEXT.slice(0, -1)}xyzwvu\n`, 'the versions are parsed as before');
  });

  it('does not count a version asked for again without a change', () => {
    const { cache, counter } = counting(1);
    const t = typing(cache);
    const first = cache.get(t.doc);
    assert.equal(cache.get(t.doc), first);
    assert.equal(counter.collections, 0);
    t.type('x');
    assert.equal(counter.collections, 1);
  });

  it('collects once, after the check of the version that reached the threshold, however many versions come meanwhile', () => {
    let collections = 0;
    const waiting: (() => void)[] = [];
    const texts = new SupersededTexts(
      () => collections++,
      10,
      (run) => waiting.push(run),
    );
    texts.add(6);
    texts.add(6); // the threshold: a collection is scheduled, not made
    texts.add(6);
    texts.add(6);
    assert.equal(collections, 0);
    assert.equal(waiting.length, 1);
    waiting.shift()!();
    assert.equal(collections, 1);
    texts.add(6);
    assert.equal(waiting.length, 0, 'counting started again at the collection');
    texts.add(6);
    assert.equal(waiting.length, 1);
  });

  it('collects nothing where the runtime gives no way to (the web worker)', () => {
    const texts = new SupersededTexts(undefined, 1);
    assert.doesNotThrow(() => texts.add(1_000_000));
  });

  it('in Node, collects without a warning in the server log and leaves process.emitWarning as it was', async () => {
    const collect = nodeCollectGarbage();
    assert.ok(collect, 'Node has vm.measureMemory');
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    const emitWarning = process.emitWarning;
    process.on('warning', listen);
    try {
      collect();
      collect();
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', listen);
    }
    assert.equal(process.emitWarning, emitWarning);
    assert.deepEqual(warnings, []);
  });
});
