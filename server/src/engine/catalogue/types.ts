/**
 * Types of the catalogue: the Code of Practice for General-Purpose AI Models (final, 10 July 2025),
 * its Model Documentation Form, the training-content summary template and the AI Act provisions
 * they implement. Data only; no behaviour.
 */

/**
 * How sure we are of a fact, as the reference labels it. `machine-read`: read by a machine from the
 * official form and not yet checked by hand (the recipients of form 2.5).
 */
export type Confidence = 'final' | 'machine-read' | 'secondary' | 'draft-only' | 'unverified';

/** Who receives a form item: the AI Office, national competent authorities, downstream providers. */
import type { Audience } from '../../../../shared/types';

export type { Audience };

export type ChapterId = 'transparency' | 'copyright' | 'safety-security';

/**
 * Which models a chapter or measure binds.
 * - `all`: every provider of a general-purpose AI model, open-source ones included.
 * - `not-open-source-exempt`: every provider except those validly relying on the Art. 53(2) exemption.
 * - `systemic-risk`: only providers of models with systemic risk (presumed or designated).
 */
export type Applicability = 'all' | 'not-open-source-exempt' | 'systemic-risk';

/** A provision of Regulation (EU) 2024/1689 (the AI Act), or of another act the Code cites. */
export interface Provision {
  readonly kind: 'provision';
  /** How it is cited, e.g. `Art. 53(1)(a)`, `Annex XI 1.2(d)`, `Recital 109`. */
  readonly id: string;
  /** The same: how it is cited. */
  readonly cite: string;
  /** One line in our own words. */
  readonly summary: string;
  readonly confidence: Confidence;
}

export interface Chapter {
  readonly kind: 'chapter';
  readonly id: ChapterId;
  readonly title: string;
  readonly summary: string;
  readonly provisions: readonly string[];
  readonly appliesTo: Applicability;
  readonly appliesToText: string;
  /**
   * Who receives the chapter's answers, which are not rows of the form: the copyright policy and the Safety and
   * Security Model Report are for the AI Office; national authorities and downstream providers receive form
   * items only. Absent for Transparency, whose form items tick their own recipients.
   */
  readonly recipients?: readonly Audience[];
}

export interface Commitment {
  readonly kind: 'commitment';
  /** `transparency/1`, `copyright/1`, `safety-security/9`. */
  readonly id: string;
  readonly chapter: ChapterId;
  readonly number: string;
  /** Official title, exactly as the reference gives it. */
  readonly title: string;
  readonly summary: string;
  readonly provisions: readonly string[];
  readonly confidence: { readonly title: Confidence; readonly content: Confidence };
}

/**
 * A condition of the file under which a measure applies at all: `web-crawling`, when the web was crawled for
 * training data by the provider or on its behalf (Copyright Measures 1.2 and 1.3).
 */
export type MeasureCondition = 'web-crawling';

export interface Measure {
  readonly kind: 'measure';
  /** `transparency/1.1`, `copyright/1.3`, `safety-security/9.3`. */
  readonly id: string;
  readonly chapter: ChapterId;
  /** Id of the commitment the measure belongs to, e.g. `safety-security/9`. */
  readonly commitment: string;
  readonly number: string;
  /** Official title, exactly as the reference gives it. */
  readonly title: string;
  /** What the measure asks, in our own words. */
  readonly summary: string;
  /** Points a reviewer checks, in our own words. */
  readonly details?: readonly string[];
  readonly provisions: readonly string[];
  readonly appliesTo: Applicability;
  /** Applies only when the file says this holds. */
  readonly appliesWhen?: MeasureCondition;
  /** The measure is answered by the Model Documentation Form's items rather than by a key of its own. */
  readonly answeredByForm?: boolean;
  readonly confidence: { readonly title: Confidence; readonly content: Confidence };
}

