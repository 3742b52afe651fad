/**
 * The `gpai-docs` command line: arguments in, engine calls, text out. Exit codes: 0 clean, 1 errors found
 * (or more warnings than --max-warnings), 2 the input or the command could not be used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  catalogue,
  explain,
  getCoverage,
  getDiagnostics,
  parseGpai,
  parseSettingsFile,
  suggestions,
  type Settings,
} from '../server/src/engine';
import { displayPath, findFiles, InputError, readText } from './files';
import { renderCommand } from './render';
import { formatCoverage, formatJson, formatSarif, formatText, tally, type FileResult } from './report';

const HELP = `gpai-docs: check documentation of general-purpose AI models (.gpai.yaml) against the EU AI Act
and the Code of Practice for General-Purpose AI Models.

Usage:
  gpai-docs check [paths...] [--format text|json|sarif] [--max-warnings N] [--config file] [--hints]
      Check files (default: every *.gpai.yaml under the current folder). Hints (guidance such as the
      recommended length) are shown only with --hints, as VS Code keeps them out of its Problems panel.
  gpai-docs coverage <file> [--detail] [--format text|json]
      Coverage of the Code: chapters and commitments (with --detail: measures and form items).
  gpai-docs explain <id or code>
      A measure (safety-security/9.3), form item (form/2.9), provision (Art. 53(2)) or diagnostic code.
  gpai-docs catalogue [--format json|text]
      The catalogue: chapters, commitments, measures and form items.
  gpai-docs render <file> [--audience all|ai-office|nca|downstream] [--format html|md|pdf|docx] [--out path]
                   [--document form|summary|copyright-policy] [--strict]
      The file as the Model Documentation Form for one audience (or, with --document, the public summary
      of training content or the summary of the copyright policy): HTML, Markdown, PDF or DOCX. A draft is
      marked DRAFT; --strict writes nothing and exits 1 if there is an error or an open item.

Options:
  --today YYYY-MM-DD   the date date-based checks count from (default: today)
  -h, --help           this help
  -v, --version        the version`;

function version(): string {
  for (const candidate of [join(__dirname, '..', 'package.json'), join(__dirname, '..', '..', 'package.json')]) {
    if (existsSync(candidate)) return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

class UsageError extends Error {}

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
      audience: { type: 'string' },
      out: { type: 'string' },
      document: { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) return out(version());
  const [command, ...rest] = positionals;
  if (values.help || !command) return out(HELP, command ? 0 : values.help ? 0 : 2);
  switch (command) {
    case 'check':
      return check(rest, values);
    case 'coverage':
      return coverage(rest, values);
    case 'explain':
      return explainCommand(rest);
    case 'catalogue':
    case 'catalog':
      return catalogueCommand(values.format ?? 'text');
    case 'render':
      return renderCommand(rest, values);
    default:
      throw new UsageError(`unknown command "${command}"; run gpai-docs --help`);
  }
}

function out(text: string, code = 0): number {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return code;
}

type Options = {
  format?: string;
  'max-warnings'?: string;
  config?: string;
  today?: string;
  detail?: boolean;
  hints?: boolean;
};

function loadSettings(options: Options): Settings {
  const path = options.config ?? '.gpai-docs.json';
  if (!existsSync(path)) {
    if (options.config) throw new InputError(`${path}: no such settings file`);
    return { severity: {} };
  }
  const { settings, problems } = parseSettingsFile(readText(path));
  for (const p of problems) process.stderr.write(`gpai-docs: ${path}: ${p}; ignored\n`);
  return settings;
}

function today(options: Options): string | undefined {
  if (options.today && !/^\d{4}-\d{2}-\d{2}$/.test(options.today))
    throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${options.today}"`);
  return options.today;
}

function check(paths: string[], options: Options): number {
  const format = options.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format))
    throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const maxWarnings = options['max-warnings'] === undefined ? Infinity : Number(options['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity)
    throw new UsageError('--max-warnings must be a whole number');
  const settings = loadSettings(options);
  const results: FileResult[] = findFiles(paths).map((file) => {
    const doc = parseGpai(readText(file), file);
    const { diagnostics } = getDiagnostics(doc, { severity: settings.severity, today: today(options) });
    return {
      path: displayPath(file),
      diagnostics: options.hints ? diagnostics : diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint),
    };
  });
  out(
    format === 'json'
      ? formatJson(results)
      : format === 'sarif'
        ? formatSarif(results, version())
        : formatText(results),
  );
  const t = tally(results);
  if (t.errors) return 1;
  if (t.warnings > maxWarnings) {
    process.stderr.write(`gpai-docs: ${t.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function coverage(paths: string[], options: Options): number {
  if (paths.length !== 1) throw new UsageError('coverage takes one file: gpai-docs coverage <file>');
  const files = findFiles(paths);
  const format = options.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json, not "${format}"`);
  const reports = files.map((f) => ({ path: displayPath(f), report: getCoverage(parseGpai(readText(f), f)) }));
  if (format === 'json')
    return out(JSON.stringify(reports.length === 1 ? reports[0].report : reports.map((r) => r.report), null, 2));
  return out(reports.map((r) => formatCoverage(r.path, r.report, options.detail ?? false)).join('\n\n'));
}

function explainCommand(args: string[]): number {
  const query = args.join(' ');
  if (!query) throw new UsageError('explain needs an id or a code, e.g. gpai-docs explain safety-security/9.3');
  const found = explain(query);
  if (!found) {
    const close = suggestions(query);
    throw new InputError(
      `nothing is called "${query}"${close.length ? `; did you mean ${close.join(', ')}?` : '; ids look like transparency/1.1, copyright/1.3, safety-security/9.3, form/2.9'}`,
    );
  }
  return out(toPlainText(found.markdown));
}

/** Markdown to terminal text: emphasis and code marks dropped, the rest kept. */
function toPlainText(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1$2');
}

