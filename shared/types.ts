/**
 * Types that cross the wire between the server and the client (and that the CLI prints): the coverage
 * report and the preview model. Types only; no imports from client or server.
 */

export type PathSegment = string | number;

export interface Position {
  readonly line: number;
  readonly character: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type CoverageState = 'covered' | 'partial' | 'missing' | 'not-applicable';

export interface CoverageCounts {
  readonly covered: number;
  readonly partial: number;
  readonly missing: number;
  readonly notApplicable: number;
  readonly total: number;
}

export type CoverageKind = 'chapter' | 'commitment' | 'measure' | 'section' | 'item' | 'evidence' | 'summary';

export interface CoverageNode {
  /** Catalogue id (`transparency/1.1`, `form/7.4`), or `<measure id>#<field>` for an evidence field. */
  readonly id: string;
  readonly kind: CoverageKind;
  /** Short label: "Measure 1.3", "7.4", "crawlers". */
  readonly label: string;
  /** Official title or form label. */
  readonly title: string;
  readonly state: CoverageState;
  /** Why, in plain words: "not applicable: open-source exemption, AI Act Art. 53(2)", "placeholder text (TODO)". */
  readonly reason: string;
  /** Leaves under this node (a leaf counts itself). */
  readonly counts: CoverageCounts;
  /** Where the answer is (or would go) in the file. */
  readonly path?: readonly PathSegment[];
  /** Range of the key when it is present. */
  readonly range?: Range;
  readonly children?: readonly CoverageNode[];
}

export interface Classification {
  readonly systemicRisk: 'none' | 'presumed' | 'designated' | 'unstated';
  /** The model has systemic risk, declared or presumed from its compute. */
  readonly hasSystemicRisk: boolean;
  readonly openSourceExemption: 'not-claimed' | 'valid' | 'invalid';
  readonly modified: boolean;
  /** Placed on the Union market before 2 August 2025. */
  readonly legacy: boolean;
  /** The provider's role, when the file states it. */
  readonly role?: 'original-provider' | 'downstream-modifier';
  /**
   * Why the file's author has no duties as the provider of a general-purpose AI model, when its own figures say
   * so (a modification at most one third of its base, or a model indicatively not general-purpose).
   */
  readonly noProviderDuties?: string;
  /** A short label: "no systemic risk", "systemic risk", "open-source exempt". */
  readonly label: string;
}

export interface CoverageReport {
  readonly uri: string;
  readonly version: number;
  readonly classification: Classification;
  /** Covered leaves over applicable leaves, 0-100, rounded down (shared/completeness.ts). */
  readonly percent: number;
  /** Every answer the file must give: the numbers the status bar, badge, tree, views and CLI show. */
  readonly counts: CoverageCounts;
  /**
   * The answers each recipient receives: form items by the form's ticks, the Copyright and Safety and Security
   * answers for the AI Office, the public summary for everyone. The preview and exports for one audience count these.
   */
  readonly audiences: Readonly<Record<Audience, CoverageCounts>>;
  readonly roots: readonly CoverageNode[];
}

// ---- The preview model: the file as the Model Documentation Form (gpaiDocs/preview) ----------------

/** Who receives a form item, as the form's ticks show it. */
export type Audience = 'ai-office' | 'nca' | 'downstream';

/** A view of the file for one recipient, or (`all`) the whole file. */
export type PreviewAudience = 'all' | Audience;

/**
 * A value as written in the file, shaped for display. Text is never interpreted as markup: the renderer
 * escapes every string. `link` only ever carries an `https:` or `mailto:` address.
 */
export type PreviewValue =
  /** Free text, split into paragraphs at blank lines (folded and literal blocks keep their line breaks). */
  | { readonly kind: 'text'; readonly paragraphs: readonly string[] }
  /** A number as written, its unit, and the coarse value derived from it for another row of the form. */
  | { readonly kind: 'number'; readonly text: string; readonly unit?: string; readonly derived?: PreviewDerived }
  | { readonly kind: 'date'; readonly text: string }
  | { readonly kind: 'link'; readonly href: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** One value of a closed set: what is written and the form's label for it. */
  | { readonly kind: 'choice'; readonly value: string; readonly label: string }
  | { readonly kind: 'list'; readonly items: readonly PreviewValue[] }
  /** A block of named values: a list entry, a per-modality size, the parts of a structured item. */
  | { readonly kind: 'fields'; readonly fields: readonly PreviewField[] };

export interface PreviewDerived {
  /** The coarse row, e.g. `form/2.10`. */
  readonly itemId: string;
  /** Its label, e.g. "Parameter range". */
  readonly label: string;
  /** The derived value, e.g. `50B-100B`. */
  readonly value: string;
}

export interface PreviewField {
  /** The key as written, e.g. `wall_clock_days`. */
  readonly key: string;
  /** A readable label: the value set's label for a modality, else the key in words. */
  readonly label: string;
  readonly value: PreviewValue | undefined;
  readonly state: PreviewState;
  /** Set when the checker reports an error on the value: `value` is then the text as written, never a fact. */
  readonly invalid?: PreviewInvalid;
}

/**
 * An answer the checker reports as wrong (an error on its value: `13 billion` where the form asks for
 * parameters, the date 2025-13-45). Renderers show it marked with the message, and nothing is derived from it.
 */
export interface PreviewInvalid {
  /** The finding's message, without its citation. */
  readonly message: string;
  /** The diagnostic code, e.g. `date.invalid`. */
  readonly code: string;
}

/** A fact of the catalogue shown in an export that the reference does not confirm for the final text. */
export interface PreviewUnconfirmed {
  /** Which fact: the item's label (or a section's title), or who receives it. */
  readonly fact: 'label' | 'recipients';
  /** How sure the catalogue is, in words: "known only from the third draft (11 March 2025)". */
  readonly confidence: string;
}

/** An error in the file (default severities, inline suppressions applied), for drafts and `render --strict`. */
export interface PreviewProblem {
  readonly code: string;
  /** The finding's message, without its citation. */
  readonly message: string;
  /** 0-based line of the finding. */
  readonly line: number;
  /** The catalogue id it concerns: a form item, a measure, a template item; absent for the file as a whole. */
  readonly id?: string;
}

/**
 * How an answer stands. `derived`: left out, and gpai-docs derives it from the precise row; `n/a`: answered
 * N/A (or "none exists") where the form allows it; `not-applicable`: the item does not apply to this model.
 */
export type PreviewState =
  'written' | 'derived' | 'missing' | 'placeholder' | 'incomplete' | 'n/a' | 'not-applicable' | 'optional';

export interface PreviewItem {
  /** Catalogue id, e.g. `form/2.9`. */
  readonly id: string;
  /** The form's number, e.g. `2.9`. */
  readonly number: string;
  /** The form's label with our qualifier where the form has two rows of one label. */
  readonly label: string;
  readonly recipients: readonly Audience[];
  readonly state: PreviewState;
  /** Why, in plain words: "placeholder text (TODO)", "answered N/A: no hardware needed". */
  readonly reason: string;
  /** For `n/a`: the reason given after N/A, if any. */
  readonly naReason?: string;
  readonly value: PreviewValue | undefined;
  /** Where the answer is, or would go: reveal it, or ask for the quick-fix there. */
  readonly path: readonly PathSegment[];
  readonly range?: Range;
  /** Set when the checker reports an error on the answer; `value` is then the text as written. */
  readonly invalid?: PreviewInvalid;
  /** For `derived`: the value in plain words ("Between 5 and 15 billion parameters") and the precise item's number. */
  readonly derived?: { readonly words: string; readonly from: string };
  /** Answers of other items this item also asks for, as written (7.1: the period measured, from 7.2). */
  readonly companions?: readonly PreviewField[];
  /** Facts of this row (label, recipients) that the catalogue does not confirm for the final form. */
  readonly unconfirmed?: readonly PreviewUnconfirmed[];
}

export interface PreviewSection {
  /** `form/section-6`, or `form/header` for the header rows (document version, last update). */
  readonly id: string;
  /** 1-8; 0 for the document rows. */
  readonly number: number;
  readonly title: string;
  readonly items: readonly PreviewItem[];
  readonly range?: Range;
  /** Set when the section's title is not confirmed for the final form. */
  readonly unconfirmed?: readonly PreviewUnconfirmed[];
}

export interface PreviewMeasure {
  /** `copyright/1.3`, `safety-security/9.3`. */
  readonly id: string;
  readonly number: string;
  /** Official title. */
  readonly title: string;
  /** The status written (`implemented`, `in_progress`, `planned`, `not_applicable`), if any. */
  readonly status?: string;
  readonly state: PreviewState;
  readonly reason: string;
  /** The answer's fields in the format's order: summary, evidence, facts of its own. */
  readonly fields: readonly PreviewField[];
  readonly path: readonly PathSegment[];
  readonly range?: Range;
  /** Set when the measure's title is not confirmed in the final text. */
  readonly unconfirmed?: readonly PreviewUnconfirmed[];
}

export interface PreviewCommitment {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly measures: readonly PreviewMeasure[];
}

export interface PreviewChapter {
  /** `copyright` or `safety-security`. */
  readonly id: string;
  readonly title: string;
  /** Facts of the chapter outside any measure, e.g. whether the provider crawled the web. */
  readonly fields: readonly PreviewField[];
  readonly commitments: readonly PreviewCommitment[];
  /** Set when the chapter does not apply to this model, with the reason. */
  readonly notApplicable?: string;
}

export interface PreviewSummary {
  readonly title: string;
  readonly state: PreviewState;
  readonly reason: string;
  /** The summary's keys in the format's order: link, version, last update, template sections. */
  readonly fields: readonly PreviewField[];
  readonly range?: Range;
}

export interface PreviewHeader {
  readonly provider?: string;
  readonly model?: string;
  readonly documentVersion?: string;
  readonly lastUpdated?: string;
  readonly classification: Classification;
}

export interface PreviewModel {
  readonly uri: string;
  readonly version: number;
  readonly header: PreviewHeader;
  /** The document rows, then Sections 1-8 in the form's order; every form item appears exactly once. */
  readonly sections: readonly PreviewSection[];
  readonly copyright: PreviewChapter;
  /** Present only when the model has systemic risk. */
  readonly safetyAndSecurity?: PreviewChapter;
  readonly trainingContentSummary: PreviewSummary;
  /** The coverage counts of the answers each audience receives (`all`: every answer), as CoverageReport. */
  readonly completeness: Readonly<Record<PreviewAudience, CoverageCounts>>;
  /** The catalogue the labels, ticks and rules come from; every export states it. */
  readonly catalogue?: PreviewCatalogue;
  /** The file's errors: any of them makes an export a draft. */
  readonly problems?: readonly PreviewProblem[];
  /** The training-content summary laid out as the Commission's template, for its public export. */
  readonly summaryTemplate?: PreviewTemplate;
}

export interface PreviewCatalogue {
  /** The date of the reference the catalogue follows, e.g. `2026-12`. */
  readonly version: string;
  /** What that reference is, in a sentence. */
  readonly follows: string;
}

/**
 * The public summary of training content (AI Act Art. 53(1)(d)) as the template asks it: the header, then
 * Sections 1-3 with every item of the template once, in its order, each with the answer's keys.
 */
export interface PreviewTemplate {
  /** The template's official title. */
  readonly title: string;
  /** Where it comes from: "Annex to the Explanatory Notice C(2025) 5235 final, 24 July 2025". */
  readonly instrument: string;
  /** The header (number 0), then Sections 1-3. */
  readonly sections: readonly PreviewTemplateSection[];
  /** Keys kept beside the template's: where the summary is published, what a legacy model cannot retrieve. */
  readonly extra: readonly PreviewField[];
}

export interface PreviewTemplateSection {
  readonly number: number;
  readonly title: string;
  readonly items: readonly PreviewTemplateItem[];
}

export interface PreviewTemplateItem {
  /** `tcs/1.3.d`. */
  readonly id: string;
  readonly number: string;
  /** The template's label. */
  readonly label: string;
  readonly optional: boolean;
  readonly state: PreviewState;
  readonly reason: string;
  /** The keys that answer it, in the format's order. */
  readonly fields: readonly PreviewField[];
  /** Answered within another item's keys (per-modality sizes under 1.3.a): that item's number. */
  readonly answeredWith?: string;
  readonly unconfirmed?: readonly PreviewUnconfirmed[];
}

// ---- The workspace summary and the new-file template (gpaiDocs/workspaceSummary, gpaiDocs/newFileTemplate)

/** One `.gpai.yaml` of the workspace, open or not: how it is classified and how far it is documented. */
export interface WorkspaceFileSummary {
  readonly uri: string;
  readonly classification: Classification;
  /** As CoverageReport.percent. */
  readonly percent: number;
  readonly counts: CoverageCounts;
  /** Diagnostics at error and warning severity, after the writer's severity settings. */
  readonly errors: number;
  readonly warnings: number;
}

/** The kind of model a new documentation file is for: it decides which chapters the template holds. */
export interface TemplateOptions {
  readonly systemicRisk: 'none' | 'presumed' | 'designated';
  /** The model claims the open-source exemption of AI Act Art. 53(2) (ignored with systemic risk). */
  readonly openSourceExemption: boolean;
  /** The model modifies or fine-tunes another provider's model: the provider is a downstream modifier. */
  readonly modification: boolean;
  /** Where the provider is established; outside the Union, the file asks for the authorised representative. */
  readonly establishment?: 'union' | 'outside-union';
  /**
   * Whether the provider signed every chapter of the Code that binds the model (`all`), or some or none
   * (`some-or-none`: the file asks which, and for the adequate alternative means). Not asked when omitted.
   */
  readonly signatory?: 'all' | 'some-or-none';
  readonly modelName?: string;
  /** YYYY-MM-DD, for the document's date; today when omitted. */
  readonly today?: string;
}