/** Whether the form lets the writer answer "N/A" (or "none exists"), and on what terms. */
export interface NaRule {
  readonly allowed: boolean;
  /** The words the form uses: `N/A`, or `none exists` for a licence or an acceptable use policy. */
  readonly words?: readonly string[];
  /** When the form allows it, in our words. */
  readonly when?: string;
  /** The form asks for the reason (e.g. which provider withholds the information). */
  readonly reasonRequired?: boolean;
  /** The item where the form wants that reason (8.2 for 8.1); a reason after the words is read too. */
  readonly reasonIn?: string;
  /** The item may simply stay empty ("where available", "if any"). */
  readonly mayBeEmpty?: boolean;
}

/** How precise a number must be, judged on the text as written. */
export type Precision =
  | { readonly kind: 'significant-figures'; readonly min: number; readonly unit: string }
  | { readonly kind: 'order-of-magnitude'; readonly unit: string }
  | { readonly kind: 'range'; readonly values: ValueSetId };

export type ValueSetId =
  | 'modalities'
  | 'parameter-ranges'
  | 'training-time-ranges'
  | 'data-provenance'
  | 'distribution-channels'
  | 'licence-kinds'
  | 'systemic-risk'
  | 'measure-status'
  | 'summary-size-text'
  | 'summary-size-images'
  | 'summary-size-audio'
  | 'summary-size-video'
  | 'specified-risks'
  | 'provider-roles'
  | 'establishments'
  | 'signatory-status';

export interface ValueOption {
  /** What the writer types in the `.gpai.yaml` file. */
  readonly value: string;
  /** The form's label for it. */
  readonly label: string;
  readonly description?: string;
  /** Other spellings accepted as the same value (e.g. the template's typographical slips). */
  readonly aliases?: readonly string[];
  /** For numeric ranges: bounds in the range's unit. `max` undefined means unbounded. */
  readonly min?: number;
  readonly max?: number;
  /** The answer says the work is not done yet (a measure in progress or planned): it counts as partial. */
  readonly unfinished?: true;
}

/**
 * A value an earlier version of the form offered and the final one does not: old files keep it and stay
 * valid, and a finding says what the final form asks instead (never a silent reinterpretation).
 */
export interface SupersededOption {
  readonly value: string;
  readonly label: string;
  /** What the final form asks instead, in a sentence. */
  readonly instead: string;
  /** The sibling key that names what the value stood for: once it is written, the value can simply go. */
  readonly namedIn?: string;
}

export interface ValueSet {
  readonly id: ValueSetId;
  readonly title: string;
  /** `closed`: only these values; `open`: examples, other text accepted. */
  readonly kind: 'closed' | 'open';
  readonly options: readonly ValueOption[];
  /** Values of an earlier form still read in old files; neither offered nor inserted. */
  readonly superseded?: readonly SupersededOption[];
  readonly note?: string;
  readonly confidence: Confidence;
}

export interface FormSection {
  readonly kind: 'form-section';
  /** `form/section-1` ... `form/section-8`, and `form/header` (number 0) for the document fields. */
  readonly id: string;
  readonly number: number;
  /** The form's section heading. */
  readonly title: string;
  /** The measure the form serves (Transparency Measure 1.1) and the provisions behind it. */
  readonly measure: string;
  readonly provisions: readonly string[];
  readonly confidence: Confidence;
}

/** Confidence of each attribute of a form item; absent attributes share `label`'s confidence. */
export interface ItemConfidence {
  readonly label: Confidence;
  /** Where the facts marked final were confirmed, when it is not the Code's published text itself. */
  readonly source?: string;
  readonly audiences?: Confidence;
  readonly words?: Confidence;
  readonly values?: Confidence;
  readonly na?: Confidence;
  readonly precision?: Confidence;
}

