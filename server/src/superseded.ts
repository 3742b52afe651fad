/**
 * Superseded versions of a large file, freed sooner than V8 would free them.
 *
 * Each keystroke gives a new text of the whole file (vscode-languageserver-textdocument concatenates and
 * reads it, which makes one flat string). A text over 128 KB lives in V8's large-object space; when a minor
 * collection finds it still current, it moves to the old generation, where only a full collection frees it.
 * While a writer types in a 10,000-line file (726 KB, 1.45 MB with one non-ASCII character), V8 runs no full
 * collection for many seconds, and the superseded texts add up to tens of megabytes. So once superseded
 * texts add up to `thresholdChars`, the server asks for a full collection, which V8 runs incrementally
 * (mostly on a background thread, with pauses of a few milliseconds).
 */

/** Asks the runtime for a full garbage collection; fire and forget. */
export type CollectGarbage = () => void;

/**
 * About 12-24 MB of superseded text: a collection every 16 keystrokes in a 10,000-line file (726 K characters),
 * every 190 in a 1,000-line one. Each collection pauses the server a few milliseconds, and a request that meets
 * the pause waits for it. Measured in 20-second typing sessions on the benchmark's 10,000-line file, with a hover
 * every 30 ms (peak memory; hover p95), started as the VS Code client starts the server: 4 million characters,
 * 109 MB, 14-15 ms; 12 million, 114 MB, 10-13 ms; 16 million, 116-117 MB, 10-13 ms. Before (no collection, no
 * flag): 166-168 MB, 10-11 ms.
 */
export const SUPERSEDED_CHARS = 12_000_000;

/**
 * How long after the keystroke that reaches the threshold the collection starts: after that version's check
 * (10-20 ms in a 10,000-line file), in the pause before the next keystroke, so that its pauses do not fall on
 * the hovers and completions sent while the check runs.
 */
export const AFTER_CHECK_MS = 50;

export class SupersededTexts {
  private chars = 0;
  private due = false;

  constructor(
    private readonly collect: CollectGarbage | undefined,
    private readonly thresholdChars = SUPERSEDED_CHARS,
    private readonly later: (run: () => void) => void = (run) => setTimeout(run, AFTER_CHECK_MS),
  ) {}

  /** A version of `chars` characters is superseded by a newer one. */
  add(chars: number): void {
    const collect = this.collect;
    if (!collect) return;
    this.chars += chars;
    if (this.chars < this.thresholdChars || this.due) return;
    this.due = true;
    this.later(() => {
      this.due = false;
      this.chars = 0;
      collect();
    });
  }
}
