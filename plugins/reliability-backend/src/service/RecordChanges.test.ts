import { mockServices } from '@backstage/backend-test-utils';
import { RELIABILITY_CHANGED_TOPIC } from '@readiness/plugin-reliability-common';
import { RecordChanges } from './RecordChanges';

describe('RecordChanges', () => {
  it('publishes each entity once on the reliability topic', async () => {
    const events = mockServices.events.mock();
    const changes = new RecordChanges({
      events,
      logger: mockServices.logger.mock(),
    });
    await changes.changed('perf-run', [
      'component:default/ledger',
      'component:default/ledger',
    ]);
    expect(events.publish).toHaveBeenCalledWith({
      topic: RELIABILITY_CHANGED_TOPIC,
      eventPayload: {
        record: 'perf-run',
        entityRefs: ['component:default/ledger'],
      },
    });
  });

  it('logs a failure to publish instead of failing the write', async () => {
    const events = mockServices.events.mock({
      publish: async () => {
        throw new Error('Service is shutting down');
      },
    });
    const logger = mockServices.logger.mock();
    const changes = new RecordChanges({ events, logger });
    await expect(
      changes.changed('gate-verdict', ['component:default/ledger']),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /gate-verdict records of component:default\/ledger changed: Error: Service is shutting down/,
      ),
    );
  });
});
