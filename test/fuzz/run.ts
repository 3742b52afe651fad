/**
 * `npm run fuzz -- --count N --seed S [--from I]`: the long fuzz. Prints progress, then the seed and a
 * replay command for every failing document; exits 1 if any failed.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_COUNT, DEFAULT_SEED, describeFailure, runFuzz } from './fuzz';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      'max-failures': { type: 'string' },
      trace: { type: 'boolean' },
    },
  });
  const number = (name: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${text}"`);
    return n;
  };
  const seed = number('seed', values.seed, DEFAULT_SEED);
  const count = number('count', values.count, DEFAULT_COUNT);
  console.log(`fuzz: ${count} documents from seed ${seed}`);
  const report = await runFuzz({
    seed,
    count,
    from: number('from', values.from, 0),
    maxFailures: number('max-failures', values['max-failures'], 20),
    log: (line) => console.log(line),
    trace: values.trace ? (line) => console.log(line) : undefined,
  });
  console.log(
    `fuzz: ${report.documents} documents, ${report.engineCalls} engine calls, ${report.requests} server requests answered in ${(report.ms / 1000).toFixed(1)} s`,
  );
  for (const f of report.failures) console.log(`\n✖ ${describeFailure(seed, f)}`);
  console.log(
    report.failures.length
      ? `\nfuzz: ${report.failures.length} failing documents (seed ${seed})`
      : `fuzz: no failure (seed ${seed})`,
  );
  return report.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`fuzz: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(2);
  },
);
