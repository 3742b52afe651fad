import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers/text';

describe('client localisation', () => {
  it('has every vscode.l10n message in l10n/bundle.l10n.json', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/l10n.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('names every %key% of package.json in package.nls.json, and no other', () => {
    const pkg = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const used = new Set([...pkg.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
    assert.deepEqual(
      [...used].filter((k) => !(k in nls)),
      [],
    );
    assert.deepEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
    );
  });
});
