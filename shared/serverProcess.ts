/**
 * How the editor starts the language server's Node process (client/src/languageClient.ts). The benchmark
 * starts it the same way (bench/run.ts), so that what it measures is what runs in VS Code.
 *
 * `--max-semi-space-size=8`: V8's young generation of at most 2 × 8 MB instead of 2 × 16 MB. Opening a large
 * file makes V8 grow the young generation to its maximum, and it keeps those pages while the writer types. The
 * server's live heap is about 20 MB with a 10,000-line file open, so 32 MB of young generation is mostly pages
 * held for allocation speed the server does not need: with 16 MB its peak while typing in that file is about
 * 15 MB lower (measured in the benchmark's typing session: 128-131 MB without, 114 MB with it; with 2 × 4 MB a
 * few MB lower still, but with minor collections twice as often again, each a pause of about 2 ms). The server
 * frees superseded texts itself (server/src/superseded.ts), so more frequent minor collections do not add up to
 * garbage.
 *
 * Other editors start `gpai-docs-language-server` without it: everything works the same, with a higher peak.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=8'];