function catalogueCommand(format: string): number {
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
  const chapters = catalogue.chapters.map((c) => ({
    id: c.id,
    title: c.title,
    appliesTo: c.appliesTo,
    provisions: c.provisions,
    commitments: catalogue.commitmentsOf(c.id).map((k) => ({
      id: k.id,
      title: k.title,
      provisions: k.provisions,
      measures: catalogue.measuresOf(k.id).map((m) => ({
        id: m.id,
        title: m.title,
        summary: m.summary,
        provisions: m.provisions,
        appliesTo: m.appliesTo,
        confidence: m.confidence,
      })),
    })),
  }));
  const formItems = catalogue.formItems.map((i) => ({
    id: i.id,
    section: i.section,
    label: i.label,
    qualifier: i.qualifier,
    recipients: i.recipients,
    words: i.words,
    na: i.na,
    values: i.values,
    precision: i.precision,
    annex: i.annex,
    measure: i.measure,
    confidence: i.confidence,
  }));
  if (format === 'json') {
    return out(
      JSON.stringify(
        {
          chapters,
          measures: catalogue.measures.map((m) => ({ id: m.id, title: m.title })),
          formSections: catalogue.formSections,
          formItems,
          trainingContentSummary: { ...catalogue.summaryTemplate, items: catalogue.summaryTemplateItems },
          provisions: catalogue.provisions,
          keyDates: catalogue.keyDates,
        },
        null,
        2,
      ),
    );
  }
  const lines: string[] = [];
  for (const c of chapters) {
    lines.push(`${c.title} (${c.id})`);
    for (const k of c.commitments) {
      lines.push(`  ${k.id}  ${k.title}`);
      for (const m of k.measures) lines.push(`    ${m.id}  ${m.title}`);
    }
  }
  lines.push('', 'Model Documentation Form');
  for (const i of formItems)
    lines.push(`  ${i.id}  ${i.label}${i.qualifier ? ` (${i.qualifier})` : ''}  [${i.recipients.join(', ')}]`);
  return out(lines.join('\n'));
}

function fail(e: unknown): void {
  if (
    e instanceof InputError ||
    e instanceof UsageError ||
    (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))
  ) {
    process.stderr.write(`gpai-docs: ${(e as Error).message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`gpai-docs: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}

try {
  const code = main(process.argv.slice(2));
  if (typeof code === 'number') process.exitCode = code;
  else code.then((c) => (process.exitCode = c), fail);
} catch (e) {
  fail(e);
}
