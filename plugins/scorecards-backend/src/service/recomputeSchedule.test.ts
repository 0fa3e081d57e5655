import { mockServices } from '@backstage/backend-test-utils';
import { RECOMPUTE_TASK_ID, scheduleRecompute } from './recomputeSchedule';
import { ScorecardRecomputer } from './ScorecardRecomputer';

describe('scheduleRecompute', () => {
  afterEach(() => jest.useRealTimers());

  it('schedules the full recompute once across replicas, triggers it after start and listens until shutdown', async () => {
    jest.useFakeTimers();
    const scheduler = mockServices.scheduler.mock();
    scheduler.triggerTask.mockRejectedValue(new Error('task is running'));
    const lifecycle = mockServices.lifecycle.mock();
    const logger = mockServices.logger.mock();
    const stopListening = jest.fn();
    const recomputer = {
      recomputeAll: jest.fn(async () => ({
        entities: 12,
        batches: 2,
        failedBatches: 1,
        removed: 3,
      })),
      listen: jest.fn(() => stopListening),
    };

    await scheduleRecompute({
      recomputer: recomputer as unknown as ScorecardRecomputer,
      scheduler,
      lifecycle,
      logger,
      options: {
        schedule: {
          frequency: { cron: '0 2 * * *' },
          timeout: { hours: 2 },
          scope: 'global',
        },
        afterStart: { seconds: 30 },
        batchSize: 200,
        providerTimeout: { minutes: 2 },
      },
    });

    expect(scheduler.scheduleTask).toHaveBeenCalledWith({
      id: RECOMPUTE_TASK_ID,
      frequency: { cron: '0 2 * * *' },
      timeout: { hours: 2 },
      scope: 'global',
      fn: expect.any(Function),
    });
    const { fn } = scheduler.scheduleTask.mock.calls[0][0];
    const signal = new AbortController().signal;
    await fn(signal);
    expect(recomputer.recomputeAll).toHaveBeenCalledWith(signal);
    expect(logger.info).toHaveBeenCalledWith(
      'Scorecards: 12 entities scored in 2 batches, 1 batches failed, 3 results of entities no longer in the catalog removed',
    );

    // nothing listens or is triggered before the backend has started
    expect(recomputer.listen).not.toHaveBeenCalled();
    const [startup] = lifecycle.addStartupHook.mock.calls[0];
    await startup();
    expect(recomputer.listen).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(29_000);
    expect(scheduler.triggerTask).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1_000);
    expect(scheduler.triggerTask).toHaveBeenCalledWith(RECOMPUTE_TASK_ID);
    // a run already under way elsewhere is no failure
    await Promise.resolve();
    await Promise.resolve();
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('not triggered: Error: task is running'),
    );

    const [shutdown] = lifecycle.addShutdownHook.mock.calls[0];
    await shutdown();
    expect(stopListening).toHaveBeenCalledTimes(1);
  });

  it('does not trigger the recompute after start once the backend is shutting down', async () => {
    jest.useFakeTimers();
    const scheduler = mockServices.scheduler.mock();
    const lifecycle = mockServices.lifecycle.mock();
    await scheduleRecompute({
      recomputer: {
        listen: () => () => {},
      } as unknown as ScorecardRecomputer,
      scheduler,
      lifecycle,
      logger: mockServices.logger.mock(),
      options: {
        schedule: { frequency: { hours: 24 }, timeout: { hours: 1 } },
        afterStart: { minutes: 1 },
        batchSize: 200,
        providerTimeout: { minutes: 2 },
      },
    });
    await lifecycle.addStartupHook.mock.calls[0][0]();
    await lifecycle.addShutdownHook.mock.calls[0][0]();
    jest.advanceTimersByTime(120_000);
    expect(scheduler.triggerTask).not.toHaveBeenCalled();
  });
});