export interface FormItem {
  readonly kind: 'form-item';
  /** `form/1.1` ... `form/8.4`, or `form/D.1`, `form/D.2` for the document fields. */
  readonly id: string;
  /** Section number, 0 for the document-level fields. */
  readonly section: number;
  readonly number: string;
  /** The form's own label. */
  readonly label: string;
  /** A qualifier we add where the form has two rows of one label (e.g. `AI Office version`). */
  readonly qualifier?: string;
  /** What to write, in our own words. */
  readonly whatToWrite: string;
  readonly recipients: readonly Audience[];
  /** Recommended length in words, where the form gives one. */
  readonly words?: { readonly count: number; readonly upTo?: boolean; readonly approx?: boolean };
  readonly na: NaRule;
  readonly values?: ValueSetId;
  readonly format: 'text' | 'date' | 'url-or-text' | 'list' | 'selection' | 'number' | 'structured';
  readonly precision?: Precision;
  /** Annex XI / XII points, e.g. `XI 1.1(c)`, `XII 1(c)`. */
  readonly annex: readonly string[];
  /** AI Act provisions beyond the annex points. */
  readonly provisions: readonly string[];
  /** The Code measure the item serves. */
  readonly measure: string;
  /** For a coarse row derived from a precise one: the precise row's id. */
  readonly derivedFrom?: string;
  /** Required only when another answer asks for it (e.g. "other" modality ticked). */
  readonly conditional?: string;
  readonly confidence: ItemConfidence;
  /**
   * Keys of another item whose answer this item also asks for: 7.1 asks national authorities for the period
   * measured, which the AI Office's 7.2 holds. The preview and exports show them with this item.
   */
  readonly companions?: readonly { readonly path: readonly string[]; readonly label: string }[];
}

/** A section of the template for the public summary of training content: `tcs/section-0` (header) to 3. */
export interface SummarySection {
  readonly kind: 'summary-section';
  readonly id: string;
  readonly number: number;
  readonly title: string;
}

/** A part of the public summary of training content (Art. 53(1)(d)). */
export interface SummaryTemplateItem {
  readonly kind: 'summary-item';
  /** `tcs/H.1`, `tcs/1.3.d`, `tcs/2.3` ... */
  readonly id: string;
  readonly section: 0 | 1 | 2 | 3;
  readonly number: string;
  readonly label: string;
  readonly whatToGive: string;
  readonly optional?: boolean;
  readonly values?: ValueSetId;
  readonly confidence: Confidence;
}

/** A key of the `.gpai.yaml` format and the catalogue entry it documents. */
export interface KeySpec {
  readonly key: string;
  /**
   * The catalogue id the key documents: a form item or section, a measure, a commitment, a chapter,
   * a template item, or a format entry (`format/...`). Keys inside a measure's answer share its id.
   */
  readonly id: string;
  readonly type: KeyType;
  /** Value set for `enum`, `enum-list` and the keys of a `keyed-map`. */
  readonly values?: ValueSetId;
  /** Children of a `map`, or the fields of each entry of a `list` of maps. */
  readonly children?: readonly KeySpec[];
  /** Value type of each entry of a `keyed-map` (maximum sizes per modality, the four specified risks…). */
  readonly entry?: KeySpec;
  /** A short hint for completions and placeholder comments; defaults to the catalogue entry's text. */
  readonly hint?: string;
  /** Asked only in some cases; the rules say which. Never reported as missing on its own. */
  readonly optional?: boolean;
  /**
   * A fact that exists only once the measure is done (the date a report was handed over, a Framework
   * confirmed): not asked while the answer's status is unfinished (planned, in progress).
   */
  readonly onceDone?: true;
  /**
   * Required (and applicable) only when the list under the sibling key `sibling` holds `includes`; `otherwise`
   * says why it does not apply, as a reason ("no "other" input modality is ticked").
   */
  readonly requiredWhen?: { readonly sibling: string; readonly includes: string; readonly otherwise: string };
  /**
   * A coarse value that gpai-docs derives from a precise one when it is left out: the precise key's path,
   * and how (`range`: the option of the key's value set that holds the figure; `order-of-magnitude`: the
   * power of ten; `rounded`: the figure to one significant figure, with its unit).
   */
  readonly derivation?: {
    readonly from: readonly PathSegment[];
    readonly how: 'range' | 'order-of-magnitude' | 'rounded';
    /** The units (lower case) the precise figure may carry to be read; a bare number always is. Any, if absent. */
    readonly units?: readonly string[];
  };
}

