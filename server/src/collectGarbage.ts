/**
 * A full garbage collection in Node without flags: `vm.measureMemory` with eager execution starts one at
 * once (incremental marking, then a short pause). The result, a memory estimate, is not needed. Node marks
 * the function experimental and warns once on first use; the warning is not for the writer, so it is kept
 * out of the server's log. Where the function is missing, nothing is collected early.
 */
import * as vm from 'node:vm';
import type { CollectGarbage } from './superseded';

export function nodeCollectGarbage(): CollectGarbage | undefined {
  const measure = (vm as { measureMemory?: typeof vm.measureMemory }).measureMemory;
  if (typeof measure !== 'function') return undefined;
  return () => {
    const emitWarning = process.emitWarning;
    process.emitWarning = () => undefined;
    try {
      measure({ mode: 'summary', execution: 'eager' }).catch(() => undefined);
    } catch {
      // A runtime that refuses: V8 collects when it would have anyway.
    } finally {
      process.emitWarning = emitWarning;
    }
  };
}
