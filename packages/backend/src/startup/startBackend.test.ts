import { startBackend } from './startBackend';

describe('startBackend', () => {
  const backendThat = (start: () => Promise<unknown>, stop = jest.fn()) => ({
    start: jest.fn(start),
    stop: stop.mockResolvedValue(undefined),
  });

  it('leaves a started backend running, and then lets the next replica start', async () => {
    const order: string[] = [];
    const backend = backendThat(async () => order.push('started'));
    const exit = jest.fn();
    await startBackend(backend, {
      afterStart: async () => {
        order.push('next replica may start');
      },
      exit,
      report: jest.fn(),
    });
    expect(order).toEqual(['started', 'next replica may start']);
    expect(exit).not.toHaveBeenCalled();
    expect(backend.stop).not.toHaveBeenCalled();
  });

  it('stops a backend that failed to start and exits with code 1', async () => {
    const backend = backendThat(async () => {
      throw new Error("Plugin 'catalog' startup failed");
    });
    const exit = jest.fn();
    const report = jest.fn();
    const afterStart = jest.fn();
    await startBackend(backend, { afterStart, exit, report });
    expect(afterStart).not.toHaveBeenCalled();
    expect(backend.stop).toHaveBeenCalled();
    expect(exit).toHaveBeenCalledWith(1);
    expect(report).toHaveBeenCalledWith(
      "The backend failed to start and the process exits with code 1: Error: Plugin 'catalog' startup failed\n",
    );
  });

  it('exits even when stopping hangs', async () => {
    const backend = {
      start: async () => {
        throw new Error('no database');
      },
      stop: () => new Promise<void>(() => {}),
    };
    const exit = jest.fn();
    await startBackend(backend, {
      exit,
      report: jest.fn(),
      stopTimeoutMs: 10,
    });
    expect(exit).toHaveBeenCalledWith(1);
  });
});
