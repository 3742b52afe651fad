/**
 * The catalogue's version: the date of the reference it follows. Every export states it, so that a reader
 * knows which labels, ticks and rules the document was checked against. Change it with each correction of a
 * fact of the catalogue.
 */
export const CATALOGUE_VERSION = '2026-12';

/** What the version follows, in a sentence for the end of an export. */
export const CATALOGUE_FOLLOWS =
  'the Code of Practice for General-Purpose AI Models (final, 10 July 2025), its Model Documentation Form as checked against the official form in December 2026, and the training-content summary template of 24 July 2025 (C(2025) 5235, adopted as C(2025) 8311)';
