/**
 * The words of the preview's "Changes since <version>" toggle, in the writer's language: its label names the
 * earlier version and counts the changes for the audience shown, its tooltip says which version that is, or
 * why there is none. Pure, so that it is tested without VS Code.
 */
import type { ChangeView } from '../../../shared/render/changeMarks';
import { changedItems, sincePhrase, sinceVersion } from '../../../shared/render/changeWords';
import type { ChangesToggle } from '../../../shared/render/render';
import type { Translate } from '../translate';

/**
 * `baseline`: where the earlier version was read, when one is known; `view`: what changed since it for the
 * audience shown, once the server has said.
 */
export function changesToggle(
  on: boolean,
  baseline: { readonly label: string } | undefined,
  view: ChangeView | undefined,
  t: Translate,
): ChangesToggle {
  if (!baseline)
    return {
      available: false,
      on: false,
      label: t('Changes since the last commit'),
      title: t(
        'No earlier version of this file is known: commit it to a git repository (in a trusted workspace), or pick one with GPAI Docs: Compare with Version….',
      ),
    };
  if (!view) return { available: true, on, label: t('Changes since {0}', baseline.label), title: '' };
  const since = sinceVersion(view.changes.old, view.source);
  return {
    available: true,
    on,
    label: t('Changes since {0} ({1})', since, changedItems(view.changes)),
    title: t('Mark on the form what changed since {0}', sincePhrase(view.changes.old, view.source)),
  };
}
