/**
 * Lets long synchronous generation loops give the event loop a turn and
 * stop when cancelled: call the returned function once per unit of work.
 */
export function createCheckpoint(
  signal: AbortSignal | undefined,
  every = 100,
): () => Promise<void> {
  let count = 0;
  return async () => {
    signal?.throwIfAborted();
    count++;
    if (count % every === 0) {
      await new Promise(resolve => setImmediate(resolve));
      signal?.throwIfAborted();
    }
  };
}
