/**
 * `gpai-docs check [paths…]`: find the files (discover.ts), read each safely (files.ts), run the engine, print
 * one format. Exit codes: 0 clean; 1 errors found, or more warnings than --max-warnings; 2 something could not
 * be checked (see `checkCommand`).
 */
import { existsSync } from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseSettingsFile, type Engine, type PreviousVersion, type Settings } from '../server/src/engine';
import { cliEngine } from './engine';
import { formatGithub, formatGitlab, formatJunit, formatSarif } from './ciFormats';
import { discover } from './discover';
import { displayPath, InputError, readDocument, readText } from './files';
import { fileAtRevision, NotInRevision } from './git';
import { printData, printLines, warn } from './output';
import { formatJson, formatText, summaryLine, tally, type FileResult } from './report';
import { jsonSafe } from './safeText';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions {
  readonly format?: string;
  readonly 'max-warnings'?: string;
  readonly config?: string;
  readonly today?: string;
  readonly hints?: boolean;
  readonly verbose?: boolean;
  readonly 'no-ignore'?: boolean;
  /** Check each file against its version at this git revision too (version.unchanged, history.removed). */
  readonly since?: string;
}

/**
 * Checks what `paths` name. Exit 2, after checking every other file, when something named on the command line
 * gave nothing to check (a missing path, an empty folder, a glob matching nothing, a FIFO, a device, a
 * dangling link), when a `.gpai.yaml` file found could not be read as text (permissions, over 20 MB, NUL
 * bytes, not UTF-8), or when nothing at all was checked. Special files and unreadable folders met in a search
 * are skipped with a warning and do not change the exit code.
 */
export function checkCommand(paths: readonly string[], options: CheckOptions, version: string): number {
  const format = checkFormat(options.format);
  const maxWarnings = options['max-warnings'] === undefined ? Infinity : Number(options['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity)
    throw new InputError('--max-warnings must be a whole number');
  const settings = loadSettings(options.config);
  const { results, failed } = checkFiles(paths, options, settings, format === 'sarif' || format === 'gitlab');
  if (!results.length) {
    if (!failed) warn('nothing was checked: no file could be read');
    return 2;
  }
  print(format, results, version);
  if (failed) return 2;
  const t = tally(results);
  if (t.errors) return 1;
  if (t.warnings > maxWarnings) {
    warn(`${t.warnings} warnings, more than --max-warnings ${maxWarnings}`);
    return 1;
  }
  return 0;
}

function checkFormat(format = 'text'): CheckFormat {
  if (!(CHECK_FORMATS as readonly string[]).includes(format))
    throw new InputError(`--format must be ${CHECK_FORMATS.join(', ')}, not "${format}"`);
  return format as CheckFormat;
}

/** `keepText`: the formats with fingerprints read each file's text again. */
function checkFiles(paths: readonly string[], options: CheckOptions, settings: Settings, keepText: boolean) {
  const { files, notes } = discover(paths, { ignore: !options['no-ignore'] });
  let failed = false;
  for (const note of notes) {
    if (note.level === 'warning' || options.verbose) warn(`${displayPath(note.path)}: ${note.why}`);
    failed ||= note.fails ?? false;
  }
  const results: FileResult[] = [];
  const engine = cliEngine(options.today, settings);
  for (const file of files) {
    const shown = displayPath(file.path);
    const read = readDocument(file.path);
    if (read.problem !== undefined) {
      warn(`${shown}: ${read.problem}; skipped`);
      failed ||= file.explicit || read.kind === 'unreadable';
      continue;
    }
    if (read.linkTarget !== undefined && options.verbose) warn(`${shown}: a symbolic link to ${read.linkTarget}`);
    const previous = options.since === undefined ? undefined : previousVersion(engine, file.path, options);
    const doc = engine.parse(read.text, file.path);
    const { diagnostics } = engine.checkNow(doc, previous ? { previous } : {});
    results.push({
      path: shown,
      text: keepText ? read.text : undefined,
      completeness: engine.coverage(doc)?.counts,
      diagnostics: options.hints ? diagnostics : diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint),
    });
  }
  return { results, failed };
}

/**
 * The file at `--since`, parsed. A file the revision does not have (added since) has no earlier version; a
 * revision that does not exist, or a folder outside git, stops the run (exit 2).
 */
function previousVersion(engine: Engine, path: string, options: CheckOptions): PreviousVersion | undefined {
  const since = options.since!;
  try {
    return { doc: engine.parse(fileAtRevision(since, path), `${since}:${displayPath(path)}`), label: since };
  } catch (e) {
    if (!(e instanceof NotInRevision)) throw e;
    if (options.verbose) warn(`${displayPath(path)}: not in revision ${since}; checked without an earlier version`);
    return undefined;
  }
}

function print(format: CheckFormat, results: readonly FileResult[], version: string): void {
  switch (format) {
    case 'text':
      return printLines(formatText(results));
    case 'json':
      return printData(jsonSafe(formatJson(results)));
    case 'sarif':
      return printData(jsonSafe(formatSarif(results, version)));
    case 'github':
      return printLines(formatGithub(results, summaryLine(results)));
    case 'junit':
      return printData(formatJunit(results));
    case 'gitlab':
      return printData(jsonSafe(formatGitlab(results)));
  }
}

/** Severities from `--config`, else from `.gpai-docs.json` in the current folder if there is one. */
function loadSettings(config: string | undefined): Settings {
  const path = config ?? '.gpai-docs.json';
  if (!existsSync(path)) {
    if (config) throw new InputError(`${path}: no such settings file`);
    return { severity: {} };
  }
  const { settings, problems } = parseSettingsFile(readText(path));
  for (const p of problems) warn(`${path}: ${p}; ignored`);
  return settings;
}
