/**
 * The engine as the command line uses it: today is the writer's local date, or the day `--today` names
 * (its noon, read in UTC, so that every time zone gives that day), and severities come from the settings file.
 */
import { createEngine, type Engine, type Settings } from '../server/src/engine';

export function cliEngine(today?: string, settings?: Settings): Engine {
  return createEngine({
    ...(today ? { now: () => new Date(`${today}T12:00:00Z`), timeZone: 'UTC' } : {}),
    ...(settings ? { severity: settings.severity } : {}),
  });
}
