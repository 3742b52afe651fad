import * as assert from 'node:assert/strict';
import { CrashHistory } from '../../../client/src/crashPolicy';

describe('server crash policy', () => {
  const MINUTE = 60_000;

  it('restarts a crashed server up to the limit, then gives up', () => {
    const history = new CrashHistory({ maxRestarts: 3, windowMs: 3 * MINUTE });
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => history.crashed(i * 1000)),
      ['restart', 'restart', 'restart', 'give-up'],
    );
  });

  it('forgets crashes older than the window', () => {
    const history = new CrashHistory({ maxRestarts: 2, windowMs: MINUTE });
    history.crashed(0);
    history.crashed(1000);
    assert.equal(history.crashed(2 * MINUTE), 'restart');
  });

  it('starts counting again after a manual restart', () => {
    const history = new CrashHistory({ maxRestarts: 1, windowMs: MINUTE });
    history.crashed(0);
    assert.equal(history.crashed(1), 'give-up');
    history.reset();
    assert.equal(history.crashed(2), 'restart');
  });
});
