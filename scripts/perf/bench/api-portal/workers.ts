/*
 * Measures the api-portal's worker threads from outside: how many were
 * started, each parse and lint task sent to one (from the message that
 * carries the task to the worker's answer), how many tasks ran at once, and
 * the largest heap a worker reached. It wraps `worker_threads.Worker` before
 * the plugin starts any; it works whether the plugin starts a worker per task
 * or keeps a pool. Bench code only.
 */
import workerThreads from 'node:worker_threads';

/** Tasks of one type. */
export type TaskStats = { count: number; totalMs: number; maxMs: number };

/** What the workers did in a phase. */
export type WorkerStats = {
  threadsStarted: number;
  tasks: Record<string, TaskStats>;
  /** The most tasks (of any type) that ran at the same time. */
  maxConcurrentTasks: number;
  /** The most lint tasks that ran at the same time. */
  maxConcurrentLints: number;
  peakHeapMb: number;
};

const state = {
  threads: 0,
  tasks: new Map<string, TaskStats>(),
  running: 0,
  runningLints: 0,
  maxRunning: 0,
  maxLints: 0,
  peakHeap: 0,
};
let installed = false;

function taskType(message: any): string | undefined {
  const type = message?.type ?? message?.task?.type;
  return typeof type === 'string' ? type : undefined;
}

function record(type: string, ms: number) {
  const s = state.tasks.get(type) ?? { count: 0, totalMs: 0, maxMs: 0 };
  s.count += 1;
  s.totalMs += ms;
  s.maxMs = Math.max(s.maxMs, ms);
  state.tasks.set(type, s);
}

/** Starts measuring; every Worker created from now on is measured. */
export function countWorkers(): void {
  if (installed) return;
  installed = true;
  const Original = workerThreads.Worker;
  class MeasuredWorker extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      state.threads += 1;
      // Tasks sent and not answered yet, oldest first
      const pending: Array<{ type: string; started: number }> = [];
      const finish = () => {
        const task = pending.shift();
        if (!task) return;
        state.running -= 1;
        if (task.type === 'lint') state.runningLints -= 1;
        record(task.type, performance.now() - task.started);
      };
      const post = this.postMessage.bind(this);
      this.postMessage = (message: any, transfer?: any) => {
        const type = taskType(message);
        if (type) {
          pending.push({ type, started: performance.now() });
          state.running += 1;
          state.maxRunning = Math.max(state.maxRunning, state.running);
          if (type === 'lint') {
            state.runningLints += 1;
            state.maxLints = Math.max(state.maxLints, state.runningLints);
          }
        }
        return post(message, transfer);
      };
      this.on('message', finish);
      const sample = () => {
        this.getHeapStatistics().then(
          h => {
            state.peakHeap = Math.max(state.peakHeap, h.used_heap_size);
          },
          () => {},
        );
      };
      const timer = setInterval(sample, 100);
      this.once('online', sample);
      this.once('exit', () => {
        clearInterval(timer);
        // A task stopped at its time limit gets no answer
        while (pending.length > 0) finish();
      });
    }
  }
  (workerThreads as { Worker: typeof Original }).Worker = MeasuredWorker;
}

/** What was measured since the last call, rounded. */
export function takeWorkerStats(): WorkerStats {
  const out: WorkerStats = {
    threadsStarted: state.threads,
    tasks: Object.fromEntries(
      [...state.tasks].map(([type, s]) => [
        type,
        {
          count: s.count,
          totalMs: Math.round(s.totalMs),
          maxMs: Math.round(s.maxMs),
        },
      ]),
    ),
    maxConcurrentTasks: state.maxRunning,
    maxConcurrentLints: state.maxLints,
    peakHeapMb: Math.round(state.peakHeap / 1024 / 1024),
  };
  state.threads = 0;
  state.tasks.clear();
  state.maxRunning = state.running;
  state.maxLints = state.runningLints;
  state.peakHeap = 0;
  return out;
}
