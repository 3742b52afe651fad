/**
 * `setImmediate` and `clearImmediate` where there are none (a browser's web worker), for the server's yields
 * (validation.ts, the workspace summaries): a task posted through a MessageChannel, so that messages from the
 * client that arrived meanwhile are handled first, as in Node. Not setTimeout(0): browsers clamp nested timers
 * to 4 ms, which would slow each check by 4 ms a rule.
 */
export function installSetImmediate(scope: { setImmediate?: unknown; clearImmediate?: unknown } = globalThis): void {
  if (typeof scope.setImmediate === 'function') return;
  const queue: { readonly id: number; readonly run: () => void }[] = [];
  const cancelled = new Set<number>();
  let last = 0;
  const channel = new MessageChannel();
  // Set as a property, which starts the port (a listener added with addEventListener would need start());
  // the project's typings are Node's, whose MessagePort does not declare it.
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => {
    const task = queue.shift();
    if (task && !cancelled.delete(task.id)) task.run();
  };
  // In Node (the tests), a port with a listener would keep the process alive: browsers have no unref.
  (channel.port1 as unknown as { unref?: () => void }).unref?.();
  scope.setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    const id = ++last;
    queue.push({ id, run: () => callback(...args) });
    channel.port2.postMessage(null);
    return id;
  };
  scope.clearImmediate = (id: unknown) => {
    if (typeof id === 'number' && queue.some((t) => t.id === id)) cancelled.add(id);
  };
}
