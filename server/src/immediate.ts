/**
 * `setImmediate` and `clearImmediate` where there are none (a browser's web worker), for the server's yields
 * (validation.ts, the workspace summaries): a task posted through a MessageChannel, so that messages from the
 * client that arrived meanwhile are handled first, as in Node. Not setTimeout(0): browsers clamp nested timers
 * to 4 ms, which would slow each check by 4 ms a rule.
 */
export function installSetImmediate(scope: { setImmediate?: unknown; clearImmediate?: unknown } = globalThis): void {
  if (typeof scope.setImmediate === 'function') return;
  // The callbacks waiting, by id, in the order they were posted (a Map keeps it); one message each.
  const waiting = new Map<number, () => void>();
  let last = 0;
  const channel = new MessageChannel();
  // Set as a property, which starts the port (a listener added with addEventListener would need start());
  // the project's typings are Node's, whose MessagePort does not declare it.
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => {
    const next = waiting.entries().next();
    if (next.done) return; // cancelled: its message finds nothing, or a later one already ran it
    waiting.delete(next.value[0]);
    next.value[1]();
  };
  // In Node (the tests), a port with a listener would keep the process alive: browsers have no unref.
  (channel.port1 as unknown as { unref?: () => void }).unref?.();
  scope.setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    const id = ++last;
    waiting.set(id, () => callback(...args));
    channel.port2.postMessage(null);
    return id;
  };
  scope.clearImmediate = (id: unknown) => {
    if (typeof id === 'number') waiting.delete(id);
  };
}
