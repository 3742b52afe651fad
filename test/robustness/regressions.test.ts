/**
 * Bugs the fuzz and the hostile inputs found, each with the smallest input that showed it (the fuzz's seed
 * and document index in the title where it found them).
 */
import * as assert from 'node:assert/strict';
import { getCompletions, getDocumentSymbols } from '../../server/src/engine';
import { TODAY } from '../helpers/diagnostics';
import { parse } from '../helpers/text';
import { Bounds, everyRange, symbolProblems } from '../fuzz/invariants';

describe('robustness: regressions', () => {
  it('answers a completion asked past the end of a line or of the text inside the text (fuzz seed 20250802, document 28)', () => {
    const text = '# Short file: truncated\n';
    for (const position of [{ line: 0, character: 297 }, { line: 3, character: 0 }]) {
      const { items } = getCompletions(parse(text), position, { today: TODAY });
      assert.ok(items.length > 0);
      assert.deepEqual(everyRange(new Bounds(text), items, 'completion'), []);
    }
  });

  it('keeps each symbol\'s selection inside its range when a key runs over line breaks (fuzz seed 20250802, documents 743 and 789)', () => {
    for (const text of [':\n|+\n ', 's: e: :\n\r']) {
      assert.deepEqual(symbolProblems(new Bounds(text), getDocumentSymbols(parse(text)), 'outline'), []);
    }
  });
});
