/**
 * The extension-host test suite's entry (`extensionTestsPath`): runs every `*.test.js` beside it with mocha
 * inside VS Code's extension host, desktop (test-electron) or code-server (URL payload). Results go to the
 * console and, when GPAI_DESKTOP_RESULTS names a file, to that file as JSON (the code-server route reads it:
 * a remote extension host's console is not the runner's).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResults {
  readonly passed: string[];
  readonly failed: { title: string; error: string }[];
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  for (const f of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  const results: SuiteResults = { passed: [], failed: [] };
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => results.passed.push(t.fullTitle()));
    runner.on('fail', (t, e: Error) =>
      results.failed.push({ title: t.fullTitle(), error: String(e?.message ?? e).split('\n')[0] }),
    );
  });
  const out = process.env.GPAI_DESKTOP_RESULTS;
  if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
  if (failures) throw new Error(`${failures} extension-host test(s) failed`);
}
