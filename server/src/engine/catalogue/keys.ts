/**
 * The `.gpai.yaml` format as a key tree: every key, in the form's order, with its type and the catalogue
 * entry it documents. Schema, completions, hovers, unknown-key suggestions, insertion order, outline and
 * preview order are all read from here.
 */
import { answer, dataPointSplits, enumOf, k, map, text } from './keyBuilders';
import { safetyKeys } from './keysSafety';
import { summaryKeys } from './keysSummary';
import { signatoryChapters } from './roles';
import type { KeySpec } from './types';

export const FORMAT_VERSION = 1;

export { formatEntries } from './formatEntries';

export const formatKeys: readonly KeySpec[] = [
  k('gpai', 'format/version', 'number', { hint: `Format version: ${FORMAT_VERSION}` }),
  map('document', 'format/document', [
    text('version', 'form/D.2', { hint: 'e.g. "1.2" (quoted, so YAML keeps it as written)' }),
    k('last_updated', 'form/D.1', 'date', { hint: 'YYYY-MM-DD' }),
    k('history', 'format/history', 'list', {
      optional: true,
      children: [
        text('version', 'format/history'),
        k('date', 'format/history', 'date'),
        text('changes', 'format/history'),
      ],
    }),
    text('requests_contact', 'transparency/1.2', {
      hint: 'Published contact for documentation requests (https link or mailto:).',
    }),
    text('quality_and_integrity', 'transparency/1.3', {
      hint: 'How the documentation is controlled, kept as evidence and protected from unintended change.',
    }),
  ]),
  map('classification', 'format/classification', [
    enumOf('systemic_risk', 'format/systemic-risk', 'systemic-risk', { hint: 'none | presumed | designated' }),
    k('threshold_date', 'format/threshold-date', 'date', {
      optional: true,
      hint: 'YYYY-MM-DD: the threshold was met, or it became known that it would be',
    }),
    k('notification_date', 'format/notification', 'date', {
      optional: true,
      hint: 'YYYY-MM-DD: the date you notified the Commission (Art. 52(1))',
    }),
    k('designation_date', 'format/designation', 'date', { optional: true }),
    k('open_source_exemption', 'format/open-source-exemption', 'flag-or-map', {
      children: [
        k('claimed', 'format/open-source-exemption', 'boolean'),
        text('licence', 'format/open-source-exemption', { hint: 'Licence name or SPDX id, e.g. Apache-2.0' }),
        enumOf('licence_kind', 'format/open-source-exemption', 'licence-kinds'),
        k('weights', 'format/open-source-exemption', 'url', {
          hint: 'Where the parameters, including the weights, are public.',
        }),
        k('architecture', 'format/open-source-exemption', 'url', {
          hint: 'Where the information on the architecture is public.',
        }),
        k('usage', 'format/open-source-exemption', 'url', { hint: 'Where the information on model usage is public.' }),
        k('monetised', 'format/monetisation', 'boolean', {
          hint: 'false: no price, no paid support tied to the model, no personal data used beyond security needs',
        }),
      ],
    }),
    text('gpai_scope_reason', 'format/gpai-scope', { optional: true }),
    enumOf('provider_role', 'format/provider-role', 'provider-roles', {
      optional: true,
      hint: 'original-provider | downstream-modifier',
    }),
    k('base_model_training_compute', 'format/base-model-compute', 'quantity', {
      optional: true,
      hint: "FLOP, the base model's training compute, e.g. 3.1e23",
    }),
    k('modification_compute', 'format/modification-compute', 'quantity', {
      optional: true,
      hint: 'FLOP used by your modification, e.g. 2.0e21',
    }),
    text('modification', 'format/modification', { optional: true }),
    enumOf('establishment', 'format/establishment', 'establishments', {
      optional: true,
      hint: 'union | outside-union',
    }),
    map(
      'authorised_representative',
      'format/authorised-representative',
      [
        text('name', 'format/authorised-representative', { hint: 'Legal name of the representative in the Union.' }),
        text('contact', 'format/authorised-representative', { hint: 'Address, e-mail or https link.' }),
        k('mandate_date', 'format/authorised-representative', 'date', { hint: 'Date of the written mandate.' }),
      ],
      { optional: true },
    ),
    map(
      'code_of_practice',
      'format/code-signatory',
      [
        ...signatoryChapters.map((c) =>
          enumOf(c.key, 'format/code-signatory', 'signatory-status', { optional: true, hint: 'signed | not-signed' }),
        ),
        text('alternative_means', 'format/alternative-means', { optional: true }),
      ],
      { optional: true },
    ),
    map(
      'safety_and_security_reliefs',
      'format/reliefs',
      [
        text('more_capable_open_weights_model', 'format/relief-commitment-6', {
          optional: true,
          hint: 'The model with publicly downloadable parameters that is more capable than this one.',
        }),
        text('safe_reference_model', 'format/relief-similarly-safe', {
          optional: true,
          hint: 'The safe reference model this model is similarly safe or safer than.',
        }),
        k('sme_or_smc', 'format/relief-sme', 'boolean', { optional: true, hint: 'true for an SME or small mid-cap' }),
      ],
      { optional: true },
    ),
  ]),
  map('general_information', 'form/section-1', [
    text('provider_legal_name', 'form/1.1'),
    text('model_name', 'form/1.2'),
    k('model_versions', 'form/1.2', 'list', { hint: 'Every publicly available version this documentation covers.' }),
    text('model_authenticity', 'form/1.3', { optional: true }),
    k('release_date', 'form/1.4', 'date'),
    k('union_market_release_date', 'form/1.5', 'date'),
    k('model_dependencies', 'form/1.6', 'na-or-list', {
      children: [text('name', 'form/1.6'), text('provider', 'form/1.6'), text('version', 'form/1.6')],
    }),
  ]),
  map('model_properties', 'form/section-2', [
    text('model_architecture', 'form/2.1'),
    text('design_specifications', 'form/2.2'),
    k('input_modalities', 'form/2.3', 'enum-list', { values: 'modalities' }),
    text('other_input_modality', 'form/2.4', {
      optional: true,
      requiredWhen: {
        sibling: 'input_modalities',
        includes: 'other',
        otherwise: 'no "other" input modality is ticked',
      },
    }),
    k('maximum_input_size', 'form/2.5', 'keyed-map', {
      values: 'modalities',
      entry: text('*', 'form/2.5', { hint: 'e.g. 128,000 tokens, or N/A' }),
    }),
    k('output_modalities', 'form/2.6', 'enum-list', { values: 'modalities' }),
    text('other_output_modality', 'form/2.7', {
      optional: true,
      requiredWhen: {
        sibling: 'output_modalities',
        includes: 'other',
        otherwise: 'no "other" output modality is ticked',
      },
    }),
    k('maximum_output_size', 'form/2.8', 'keyed-map', {
      values: 'modalities',
      entry: text('*', 'form/2.8', { hint: 'e.g. 8,192 tokens, or N/A' }),
    }),
    k('total_model_size', 'form/2.9', 'quantity', { hint: 'Total parameters, e.g. 7.3e10' }),
    enumOf('parameter_range', 'form/2.10', 'parameter-ranges', {
      optional: true,
      derivation: {
        from: ['model_properties', 'total_model_size'],
        how: 'range',
        units: ['parameter', 'parameters', 'param', 'params'],
      },
    }),
  ]),
  map('distribution_and_licenses', 'form/section-3', [
    k('distribution_channels', 'form/3.1', 'list', {
      hint: 'Each channel, with a link on how to access it and the level of access (weights, black-box API…).',
    }),
    k('downstream_access', 'form/3.2', 'list', {
      children: [
        text('channel', 'form/3.2'),
        text('access', 'form/3.2', {
          optional: true,
          hint: 'Optional: how downstream providers get access. The final form asks 3.2 for the channels only.',
        }),
      ],
    }),
    text('license_link', 'form/3.3', { hint: 'https link to the licence, or "none exists"' }),
    text('license_type', 'form/3.4'),
    k('license_additional_assets', 'form/3.5', 'list', {
      optional: true,
      children: [text('asset', 'form/3.5'), text('access', 'form/3.5'), text('license', 'form/3.5')],
    }),
  ]),
  map('use', 'form/section-4', [
    text('acceptable_use_policy', 'form/4.1', {
      hint: 'https link, or the name of the copy you attach, or "none exists"',
    }),
    text('intended_uses', 'form/4.2'),
    text('ai_system_types', 'form/4.3'),
    text('technical_means_for_integration', 'form/4.4'),
    text('required_hardware', 'form/4.5'),
    text('required_software', 'form/4.6'),
  ]),
  map('training_process', 'form/section-5', [
    text('design_specifications', 'form/5.1'),
    text('decision_rationale', 'form/5.2'),
  ]),
  map('data', 'form/section-6', [
    k('data_modalities', 'form/6.1', 'enum-list', { values: 'modalities' }),
    text('other_data_modality', 'form/6.1', { optional: true }),
    k('data_provenance', 'form/6.2', 'enum-list', { values: 'data-provenance' }),
    text('other_data_provenance', 'form/6.2', { optional: true }),
    text('acquisition_and_selection', 'form/6.3'),
    map('data_points', 'form/6.5', dataPointSplits('form/6.5')),
    map('data_points_nca', 'form/6.4', dataPointSplits('form/6.4', ['data', 'data_points']), { optional: true }),
    text('scope_and_characteristics', 'form/6.6'),
    text('curation_methodologies', 'form/6.7'),
    text('unsuitability_measures', 'form/6.8', { optional: true }),
    text('bias_measures', 'form/6.9', { optional: true }),
  ]),
  map('computational_resources', 'form/section-7', [
    map('training_time', 'form/7.2', [
      text('period', 'form/7.2', { hint: 'The period measured, e.g. 2025-01-06 to 2025-04-05' }),
      k('wall_clock_days', 'form/7.2', 'quantity', { hint: 'e.g. 9.0e1' }),
      k('hardware_days', 'form/7.2', 'list', {
        children: [
          text('hardware', 'form/7.2', { hint: 'e.g. Nvidia H100' }),
          k('days', 'form/7.2', 'quantity', { hint: 'e.g. 2.0e5' }),
        ],
      }),
    ]),
    enumOf('training_time_range', 'form/7.1', 'training-time-ranges', {
      optional: true,
      derivation: {
        from: ['computational_resources', 'training_time', 'wall_clock_days'],
        how: 'range',
        units: ['day', 'days', 'd'],
      },
    }),
    k('training_compute', 'form/7.4', 'quantity', { hint: 'FLOP, e.g. 2.4e25' }),
    k('training_compute_magnitude', 'form/7.3', 'quantity', {
      optional: true,
      hint: 'FLOP, order of magnitude, e.g. 1e25',
      derivation: {
        from: ['computational_resources', 'training_compute'],
        how: 'order-of-magnitude',
        units: ['flop', 'flops'],
      },
    }),
    text('measurement_methodology', 'form/7.5'),
  ]),
  map('energy_consumption', 'form/section-8', [
    k('training_energy', 'form/8.1', 'quantity', { hint: 'MWh, e.g. 1.0e2 MWh, or N/A (reason)' }),
    text('training_energy_methodology', 'form/8.2'),
    k('inference_compute', 'form/8.3', 'quantity', { hint: 'FLOP, e.g. 5.1e17' }),
    text('inference_methodology', 'form/8.4'),
  ]),
  map('copyright', 'copyright/1', [
    k('web_crawling', 'format/web-crawling', 'boolean', {
      hint: 'true if you or others on your behalf crawled the web',
    }),
    answer('policy', 'copyright/1.1', [
      text('document', 'copyright/1.1', { hint: 'Title, version and date of the policy document.' }),
      text('responsible', 'copyright/1.1', { hint: 'Who implements and who oversees the policy.' }),
      k('public_summary', 'copyright/1.1', 'url', { optional: true }),
    ]),
    answer('lawful_access', 'copyright/1.2', [
      k('no_circumvention', 'copyright/1.2', 'boolean', {
        hint: 'true: paywalls, logins and other technological measures are not circumvented',
      }),
      text('excluded_infringing_sites', 'copyright/1.2', {
        hint: 'Which lists of infringing sites are applied, and their date.',
      }),
    ]),
    answer('rights_reservations', 'copyright/1.3', [
      k('crawlers', 'copyright/1.3', 'list', {
        children: [
          text('name', 'copyright/1.3'),
          text('user_agent', 'copyright/1.3'),
          text('purpose', 'copyright/1.3', { optional: true }),
        ],
      }),
      text('robots_txt', 'copyright/1.3', { hint: 'How the crawlers follow robots.txt (RFC 9309).' }),
      k('other_protocols', 'copyright/1.3', 'list', { optional: true }),
      k('crawler_information', 'copyright/1.3', 'url', { hint: 'Public page listing the crawlers.' }),
      k('update_feed', 'copyright/1.3', 'url', {
        optional: true,
        hint: 'Feed that announces changes to the crawlers.',
      }),
    ]),
    answer('output_mitigations', 'copyright/1.4', [
      text('safeguards', 'copyright/1.4'),
      text('use_prohibition', 'copyright/1.4', {
        hint: 'Where infringing uses are prohibited (terms, AUP) or, for open-source models, warned against.',
      }),
    ]),
    answer('contact_and_complaints', 'copyright/1.5', [
      text('contact', 'copyright/1.5', { hint: 'Electronic point of contact: mailto: or https link.' }),
      text('complaint_mechanism', 'copyright/1.5', { hint: 'https link to the electronic complaint mechanism.' }),
    ]),
  ]),
  summaryKeys,
  safetyKeys,
];
