/**
 * Settings shared by the CLI's `.gpai-docs.json` and the editor's `gpaiDocs.*` settings: severity per code.
 * Reading is forgiving and every problem is reported in plain words; a bad entry is skipped, never fatal.
 */
import { allCodes } from './rules';
import type { SeveritySetting } from './rules/types';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface Settings {
  readonly severity: Readonly<Record<string, SeveritySetting>>;
}

export interface SettingsResult {
  readonly settings: Settings;
  /** What was wrong, one sentence each, naming the key. */
  readonly problems: readonly string[];
}

/** Read a settings object as found in `.gpai-docs.json` or in `gpaiDocs` settings. */
export function readSettings(raw: unknown): SettingsResult {
  const problems: string[] = [];
  const severity: Record<string, SeveritySetting> = {};
  if (raw === undefined || raw === null) return { settings: { severity }, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      settings: { severity },
      problems: ['the settings must be a JSON object, such as { "severity": { "missing.item": "error" } }'],
    };
  }
  const known = new Set<string>(allCodes.map((c) => c.code));
  const given = (raw as Record<string, unknown>).severity;
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    problems.push('"severity" must be an object mapping diagnostic codes to error, warning, information, hint or off');
  } else if (given) {
    for (const [code, value] of Object.entries(given as Record<string, unknown>)) {
      if (!known.has(code)) {
        problems.push(`"severity" names "${code}", which is not a diagnostic code (see docs/diagnostics.md)`);
      } else if (typeof value !== 'string' || !SEVERITY_SETTINGS.includes(value as SeveritySetting)) {
        problems.push(`"severity.${code}" is ${JSON.stringify(value)}; use one of ${SEVERITY_SETTINGS.join(', ')}`);
      } else {
        severity[code] = value as SeveritySetting;
      }
    }
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'severity' && key !== '$schema') problems.push(`unknown setting "${key}"`);
  }
  return { settings: { severity }, problems };
}

/** Parse the text of a `.gpai-docs.json` file. */
export function parseSettingsFile(text: string): SettingsResult {
  try {
    return readSettings(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { settings: { severity: {} }, problems: [`it is not valid JSON (${message})`] };
  }
}
