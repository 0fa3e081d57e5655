import {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/**
 * Runs a write as one audit event: success with what `resultMeta` picks from
 * the result, or failure with the error (which is thrown on).
 *
 * @public
 */
export type AuditedRunner = <T>(
  event: AuditorServiceCreateEventOptions,
  work: () => Promise<T>,
  resultMeta?: (result: T) => JsonObject,
) => Promise<T>;

/**
 * An {@link AuditedRunner} writing to this auditor.
 *
 * @public
 */
export function createAuditedRunner(auditor: AuditorService): AuditedRunner {
  return async (event, work, resultMeta = () => ({})) => {
    const auditEvent = await auditor.createEvent(event);
    try {
      const result = await work();
      await auditEvent.success({ meta: resultMeta(result) });
      return result;
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
  };
}
