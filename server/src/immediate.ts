/**
 * `setImmediate` where there is none (a browser's web worker), for the server's yields (validation.ts, the
 * workspace summaries): a task posted through a MessageChannel, so that messages from the client that
 * arrived meanwhile are handled first, as in Node. Not setTimeout(0): browsers clamp nested timers to 4 ms,
 * which would slow each check by 4 ms a rule.
 */
export function installSetImmediate(scope: { setImmediate?: unknown } = globalThis): void {
  if (typeof scope.setImmediate === 'function') return;
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  // Set as a property, which starts the port (a listener added with addEventListener would need start());
  // the project's typings are Node's, whose MessagePort does not declare it.
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => queue.shift()?.();
  scope.setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    queue.push(() => callback(...args));
    channel.port2.postMessage(null);
  };
}
