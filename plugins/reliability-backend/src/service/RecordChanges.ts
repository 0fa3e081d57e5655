import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  RELIABILITY_CHANGED_TOPIC,
  ReliabilityChange,
} from '@readiness/plugin-reliability-common';

/**
 * Says on the events service which entities' records changed, so that other
 * plugins (the scorecards' reliability facts) follow the records instead of
 * polling them. Saying it never fails the write it follows: a failure is
 * logged, and the nightly recompute still catches the change.
 */
export class RecordChanges {
  constructor(
    private readonly deps: { events: EventsService; logger: LoggerService },
  ) {}

  async changed(
    record: ReliabilityChange['record'],
    entityRefs: readonly string[],
  ): Promise<void> {
    const payload: ReliabilityChange = {
      record,
      entityRefs: [...new Set(entityRefs)],
    };
    try {
      await this.deps.events.publish({
        topic: RELIABILITY_CHANGED_TOPIC,
        eventPayload: payload,
      });
    } catch (error) {
      this.deps.logger.warn(
        `Reliability: could not say that the ${record} records of ${payload.entityRefs.join(
          ', ',
        )} changed: ${error}`,
      );
    }
  }
}
