/**
 * The fuzz run: `count` documents made from `seed` (truncations of the short file, then mutations of the
 * examples), each checked by the engine and then by a real server over the protocol. A failing document
 * is shrunk to a small reproduction, written to test-artifacts/fuzz/ and reported with its seed and index.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/text';
import { checkWithEngine, type CheckResult } from './engineCheck';
import { fuzzDocument, loadCorpus, type FuzzDocument } from './mutations';
import { documentSeed, Random } from './random';
import { ServerSession } from './serverCheck';
import { kindOf, shrink } from './shrink';

export const DEFAULT_SEED = 20250802;
export const DEFAULT_COUNT = 2000;

export interface FuzzOptions {
  readonly count: number;
  readonly seed: number;
  /** The first document's index (to replay one failure: `--from 1234 --count 1`). */
  readonly from?: number;
  /** Stop after this many failing documents (default 5). */
  readonly maxFailures?: number;
  readonly log?: (line: string) => void;
  /** Told each document before it is checked: to find one that hangs. */
  readonly trace?: (line: string) => void;
}

export interface FuzzFailure {
  readonly index: number;
  readonly recipe: string;
  readonly problems: readonly string[];
  /** The smallest text found that still fails the same way. */
  readonly reproduction: string;
  readonly file: string;
}

export interface FuzzReport {
  readonly seed: number;
  readonly documents: number;
  /** Engine feature calls made and server requests answered. */
  readonly engineCalls: number;
  readonly requests: number;
  readonly failures: readonly FuzzFailure[];
  readonly ms: number;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const corpus = loadCorpus();
  const session = await ServerSession.start();
  const escaped: string[] = [];
  const onRejection = (reason: unknown) =>
    escaped.push(`unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`);
  process.on('unhandledRejection', onRejection);
  const failures: FuzzFailure[] = [];
  let engineCalls = 0;
  let requests = 0;
  let documents = 0;
  try {
    const first = options.from ?? 0;
    for (let index = first; index < first + options.count && failures.length < (options.maxFailures ?? 5); index++) {
      const doc = fuzzDocument(corpus, options.seed, index);
      options.trace?.(`document ${index} (${doc.text.length} characters): ${doc.recipe}`);
      const engine = checkWithEngine(doc.text, positions(options.seed, index));
      const server = await session.check(doc.text, positions(options.seed, index), index);
      documents++;
      engineCalls += engine.answered;
      requests += server.answered;
      const problems = [...engine.problems, ...server.problems, ...escaped.splice(0)];
      if (problems.length) failures.push(await failure(options, doc, problems, session, escaped));
      if (options.log && documents % 500 === 0)
        options.log(`  ${documents} documents, ${requests} requests answered, ${failures.length} failing`);
    }
  } finally {
    process.off('unhandledRejection', onRejection);
    session.dispose();
  }
  return { seed: options.seed, documents, engineCalls, requests, failures, ms: Date.now() - started };
}

/** The generator of request positions for one document: its own stream, so that replays ask the same. */
function positions(seed: number, index: number): Random {
  return new Random(documentSeed(seed ^ 0x5bd1e995, index));
}

async function failure(
  options: FuzzOptions,
  doc: FuzzDocument,
  problems: string[],
  session: ServerSession,
  escaped: string[],
): Promise<FuzzFailure> {
  const kind = kindOf(problems[0]);
  const onServer = !problems[0].startsWith('engine');
  const stillFails = async (text: string): Promise<boolean> => {
    const result: CheckResult = onServer
      ? await session.check(text, positions(options.seed, doc.index), doc.index)
      : checkWithEngine(text, positions(options.seed, doc.index));
    return [...result.problems, ...escaped.splice(0)].some((p) => kindOf(p) === kind);
  };
  // A hang costs a deadline per attempt: it is reported as generated.
  const reproduction = /within \d+ ms/.test(problems[0]) ? doc.text : await shrink(doc.text, stillFails);
  const dir = join(ROOT, 'test-artifacts', 'fuzz');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `seed-${options.seed}-document-${doc.index}.gpai.yaml`);
  writeFileSync(file, reproduction);
  writeFileSync(file.replace(/\.gpai\.yaml$/, '.original.gpai.yaml'), doc.text);
  return { index: doc.index, recipe: doc.recipe, problems: problems.slice(0, 10), reproduction, file };
}

/** A failure as printed: how to replay it, what went wrong, and the reproduction if it is short. */
export function describeFailure(seed: number, f: FuzzFailure): string {
  const text = f.reproduction.length <= 600 ? `\n    reproduction: ${JSON.stringify(f.reproduction)}` : '';
  return [
    `document ${f.index} of seed ${seed} (${f.recipe})`,
    `    replay: npm run fuzz -- --seed ${seed} --from ${f.index} --count 1`,
    ...f.problems.map((p) => `    ${p}`),
    `    smallest failing text (${f.reproduction.length} characters): ${f.file}${text}`,
  ].join('\n');
}
