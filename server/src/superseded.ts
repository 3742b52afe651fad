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
 * About 4-8 MB of superseded text: a collection every 5-6 keystrokes in a 10,000-line file (726 KB), every 60
 * in a 1,000-line one. Measured on the benchmark's typing session: 8 million characters gave a peak 3-4 MB
 * higher, 16 million 5 MB higher.
 */
export const SUPERSEDED_CHARS = 4_000_000;

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
