import * as assert from 'node:assert/strict';
import { pauseBetweenRules, RequestTraffic } from '../../server/src/validation';

/**
 * Requests as vscode-jsonrpc handles them: one per turn of the event loop, each answered request counted as
 * the server's handlers count it. `count` requests arrived together; Infinity for a stream that never stops.
 */
function arrive(traffic: RequestTraffic, log: string[], count: number): () => void {
  let stopped = false;
  const next = (left: number) => {
    if (left === 0 || stopped) return;
    setImmediate(() => {
      if (stopped) return;
      traffic.answered++;
      log.push('request');
      next(left - 1);
    });
  };
  next(count);
  return () => (stopped = true);
}

describe('language server: the pause between two rules of a check', () => {
  it('lets through every request that arrived together before the next rule runs', async () => {
    const traffic = new RequestTraffic();
    const log: string[] = [];
    arrive(traffic, log, 3); // a hover, a completion and a code action sent at once
    await pauseBetweenRules(traffic)();
    log.push('next rule');
    assert.deepEqual(log, ['request', 'request', 'request', 'next rule']);
  });

  it('goes on at once when nothing arrived', async () => {
    const traffic = new RequestTraffic();
    const log: string[] = [];
    await pauseBetweenRules(traffic)();
    log.push('next rule');
    assert.deepEqual(log, ['next rule']);
  });

  it('does not let a stream of requests hold the check up for ever', async () => {
    const traffic = new RequestTraffic();
    const log: string[] = [];
    const stop = arrive(traffic, log, Infinity);
    await pauseBetweenRules(traffic)();
    const before = traffic.answered;
    stop();
    assert.ok(before >= 8 && before <= 20, `the check went on after ${before} requests`);
  });
});
