// Steps the harness does not have, for gpai-docs' own flows: commands that open quick picks, the editor's
// text, the code action menu, the quick input's title. Same rules as harness.mjs: wait on the DOM with a
// deadline, never sleep.
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs a palette command that goes on asking (a quick pick or input box): does not wait for the palette to close. */
export async function startCommand(wb, title, { timeout = 10000 } = {}) {
  const input = await wb.quickInput('Control+Shift+P', timeout);
  await input.fill(`>${title}`);
  const row = wb.page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: wb.page.locator('.label-name', { hasText: new RegExp(`^\\s*${esc(title)}\\s*$`) }) })
    .first();
  await row.waitFor({ timeout });
  await row.click();
}

/** Waits for the quick input titled `title` (a string prefix or RegExp); returns its input box. */
export async function quickInputTitled(wb, title, { timeout = 15000 } = {}) {
  const match = typeof title === 'string' ? new RegExp(`^\\s*${esc(title)}`) : title;
  await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: match }).waitFor({ timeout });
  return wb.page.locator('.quick-input-widget input.input');
}

/** Picks the quick pick row whose label is `label`. */
export async function pick(wb, label, { timeout = 10000 } = {}) {
  const row = wb.page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: wb.page.locator('.label-name', { hasText: new RegExp(`^\\s*${esc(label)}\\s*$`) }) })
    .first();
  await row.waitFor({ timeout });
  await row.click();
}

/** The active editor's text as rendered (only the lines in view). */
export async function visibleText(wb) {
  return (await wb.editor.locator('.view-lines .view-line').allInnerTexts())
    .map((l) => l.replace(/\u00a0/g, ' '))
    .join('\n');
}

/** Clicks the first word of the first rendered line containing `text` (the cursor goes into that word). */
export async function clickLine(wb, text, { timeout = 10000 } = {}) {
  await wb.editor.locator('.view-line', { hasText: text }).first().waitFor({ timeout });
  // A token never spans punctuation: measure the first word alone.
  const pt = await wb.wordPoint(text, text.match(/[\w.-]+/)[0]);
  if (!pt) throw new Error(`line "${text}" is rendered but its first word was not found`);
  await wb.page.mouse.click(pt.x, pt.y);
}

/** Goes to a line with Ctrl+G (1-based), so that it is rendered and the cursor is on it. */
export async function goToLine(wb, line) {
  const input = await wb.quickInput('Control+G');
  await input.fill(`:${line}`);
  await wb.page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10000 });
}

/**
 * Opens the code action menu by clicking the light bulb (then, if no menu came, with Ctrl+.) and returns
 * its row matching `expect`.
 */
export async function codeActionMenu(wb, expect, { timeout = 20000, attempts = 3 } = {}) {
  const row = wb.page.locator('.action-widget .monaco-list-row', { hasText: expect }).first();
  for (let i = 0; ; i++) {
    if (i === 0) await wb.page.locator('.lightBulbWidget').first().click();
    else await wb.page.keyboard.press('Control+Period'); // 'Control+.' does not reach the editor
    try {
      await row.waitFor({ timeout: Math.floor(timeout / attempts) });
      return row;
    } catch (e) {
      if (i + 1 >= attempts) throw e;
      await wb.page.keyboard.press('Escape');
    }
  }
}

/** Scrolls the editor to the first line of `file` (as saved in `workspace`) that contains `text`, cursor on it. */
export async function goToText(wb, workspace, file, text) {
  const lines = (await import('node:fs')).readFileSync(`${workspace}/${file}`, 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in ${file}`);
  await goToLine(wb, index + 1);
}

/**
 * Exports the open file through `GPAI Docs: Export the Model Documentation Form…` for `audience` (a quick
 * pick label) as `format` ('HTML' or 'Markdown'); `beforeSave(input)` sees the save dialog (VS Code's simple
 * file dialog in the browser) before Enter accepts its default. An export with open items or problems is a
 * draft: the modal that says so is answered "Export as draft" (`onDraft(dialog)` sees it first; an export
 * that is no draft goes straight to the save dialog). Returns the notification that says it is done.
 */
export async function exportForm(wb, { audience, format, beforeSave = async () => {}, onDraft = async () => {} }) {
  await startCommand(wb, 'GPAI Docs: Export the Model Documentation Form…');
  await quickInputTitled(wb, 'Export (1/2)');
  await pick(wb, audience);
  await quickInputTitled(wb, 'Export (2/2)');
  await pick(wb, format);
  const dialog = wb.page.locator('.monaco-dialog-box', { hasText: /This export is a draft/ });
  const saveTitle = /^\s*Export the Model Documentation Form for /;
  const save = wb.page.locator('.quick-input-widget .quick-input-title', { hasText: saveTitle });
  await dialog.or(save).first().waitFor({ timeout: 15000 });
  if (await dialog.isVisible()) {
    await onDraft(dialog);
    await dialog.locator('.monaco-button', { hasText: 'Export as draft' }).click();
  }
  const input = await quickInputTitled(wb, saveTitle);
  await beforeSave(input);
  await wb.page.keyboard.press('Enter');
  const toast = wb.page.locator('.notification-toast', { hasText: /Exported the Model Documentation Form to / }).last();
  await toast.waitFor({ timeout: 20000 });
  return toast;
}

/** Closes every editor, discarding unsaved changes (earlier tests may leave some), so that no webview is left. */
export async function closeAllEditors(wb, { timeout = 10000 } = {}) {
  const dirty = await wb.page.locator('.tabs-container .tab.dirty').count();
  await wb.runCommand('View: Close All Editors');
  if (dirty) await wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" }).click({ timeout });
  await wb.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout });
}
