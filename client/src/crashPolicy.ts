/**
 * When the language server crashes: restart it, unless it crashed too often lately, in which case stop
 * and let the writer restart it by command. Pure; languageClient.ts applies it.
 */
export interface CrashPolicy {
  /** Restarts allowed within `windowMs`. */
  readonly maxRestarts: number;
  readonly windowMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicy = { maxRestarts: 3, windowMs: 3 * 60 * 1000 };

/** Remembers recent crashes; `crashed(now)` says whether to restart. */
export class CrashHistory {
  private times: number[] = [];

  constructor(private readonly policy: CrashPolicy = DEFAULT_CRASH_POLICY) {}

  crashed(now: number): 'restart' | 'give-up' {
    this.times = [...this.times.filter((t) => now - t < this.policy.windowMs), now];
    return this.times.length <= this.policy.maxRestarts ? 'restart' : 'give-up';
  }

  /** After a manual restart the count starts again. */
  reset(): void {
    this.times = [];
  }
}
