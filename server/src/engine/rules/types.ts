/**
 * The contract of a rule: one check in one file, with the stable codes it may report, each with a default
 * severity and a docs anchor in docs/diagnostics.md. Findings carry the catalogue id they concern and,
 * where the fix is obvious, fix data that the server's quick-fixes read (never the message text).
 */
import type { Range } from 'vscode-languageserver-types';
import type { Applicability } from '../applicability';
import type { PathSegment } from '../catalogue';
import type { GpaiDocument } from '../document';
import type { FileModel } from '../model';
import type { IsoDate } from '../values';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface CodeInfo<C extends string = string> {
  /** Stable code, e.g. `missing.item`. Renaming one breaks users' settings and suppressions. */
  readonly code: C;
  /** A few words for docs and settings, e.g. "A form item is missing". */
  readonly title: string;
  readonly severity: Severity;
  /** The code's findings can be fixed by a quick-fix. */
  readonly fixable?: boolean;
}

/** What a quick-fix should do. The server turns it into minimal text edits. */
export type FixData =
  /** Insert the keys `keys` under the map at `parent` (creating `parent` if absent), in the form's order. */
  | { readonly kind: 'insert-keys'; readonly parent: readonly PathSegment[]; readonly keys: readonly string[] }
  /** Replace the scalar at `path` with `value` (written as is), or add the key if it is absent. */
  | {
      readonly kind: 'set-value';
      readonly path: readonly PathSegment[];
      readonly value: string;
      readonly title: string;
    }
  /** Rename the key at `path` to `to`. */
  | { readonly kind: 'rename-key'; readonly path: readonly PathSegment[]; readonly to: string }
  /** Delete `range`: a stale suppression comment, with its line when it stands alone on it. */
  | { readonly kind: 'delete-range'; readonly range: Range; readonly title: string }
  /** Give the document a new version: `version`, dated `date`, with a history entry saying `changes`. */
  | {
      readonly kind: 'new-version';
      readonly version: string;
      readonly date: string;
      readonly changes: string;
      readonly title: string;
    };

export interface Finding<C extends string = string> {
  /** One of the codes the reporting rule declares: any other does not compile. */
  readonly code: C;
  readonly message: string;
  readonly range: Range;
  /** Overrides the code's default severity for this finding only (e.g. a legacy model's information). */
  readonly severity?: Severity;
  /** Catalogue id of the item, measure or entry concerned. */
  readonly id?: string;
  /** Provisions cited beyond those of `id` (e.g. `Art. 51(2)`). */
  readonly provisions?: readonly string[];
  readonly fix?: FixData;
}

export interface RuleContext {
  readonly doc: GpaiDocument;
  /** The file's answers, read once per version: what rules look up by typed key path. */
  readonly model: FileModel;
  readonly applicability: Applicability;
  /** Today's date, injected so that date rules are testable. Only "dated in the future" compares with it. */
  readonly today: IsoDate;
  /**
   * The date the documentation says it is current as of: `document.last_updated` when it is a real date not
   * after today, else today. Periods the Code sets (a Framework assessed every 12 months, a Model Report
   * updated every 6) are judged as of this date, so a file is judged as of the date it claims, and an
   * archived version keeps the findings it had.
   */
  readonly asOf: IsoDate;
  /**
   * The version the document was last committed or released as, when the caller knows it (the server from
   * the editor's git, the CLI with `check --since`): the rules that compare versions say nothing without it.
   */
  readonly previous?: PreviousVersion;
}

/** An earlier version of the document, and how to name it in a message ("HEAD", "v2.0"). */
export interface PreviousVersion {
  readonly doc: GpaiDocument;
  readonly label: string;
}

export interface Rule<C extends string = string> {
  /** The rule's name: its file name, used in logs when it fails. */
  readonly name: string;
  readonly codes: readonly CodeInfo<C>[];
  check(ctx: RuleContext): Finding<C>[];
}

/** The codes of a rule's list of codes (declared `as const`). */
export type CodesOf<T extends readonly CodeInfo[]> = T[number]['code'];

/**
 * A rule, with its codes as literal types: its findings can only carry a code it declares, and the union of
 * every rule's codes is the type `Code` (rules/index.ts).
 */
export function defineRule<const C extends string>(rule: {
  readonly name: string;
  readonly codes: readonly CodeInfo<C>[];
  check(ctx: RuleContext): Finding<NoInfer<C>>[];
}): Rule<C> {
  return rule;
}

/** The data every diagnostic carries, for quick-fixes, hovers and the CLI. */
export interface DiagnosticData {
  readonly id?: string;
  readonly measure?: string;
  readonly provisions: readonly string[];
  readonly citation: string;
  readonly fix?: FixData;
}
