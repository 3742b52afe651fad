/** The key tree of the public summary of training content (`training_content_summary`), after the template. */
import { k, map, text, used } from './keyBuilders';
import type { KeySpec } from './types';

export const summaryKeys: KeySpec = map('training_content_summary', 'format/training-content-summary', [
  k('url', 'format/tcs-url', 'url', { optional: true }),
  text('version', 'tcs/H.1'),
  k('last_updated', 'tcs/H.2', 'date'),
  text('unretrievable_information', 'format/tcs-unretrievable', { optional: true }),
  map(
    'general_information',
    'tcs/section-1',
    [
      text('provider', 'tcs/1.1.a'),
      text('authorised_representative', 'tcs/1.1.b'),
      k('model_versions', 'tcs/1.2.a', 'list'),
      k('model_dependencies', 'tcs/1.2.b', 'na-or-list', {
        children: [text('name', 'tcs/1.2.b'), k('summary', 'tcs/1.2.b', 'url')],
      }),
      k('union_market_placement_date', 'tcs/1.2.c', 'date'),
      k('modalities', 'tcs/1.3.a', 'keyed-map', {
        values: 'modalities',
        entry: map('*', 'tcs/1.3.a', [text('size', 'tcs/1.3.b'), text('content_types', 'tcs/1.3.c')]),
      }),
      k('latest_acquisition_date', 'tcs/1.3.d', 'month'),
      k('continued_training', 'tcs/1.3.d', 'boolean'),
      text('linguistic_characteristics', 'tcs/1.3.e'),
      text('other_characteristics', 'tcs/1.3.f'),
      text('comments', 'tcs/1.3.g', { optional: true }),
    ],
    { optional: true },
  ),
  map(
    'data_sources',
    'tcs/section-2',
    [
      map(
        'publicly_available_datasets',
        'tcs/2.1',
        used('tcs/2.1', [
          k('datasets', 'tcs/2.1', 'list', { optional: true }),
          text('description', 'tcs/2.1', { optional: true }),
        ]),
      ),
      map('commercially_licensed_datasets', 'tcs/2.2.1', used('tcs/2.2.1')),
      map(
        'other_private_datasets',
        'tcs/2.2.2',
        used('tcs/2.2.2', [
          k('datasets', 'tcs/2.2.2', 'list', { optional: true }),
          text('description', 'tcs/2.2.2', { optional: true }),
        ]),
      ),
      map(
        'crawled_data',
        'tcs/2.3',
        used('tcs/2.3', [
          k('crawlers', 'tcs/2.3', 'list', { optional: true }),
          text('purposes', 'tcs/2.3', { optional: true }),
          text('behaviour', 'tcs/2.3', { optional: true }),
          text('period', 'tcs/2.3', { optional: true }),
          text('content', 'tcs/2.3', { optional: true }),
          k('domains', 'tcs/2.3', 'list', { optional: true }),
        ]),
      ),
      map('user_data', 'tcs/2.4', [
        k('model_interactions', 'tcs/2.4', 'boolean'),
        k('other_services', 'tcs/2.4', 'boolean'),
        text('description', 'tcs/2.4', { optional: true }),
        k('modalities', 'tcs/2.4', 'enum-list', { values: 'modalities', optional: true }),
      ]),
      map(
        'synthetic_data',
        'tcs/2.5',
        used('tcs/2.5', [
          k('generating_models', 'tcs/2.5', 'list', { optional: true }),
          text('description', 'tcs/2.5', { optional: true }),
        ]),
      ),
      map('other_sources', 'tcs/2.6', [
        k('used', 'tcs/2.6', 'boolean'),
        text('description', 'tcs/2.6', { optional: true }),
      ]),
    ],
    { optional: true },
  ),
  map(
    'data_processing',
    'tcs/section-3',
    [
      k('code_of_practice_signatory', 'tcs/3.1', 'boolean'),
      text('rights_reservations', 'tcs/3.1'),
      text('illegal_content_removal', 'tcs/3.2'),
      text('other_information', 'tcs/3.3', { optional: true }),
    ],
    { optional: true },
  ),
]);
