import * as assert from 'node:assert/strict';
import { DEFAULT_COUNT, DEFAULT_SEED, describeFailure, runFuzz, type FuzzReport } from './fuzz';

describe('fuzz: mutated examples through the engine and the server', function () {
  this.timeout(120_000);
  let report: FuzzReport;

  before(async () => {
    report = await runFuzz({ seed: DEFAULT_SEED, count: DEFAULT_COUNT });
  });

  it(`checks ${DEFAULT_COUNT} documents: every request answered, no exception, every range inside the document`, () => {
    assert.equal(
      report.documents,
      DEFAULT_COUNT,
      report.failures.map((f) => describeFailure(report.seed, f)).join('\n'),
    );
    assert.deepEqual(
      report.failures.map((f) => describeFailure(report.seed, f)),
      [],
    );
    assert.ok(report.requests >= DEFAULT_COUNT * 10, `${report.requests} server requests answered`);
    console.log(
      `\n      fuzz: ${report.documents} documents, ${report.engineCalls} engine calls, ${report.requests} server requests answered in ${(report.ms / 1000).toFixed(1)} s`,
    );
  });
});
