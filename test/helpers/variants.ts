/**
 * Variants of an example that tests need, derived from the example when the test runs: a new item added to the
 * examples reaches them, and no frozen copy goes stale. Each edit must find its line (`edit` throws otherwise).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { edit, example, ROOT } from './text';

/** The example the variants start from. */
export const BASE_EXAMPLE = 'kestrel-13b.gpai.yaml';

/**
 * Kestrel-13B with two invalid answers, for the export tests: a total model size in "billion" (not parameters)
 * and a release date that does not exist. Exports must mark both, derive no parameter range, and be drafts.
 */
export function invalidValues(): string {
  let text = example(BASE_EXAMPLE).replace(/^(#.*\n)+/, '');
  text =
    '# Kestrel-13B with two invalid answers, for the export tests: a total model size in "billion" (not parameters)\n' +
    '# and a release date that does not exist. Exports must mark both, derive no parameter range, and be drafts.\n' +
    text;
  text = edit(text, /^(\s+release_date:) .*$/m, '$1 2025-13-45');
  return edit(text, /^(\s+total_model_size:) .*$/m, '$1 13 billion');
}

/** `invalidValues()` written to out/test/derived/invalid-values.gpai.yaml (beside the build); its path. */
export function invalidValuesFile(): string {
  const dir = join(ROOT, 'out', 'test', 'derived');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'invalid-values.gpai.yaml');
  writeFileSync(file, invalidValues());
  return file;
}

/** Kestrel-13B presumed to have systemic risk (3.1e25 FLOP, notified 2025-06-01) and without the chapter for it. */
export function systemicRiskWithoutChapter(): string {
  let text = example(BASE_EXAMPLE);
  text = edit(text, /^(\s+)systemic_risk: none$/m, '$1systemic_risk: presumed\n$1notification_date: 2025-06-01');
  return edit(text, /^(\s+training_compute:) 3\.1e23$/m, '$1 3.1e25');
}

/** The 1-based line of the first line of `text` that matches `pattern`. */
export function lineOf(text: string, pattern: RegExp): number {
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`no line matches ${String(pattern)}`);
  return index + 1;
}
