/**
 * The one reader of gpai-docs settings: the `.gpai-docs.json` file (JSON with comments and trailing commas),
 * read by the CLI and, through the editor, by the language server, and the editor's `gpaiDocs.*` settings.
 * Both carry a severity per code. Reading is forgiving: a bad entry is skipped and reported in plain words
 * (with its line and column when read from text), never fatal; a file that is not JSON counts as empty.
 * Also the JSON Schema of the file (schemas/gpai-docs-config.schema.json, written by scripts/generate.mjs),
 * built from the same list of codes, so that the editor's completion and the loader cannot disagree.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from './ranges';
import { allCodes } from './rules';
import type { SeveritySetting } from './rules/types';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface Settings {
  readonly severity: Readonly<Record<string, SeveritySetting>>;
}

/** One problem of a settings file, where it is. */
export interface SettingsProblem {
  readonly message: string;
  /** In the file's text (lines and UTF-16 characters from 0, as LSP counts); absent for a settings object. */
  readonly range?: Range;
}

export interface SettingsResult {
  readonly settings: Settings;
  /** What was wrong, one sentence each, naming the key. */
  readonly problems: readonly string[];
  /** The same problems, each with its range when the settings were read from text. */
  readonly located: readonly SettingsProblem[];
}

/** Where a problem lies: the key or the value at a JSON path. */
interface Found {
  readonly message: string;
  readonly path: readonly string[];
  readonly at: 'key' | 'value';
}

/** Read a settings object as found in `.gpai-docs.json` or in the `gpaiDocs` settings. */
export function readSettings(raw: unknown): SettingsResult {
  const { settings, found } = check(raw);
  return { settings, problems: found.map((f) => f.message), located: found.map((f) => ({ message: f.message })) };
}

/**
 * Parse the text of a `.gpai-docs.json` file: JSON, with `//` and `/* *\/` comments and trailing commas
 * allowed. Text that is not JSON gives the defaults and one problem per syntax error.
 */
export function parseSettingsFile(text: string): SettingsResult {
  // A byte order mark is read as a space, so that offsets still count from the file's first character.
  const source = text.replace(/^\uFEFF/, ' ');
  const lines = new LineIndex(source);
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !tree) {
    const located = (errors.length ? errors : [{ error: 0, offset: 0, length: 0 }]).slice(0, 10).map((e) => {
      const at = lines.positionAt(e.offset);
      const what = errors.length ? printParseErrorCode(e.error) : 'no value';
      return {
        message: `it is not valid JSON (${what} at line ${at.line + 1}, column ${at.character + 1})`,
        range: lines.range(e.offset, e.offset + e.length),
      };
    });
    return { settings: { severity: {} }, problems: located.map((p) => p.message), located };
  }
  const { settings, found } = check(valueOf(tree));
  const located = found.map((f) => ({ message: f.message, range: rangeOf(tree, f, lines) }));
  return { settings, problems: located.map((p) => p.message), located };
}

function check(raw: unknown): { settings: Settings; found: Found[] } {
  const found: Found[] = [];
  const severity: Record<string, SeveritySetting> = {};
  if (raw === undefined || raw === null) return { settings: { severity }, found };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    found.push({
      message: 'the settings must be a JSON object, such as { "severity": { "missing.item": "error" } }',
      path: [],
      at: 'value',
    });
    return { settings: { severity }, found };
  }
  const known = new Set<string>(allCodes.map((c) => c.code));
  const given = (raw as Record<string, unknown>).severity;
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    found.push({
      message: '"severity" must be an object mapping diagnostic codes to error, warning, information, hint or off',
      path: ['severity'],
      at: 'value',
    });
  } else if (given) {
    for (const [code, value] of Object.entries(given as Record<string, unknown>)) {
      const path = ['severity', code];
      if (!known.has(code)) {
        found.push({
          message: `"severity" names "${code}", which is not a diagnostic code (see docs/diagnostics.md)`,
          path,
          at: 'key',
        });
      } else if (typeof value !== 'string' || !SEVERITY_SETTINGS.includes(value as SeveritySetting)) {
        found.push({
          message: `"severity.${code}" is ${JSON.stringify(value)}; use one of ${SEVERITY_SETTINGS.join(', ')}`,
          path,
          at: 'value',
        });
      } else {
        severity[code] = value as SeveritySetting;
      }
    }
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'severity' && key !== '$schema')
      found.push({ message: `unknown setting "${key}"`, path: [key], at: 'key' });
  }
  return { settings: { severity }, found };
}

/** The plain value of a parse tree; of a key given twice, the last counts (as JSON.parse does). */
function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) out[String(key.value)] = valueOf(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}

function rangeOf(tree: Node, found: Found, lines: LineIndex): Range {
  const value = findNodeAtLocation(tree, [...found.path]) ?? tree;
  const node = found.at === 'key' && value.parent?.type === 'property' ? value.parent.children![0] : value;
  return lines.range(node.offset, node.offset + node.length);
}

/** The JSON Schema of `.gpai-docs.json`: every code, with its title and default severity. */
export function buildConfigSchema(): Record<string, unknown> {
  const severities = [...SEVERITY_SETTINGS];
  const codes = Object.fromEntries(
    [...allCodes]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => [
        c.code,
        {
          enum: severities,
          description: `${c.title}. Default: ${c.severity}. See docs/diagnostics.md.`,
          markdownDescription: `${c.title}. Default: \`${c.severity}\`. See [docs/diagnostics.md](https://github.com/gpai-docs/gpai-docs/blob/main/docs/diagnostics.md).`,
        },
      ]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/gpai-docs/gpai-docs/blob/main/schemas/gpai-docs-config.schema.json',
    title: 'gpai-docs settings (.gpai-docs.json)',
    description:
      'Settings of gpai-docs for the documentation files in this folder and below: read by `gpai-docs check` and by the editor, where the nearest file wins over the gpaiDocs.severity setting for the codes it names. JSON with comments. Generated from the gpai-docs rules; do not edit by hand.',
    type: 'object',
    allowComments: true,
    allowTrailingCommas: true,
    properties: {
      $schema: { type: 'string' },
      severity: {
        type: 'object',
        description: 'The level of each diagnostic code: error, warning, information, hint, or off to hide it.',
        properties: codes,
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}
