/** Catalogue entries of the format itself: keys that document applicability rather than a form item. */
import { GPAI_GUIDELINES } from './act';
import { roleFormatEntries } from './formatEntriesRoles';
import type { FormatEntry } from './types';

export const formatEntries: readonly FormatEntry[] = (
  [
    {
      id: 'format/version',
      concern: 'file',
      title: 'Format version',
      about: 'The version of the `.gpai.yaml` format this file is written in. Currently 1.',
      provisions: [],
    },
    {
      id: 'format/document',
      concern: 'document',
      whenMissing:
        "The document header is missing: the documentation's version and last update (form header), how it is requested (Transparency Measure 1.2) and how its integrity is kept (Measure 1.3).",
      title: 'Document',
      about:
        "The form's header: version and date of this documentation, its history, and how it is requested and protected (Transparency Measures 1.1-1.3).",
      provisions: ['Art. 53(1)(a)', 'Art. 53(1)(b)'],
    },
    {
      id: 'format/history',
      concern: 'document',
      title: 'Earlier versions',
      about:
        'Earlier versions of this documentation, oldest first, each with its date. The Code asks you to keep them for 10 years after placement (Transparency Measure 1.1).',
      provisions: ['Art. 53(1)(a)'],
    },
    {
      id: 'format/classification',
      concern: 'classification',
      whenMissing:
        "The model's classification is missing: state whether it has systemic risk (none, presumed, designated) and whether it claims the open-source exemption.",
      title: 'Classification',
      about:
        "What the law asks of this model depends on it: systemic risk (Art. 51), the open-source exemption (Art. 53(2)), whether the model is a general-purpose AI model at all and who is its provider (the Commission's guidelines), the authorised representative of a provider outside the Union (Art. 54), the chapters of the Code you signed (Art. 53(4), 55(2)) and the reliefs of the Safety and Security chapter.",
      provisions: ['Art. 51(1)', 'Art. 53(2)'],
    },
    {
      id: 'format/systemic-risk',
      concern: 'classification',
      title: 'Systemic risk',
      about:
        '`none`, `presumed` (training compute above 10^25 FLOP, Art. 51(2)) or `designated` (by the Commission, Art. 51(1)(b)). With systemic risk the Safety and Security chapter applies and the open-source exemption does not.',
      provisions: ['Art. 51(1)', 'Art. 51(2)', 'Art. 55(1)'],
    },
    {
      id: 'format/notification',
      concern: 'classification',
      title: 'Notification to the Commission',
      about:
        'The date you notified the Commission that the model meets, or will meet, the systemic-risk threshold: due within two weeks of the date it met it or it became known that it would (`threshold_date`, Art. 52(1)).',
      provisions: ['Art. 52(1)'],
    },
    {
      id: 'format/designation',
      concern: 'classification',
      title: 'Designation',
      about: 'The date the Commission designated the model as having systemic risk (Art. 51(1)(b)).',
      provisions: ['Art. 51(1)'],
    },
    {
      id: 'format/open-source-exemption',
      concern: 'classification',
      title: 'Open-source exemption',
      about:
        'Art. 53(2) lifts the Transparency duties (Art. 53(1)(a) and (b)) for a model under a free and open-source licence whose weights, architecture and usage information are public, unless it has systemic risk. Copyright and the training-content summary still apply.',
      provisions: ['Art. 53(2)', 'Recital 104'],
    },
    {
      id: 'format/modification',
      concern: 'classification',
      title: 'Modification',
      about:
        "What you changed in the base models listed under model dependencies (form 1.6). A downstream modifier who becomes the provider of a new general-purpose AI model (more than one third of the base model's training compute, under the Commission's guidelines) documents the modification only (Recital 109).",
      provisions: ['Recital 109', GPAI_GUIDELINES],
    },
    {
      id: 'format/web-crawling',
      concern: 'copyright',
      whenMissing:
        'The Copyright chapter does not say whether you crawled the web for training data; Copyright Measures 1.2 and 1.3 depend on it.',
      title: 'Web crawling',
      about:
        'Whether you, or someone on your behalf, crawled the web for training data. If so, Copyright Measures 1.2 and 1.3 apply in full.',
      provisions: ['Art. 53(1)(c)'],
    },
    {
      id: 'format/training-content-summary',
      concern: 'training-content-summary',
      whenMissing:
        'The public summary of training content is missing. Every provider publishes one with the AI Office template, open-source models included.',
      title: 'Public summary of training content',
      about:
        'The public summary every provider publishes with the AI Office template (Art. 53(1)(d)), open-source models included: a link to it, or its fields, with its version and last update.',
      provisions: ['Art. 53(1)(d)', 'Recital 104'],
    },
    {
      id: 'format/tcs-url',
      concern: 'training-content-summary',
      title: 'Published summary',
      about: 'Where the public summary of training content is published (https link).',
      provisions: ['Art. 53(1)(d)'],
    },
    {
      id: 'format/tcs-unretrievable',
      concern: 'training-content-summary',
      title: 'Information that cannot be retrieved',
      about:
        "For a model placed on the market before 2 August 2025: the training-data information you cannot retrieve, or only at disproportionate cost, and why. The Commission's guidelines ask you to disclose and justify it.",
      provisions: ['Art. 111(3)', 'Art. 53(1)(d)'],
    },
  ] satisfies Omit<FormatEntry, 'kind'>[] as readonly Omit<FormatEntry, 'kind'>[]
)
  .concat(roleFormatEntries)
  .map((entry) => ({ kind: 'format', ...entry }));
