import * as assert from 'node:assert/strict';
import type { DocumentChanges } from '../../../shared/changes';
import { changesToggle } from '../../../client/src/preview/changesToggle';
import { plain } from '../../../client/src/translate';

const changes: DocumentChanges = {
  old: { version: '2.0', lastUpdated: '2025-09-02' },
  new: { version: '2.2', lastUpdated: '2025-11-01' },
  audience: 'downstream',
  counts: { changed: 3, added: 1, removed: 0, reworded: 1 },
  groups: [],
};

describe("preview: the 'Changes since' toggle", () => {
  it('names the earlier version and counts the changes for the audience shown', () => {
    const toggle = changesToggle(true, { label: 'v2.0' }, { changes, source: 'v2.0' }, plain);
    assert.deepEqual(toggle, {
      available: true,
      on: true,
      label: 'Changes since v2.0 (5)',
      title: 'Mark on the form what changed since version 2.0 of 2025-09-02',
    });
  });

  it('names where the version was read until the server has compared', () => {
    assert.equal(changesToggle(false, { label: 'HEAD' }, undefined, plain).label, 'Changes since HEAD');
  });

  it('is off and disabled, saying why, without an earlier version', () => {
    const toggle = changesToggle(true, undefined, undefined, plain);
    assert.equal(toggle.available, false);
    assert.equal(toggle.on, false);
    assert.match(toggle.title, /No earlier version of this file is known: commit it to a git repository/);
  });

  it('passes every text through the translation function', () => {
    const upper = (m: string, ...a: Array<string | number | boolean>) => plain(m, ...a).toUpperCase();
    assert.equal(
      changesToggle(true, { label: 'HEAD' }, { changes, source: 'HEAD' }, upper).label,
      'CHANGES SINCE V2.0 (5)',
    );
  });
});
