/**
 * The CLI's two output streams. Text goes through `escapeControls` here, and only here; a reader that closes
 * the pipe early (`gpai-docs … | head -1`) ends the run quietly instead of with a stack trace.
 */
import { escapeControls, printableLines } from './safeText';

/**
 * Makes a closed stdout or stderr (EPIPE, or any write error once the reader is gone) end the process at
 * once with the exit code set so far, printing nothing. Call once, before the first write.
 */
export function endQuietlyOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => {
      process.exit(process.exitCode ?? 0);
    });
  }
}

/** Lines of text on stdout, each escaped, with a final newline. */
export function printLines(lines: readonly string[]): void {
  if (lines.length) process.stdout.write(`${printableLines(lines)}\n`);
}

/** A document format (JSON, XML, HTML, Markdown) on stdout as it is: its own escaping makes it safe. */
export function printData(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * A rendered page (HTML or Markdown) on stdout: its line breaks and tabs kept, every other control character
 * escaped, since the page may be read on a terminal.
 */
export function printDocument(text: string): void {
  const lines = text.split('\n').map((line) => line.split('\t').map(escapeControls).join('\t'));
  process.stdout.write(lines.join('\n'));
}

/** One line on stderr, `gpai-docs: <message>`, escaped. */
export function warn(message: string): void {
  process.stderr.write(`gpai-docs: ${escapeControls(message)}\n`);
}
