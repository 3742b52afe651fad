/**
 * The `gpai-docs` command line: arguments in, engine calls, text out. Exit codes: 0 clean, 1 errors found
 * (or more warnings than --max-warnings), 2 the input or the command could not be used (check.ts says when).
 * Whatever is printed passes through output.ts, which escapes control characters and ends quietly when the
 * reader closes the pipe.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cliEngine } from './engine';
import { catalogueCommand } from './catalogue';
import { CHECK_FORMATS, checkCommand } from './check';
import { explainCommand } from './explain';
import { diffCommand } from './diff';
import { displayPath, InputError, readText } from './files';
import { endQuietlyOnClosedOutput, printData, printLines, warn } from './output';
import { renderCommand } from './render';
import { formatCoverage } from './report';
import { jsonSafe } from './safeText';

const HELP = `gpai-docs: check documentation of general-purpose AI models (.gpai.yaml) against the EU AI Act
and the Code of Practice for General-Purpose AI Models.

Usage:
  gpai-docs check [paths or globs...] [--format ${CHECK_FORMATS.join('|')}]
                  [--max-warnings N] [--config file] [--hints] [--no-ignore] [--verbose] [--since git-ref]
      Check files. A folder (default: the current one) is searched for *.gpai.yaml, hidden folders too,
      leaving out node_modules, .git and what .gitignore and .gpai-docsignore files ignore (unless
      --no-ignore); quoted globs ('docs/**/*.gpai.yaml') are expanded the same way. A file named on the
      command line is always checked. --verbose names each file skipped and why. Hints (guidance such as
      the recommended length) are shown only with --hints, as VS Code keeps them out of its Problems panel.
      github: GitHub Actions annotations; junit: JUnit XML; gitlab: GitLab Code Quality; sarif: code scanning.
      --since also checks each file against its version at that git revision: content changed under the
      same version number and date, a history entry removed.
  gpai-docs coverage <file> [--detail] [--format text|json]
      Coverage of the Code: chapters and commitments (with --detail: measures and form items).
  gpai-docs explain <id, code or key>
      A measure (safety-security/9.3), form item (form/2.9), provision (Art. 53(2)), diagnostic code
      (missing.item) or key of the format (training_compute, model_properties.maximum_input_size.text).
  gpai-docs catalogue [--format json|text]
      The catalogue: chapters, commitments, measures and form items.
  gpai-docs render <file> [--audience all|ai-office|nca|downstream] [--format html|md|pdf|docx]
                   [--document form|summary|copyright-policy] [--out path [--force]] [--strict]
      The file as the Model Documentation Form for one audience (or, with --document, the public summary
      of training content or the summary of the copyright policy): HTML, Markdown, PDF or DOCX. A draft is
      marked DRAFT; --strict writes nothing and exits 1 if there is an error or an open item. --out never
      writes over the file rendered, nor over any existing file without --force.
  gpai-docs diff <old> <new> | --since <git-ref> <file>
                 [--audience all|ai-office|nca|downstream] [--format text|md|html|json|pdf|docx]
                 [--out path [--force]]
      What changed between two versions, item by item, for everyone or for what one recipient receives.
      Each side is a file or <git-ref>:<path> (read with git; the path from the repository's top, or from
      the current folder when it starts with ./); --since compares a file with its version at that
      revision. md, html, pdf and docx: a change notice to send with the update. Formatting and comments
      are no change; the same meaning written otherwise is "reworded". Warns when the two name different
      models. --out never writes over a file compared, nor over any existing file without --force.

Options:
  --today YYYY-MM-DD   the date date-based checks count from (default: today)
  -h, --help           this help
  -v, --version        the version

Exit status: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 something could not be
checked or the command could not be used (a path named that gives no file, a .gpai.yaml file that cannot
be read as text, nothing found to check, a bad option; for diff: a revision or path git does not have, a
folder outside a git repository, a side that does not parse).`;

function version(): string {
  for (const candidate of [join(__dirname, '..', 'package.json'), join(__dirname, '..', '..', 'package.json')]) {
    if (existsSync(candidate)) return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

function main(argv: string[]): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      config: { type: 'string' },
      today: { type: 'string' },
      detail: { type: 'boolean' },
      hints: { type: 'boolean' },
      verbose: { type: 'boolean' },
      'no-ignore': { type: 'boolean' },
      audience: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      document: { type: 'string' },
      strict: { type: 'boolean' },
      since: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) return print(version());
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    printLines(HELP.split('\n'));
    return command || values.help ? 0 : 2;
  }
  checkDate(values.today);
  switch (command) {
    case 'check':
      return checkCommand(rest, values, version());
    case 'coverage':
      return coverage(rest, values);
    case 'explain':
      return explainCommand(rest);
    case 'catalogue':
    case 'catalog':
      return catalogueCommand(values.format ?? 'text');
    case 'render':
      return renderCommand(rest, values);
    case 'diff':
      return diffCommand(rest, values);
    default:
      throw new InputError(`unknown command "${command}"; run gpai-docs --help`);
  }
}

function print(text: string): number {
  printLines([text]);
  return 0;
}

/** `--today` must be a day of the calendar written YYYY-MM-DD: 2025-02-30 is refused. */
function checkDate(today: string | undefined): void {
  if (today === undefined) return;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== today)
    throw new InputError(`--today ${today} is not a date (YYYY-MM-DD)`);
}

function coverage(paths: string[], options: { format?: string; detail?: boolean; today?: string }): number {
  if (paths.length !== 1) throw new InputError('coverage takes one file: gpai-docs coverage <file>');
  const format = options.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new InputError(`--format must be text or json, not "${format}"`);
  const [path] = paths;
  const engine = cliEngine(options.today);
  const report = engine.coverage(engine.parse(readText(path), path))!;
  if (format === 'json') printData(jsonSafe(JSON.stringify(report, null, 2)));
  else printLines(formatCoverage(displayPath(path), report, options.detail ?? false));
  return 0;
}

function fail(e: unknown): void {
  const parseError = e instanceof TypeError && String((e as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
  if (e instanceof InputError || parseError) warn((e as Error).message);
  else warn(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}

endQuietlyOnClosedOutput();
try {
  // PDF and DOCX are written asynchronously: the exit code follows once they are.
  const code = main(process.argv.slice(2));
  if (typeof code === 'number') process.exitCode = code;
  else code.then((c) => (process.exitCode = c), fail);
} catch (e) {
  fail(e);
}
