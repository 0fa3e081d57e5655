/** How long a backend that failed to start gets to close its connections. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts the backend, then runs `afterStart` (the next replica may start);
 * when the start fails, stops what did start and exits the process with
 * code 1, so the orchestrator starts the replica again. (Left alone, a
 * failed backend keeps its HTTP server: liveness 200, readiness 503, and
 * nothing ever restarts it.)
 */
export async function startBackend(
  backend: { start(): Promise<unknown>; stop(): Promise<void> },
  options: {
    afterStart?: () => Promise<void>;
    exit?: (code: number) => void;
    report?: (message: string) => void;
    stopTimeoutMs?: number;
  } = {},
): Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const report =
    options.report ?? ((message: string) => process.stderr.write(message));
  try {
    await backend.start();
    await options.afterStart?.();
  } catch (error) {
    report(
      `The backend failed to start and the process exits with code 1: ${String(
        error,
      )}\n`,
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      backend.stop().catch(() => undefined),
      new Promise(resolve => {
        timer = setTimeout(resolve, options.stopTimeoutMs ?? STOP_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    exit(1);
  }
}
