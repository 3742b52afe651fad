/**
 * A failing document made small: whole lines dropped while the failure stays (delta debugging), then
 * runs of characters, within a budget of attempts. The failure "stays" when a problem of the same kind
 * is reported (the same sentence with numbers and quoted text left out).
 */

/** A problem without its numbers and quoted parts, so that the same failure on a smaller text matches. */
export function kindOf(problem: string): string {
  return problem
    .replace(/"[^"]*"/g, '""')
    .replace(/\d+/g, 'N')
    .slice(0, 120);
}

export async function shrink(
  text: string,
  stillFails: (text: string) => Promise<boolean>,
  budget = 400,
): Promise<string> {
  let attempts = 0;
  const tryText = async (candidate: string): Promise<boolean> => {
    if (attempts >= budget) return false;
    attempts++;
    return stillFails(candidate);
  };
  let current = await removeChunks(text.split(/(?<=\n)/), tryText);
  current = await removeChunks([...current], tryText);
  return current;
}

/** ddmin over `parts` (lines, then characters): drop chunks, halving the chunk size when nothing can go. */
async function removeChunks(parts: string[], tryText: (text: string) => Promise<boolean>): Promise<string> {
  let chunk = Math.max(1, Math.floor(parts.length / 2));
  while (chunk >= 1 && parts.length > 0) {
    let removed = false;
    for (let at = 0; at < parts.length;) {
      const candidate = [...parts.slice(0, at), ...parts.slice(at + chunk)];
      if (await tryText(candidate.join(''))) {
        parts = candidate;
        removed = true;
      } else {
        at += chunk;
      }
    }
    if (!removed) chunk = Math.floor(chunk / 2);
    else chunk = Math.min(chunk, Math.max(1, Math.floor(parts.length / 2)));
  }
  return parts.join('');
}
