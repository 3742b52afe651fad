// Stops a process group when the process that started it dies, however it dies (even by SIGKILL, when it
// can run no handler): started detached by startCodeServer({ guard: true }) with a pipe on its stdin from
// that process, it waits for the pipe to close, then sends the group SIGTERM, and SIGKILL after a grace.
// It exits by itself once the group is gone, so it never outlives what it guards.
// Usage: node guard.mjs PGID [GRACE_MS]
const pgid = Number(process.argv[2]);
const graceMs = Number(process.argv[3] ?? 5000);
if (!Number.isInteger(pgid) || pgid <= 1) process.exit(2);

const alive = () => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};
const signal = (name) => {
  try {
    process.kill(-pgid, name);
  } catch {
    /* gone */
  }
};

// Signals meant for the owner's terminal or session are not the guard's: it follows the pipe alone.
for (const name of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(name, () => {});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  const check = setInterval(() => {
    if (!alive()) process.exit(0);
    if (Date.now() > deadline) {
      signal('SIGKILL');
      process.exit(0);
    }
  }, 100);
  check.unref?.();
}

process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
// Nothing left to guard (stopped by its owner in the ordinary way): leave.
setInterval(() => {
  if (!alive()) process.exit(0);
}, 1000);
