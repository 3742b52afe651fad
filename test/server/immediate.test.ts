import * as assert from 'node:assert/strict';
import { installSetImmediate } from '../../server/src/immediate';

/** The polyfill as a web worker gets it: installed on a scope that has neither function. */
function workerScope() {
  const scope: { setImmediate?: unknown; clearImmediate?: unknown } = {};
  installSetImmediate(scope);
  return scope as {
    setImmediate: (callback: (...args: unknown[]) => void, ...args: unknown[]) => unknown;
    clearImmediate: (id: unknown) => void;
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('language server in a web worker: setImmediate and clearImmediate', () => {
  it('runs callbacks in order, with their arguments, after the current task', async () => {
    const scope = workerScope();
    const log: string[] = [];
    scope.setImmediate((a) => log.push(`first ${String(a)}`), 'x');
    scope.setImmediate(() => log.push('second'));
    log.push('now');
    await settle();
    assert.deepEqual(log, ['now', 'first x', 'second']);
  });

  it('cancels a callback that has not run, and leaves the others alone', async () => {
    const scope = workerScope();
    const log: string[] = [];
    scope.setImmediate(() => log.push('kept before'));
    const id = scope.clearImmediate(scope.setImmediate(() => log.push('cancelled')));
    scope.setImmediate(() => log.push('kept after'));
    assert.equal(id, undefined);
    await settle();
    assert.deepEqual(log, ['kept before', 'kept after']);
  });

  it('ignores an id that already ran or was never given', async () => {
    const scope = workerScope();
    const log: string[] = [];
    const ran = scope.setImmediate(() => log.push('ran'));
    await settle();
    scope.clearImmediate(ran);
    scope.clearImmediate(12345);
    scope.setImmediate(() => log.push('later'));
    await settle();
    assert.deepEqual(log, ['ran', 'later']);
  });

  it('leaves a runtime that has its own setImmediate alone', () => {
    const own = () => undefined;
    const scope: { setImmediate?: unknown; clearImmediate?: unknown } = { setImmediate: own };
    installSetImmediate(scope);
    assert.equal(scope.setImmediate, own);
    assert.equal(scope.clearImmediate, undefined);
  });
});