export type PathSegment = string | number;

export type KeyType =
  | 'map' // a block of keys (children)
  | 'list' // a list of maps (children are each entry's fields) or of text (no children)
  | 'keyed-map' // a map whose keys come from a value set (values), each entry of type `entry`
  | 'text' // free text (a number is accepted and read as text)
  | 'date' // YYYY-MM-DD
  | 'month' // YYYY-MM
  | 'number' // a plain number
  | 'quantity' // a number as written, optionally with its unit ("1.0e2 MWh"); precision judged on the text
  | 'boolean'
  | 'url' // https: or mailto: link
  | 'enum' // one value of `values`
  | 'enum-list' // several values of `values`
  | 'na-or-list' // "N/A" or a list of maps (model dependencies)
  | 'flag-or-map'; // false, or a map (the open-source exemption)

/** A catalogue entry of the format itself: keys that document applicability, not a form item. */
export interface FormatEntry {
  readonly kind: 'format';
  readonly id: string;
  /**
   * What part of the documentation it belongs to: the file itself, its header, the model's classification,
   * the Copyright chapter or the public summary of training content.
   */
  readonly concern: 'file' | 'document' | 'classification' | 'copyright' | 'training-content-summary';
  /** What the writer is told when the key is missing, when more than its title is needed. */
  readonly whenMissing?: string;
  readonly title: string;
  readonly about: string;
  readonly provisions: readonly string[];
}

/**
 * Any entry of the catalogue, by its `kind`: what an id names. Features ask `entry(id)` and switch on the
 * kind; no feature tells ids apart by their spelling.
 */
export type Entry =
  | Chapter
  | Commitment
  | Measure
  | FormSection
  | FormItem
  | SummarySection
  | SummaryTemplateItem
  | FormatEntry
  | Provision;

export type EntryKind = Entry['kind'];

/**
 * What a relief of the Safety and Security chapter does to a measure or commitment: `not-applicable`, the
 * whole of it; `lifted-in-part`, one duty in it (`what`); `simplified`, it applies in a lighter form (`what`).
 */
export interface ReliefEffect {
  /** A measure or commitment id, e.g. `safety-security/6`. */
  readonly target: string;
  readonly kind: 'not-applicable' | 'lifted-in-part' | 'simplified';
  /** The duty lifted or the simplification, in our words; for `not-applicable`, absent. */
  readonly what?: string;
}

/**
 * A relief the Safety and Security chapter grants on a stated fact (the Commitment 6 exemption, the "similarly
 * safe or safer" regime of Appendix 2, the simplifications for SMEs and SMCs), and the key that states it.
 */
export interface Relief {
  /** The id of the format entry whose key states the fact, e.g. `format/relief-commitment-6`. */
  readonly id: string;
  /** A short name, ours. */
  readonly title: string;
  /** Where the chapter grants it, as cited: "Safety and Security Commitment 6", "Appendix 2 “…”". */
  readonly source: string;
  /** The fact that grants it, in our words. */
  readonly condition: string;
  readonly effects: readonly ReliefEffect[];
  /** Words (lower case) that name the relief in a measure's `reason`, for the check that it is stated. */
  readonly mentionedAs: readonly string[];
  readonly confidence: Confidence;
}

/** A chapter of the Code as the signatory block names it, and the provision that lets a provider rely on it. */
export interface SignatoryChapter {
  readonly chapter: ChapterId;
  /** Art. 53(4) for Transparency and Copyright, Art. 55(2) for Safety and Security. */
  readonly reliance: string;
}
