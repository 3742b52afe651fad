/**
 * Types that cross the wire between the server and the client (and that the CLI prints): the coverage
 * report and the preview model. Types only; no imports from client or server.
 */

export type PathSegment = string | number;

export interface Position { readonly line: number; readonly character: number }
export interface Range { readonly start: Position; readonly end: Position }

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
  /** A short label: "no systemic risk", "systemic risk", "open-source exempt". */
  readonly label: string;
}

export interface CoverageReport {
  readonly uri: string;
  readonly version: number;
  readonly classification: Classification;
  /** Covered leaves over applicable leaves, 0-100, rounded down. */
  readonly percent: number;
  readonly counts: CoverageCounts;
  readonly roots: readonly CoverageNode[];
}
