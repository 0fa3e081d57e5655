import { SchedulerService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  missingSampleEntitiesNote,
  presentSampleEntities,
  scheduledSampleDataSource,
} from './seeding';

describe('presentSampleEntities', () => {
  it('waits for the sample entities until all are in the catalog', async () => {
    const arrived = new Set(['component:default/a']);
    const catalog = {
      getEntityByRef: jest.fn(async (ref: string) =>
        arrived.has(ref) ? { kind: 'Component' } : undefined,
      ),
    } as unknown as CatalogService;
    const sleeps: number[] = [];
    const present = await presentSampleEntities(
      catalog,
      ['component:default/a', 'component:default/b'],
      mockCredentials.service(),
      {
        sleep: async ms => {
          sleeps.push(ms);
          arrived.add('component:default/b');
        },
      },
    );
    expect([...present]).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    expect(sleeps).toEqual([3_000]);
  });

  it('answers those present once the wait is over', async () => {
    const catalog = {
      getEntityByRef: jest.fn(async () => undefined),
    } as unknown as CatalogService;
    const present = await presentSampleEntities(
      catalog,
      ['component:default/a'],
      mockCredentials.service(),
      { waitMs: 0 },
    );
    expect(present.size).toBe(0);
  });
});

describe('missingSampleEntitiesNote', () => {
  it('names the missing entities, or says nothing', () => {
    expect(missingSampleEntitiesNote([])).toBe('');
    expect(missingSampleEntitiesNote(['a', 'b'])).toBe(
      '; skipped entities missing from the catalog: a, b',
    );
  });
});

describe('scheduledSampleDataSource', () => {
  it('seeds the target hourly in a global task', async () => {
    const scheduleTask = jest.fn();
    const seed = jest.fn(async () => ({}));
    const source = scheduledSampleDataSource<string>({
      taskId: 'family-sample-data',
      scheduler: { scheduleTask } as unknown as SchedulerService,
      seed,
    });
    await source.connect('target');
    expect(source.name).toBe('sample-data');
    const task = scheduleTask.mock.calls[0][0];
    expect(task).toMatchObject({
      id: 'family-sample-data',
      scope: 'global',
      frequency: { hours: 1 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 5 },
    });
    await task.fn();
    expect(seed).toHaveBeenCalledWith('target');
  });
});
