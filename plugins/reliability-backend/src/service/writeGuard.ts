/*
 * Who calls a write is settled before anything of the request is read: a
 * caller who may not write is answered 401 or 403 while their body is still
 * unread (not parsed, not consumed, not held against a size limit), and their
 * query is not looked at either. Refusals are audited here; accepted writes
 * are audited by their route.
 */
import {
  AuditorService,
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import express from 'express';

/** A write's permission check, from its service's authorizing wrapper. */
export type WriteAuthorization = (options: {
  credentials: BackstageCredentials;
}) => Promise<void>;

/** Makes the steps that go in front of write routes. */
export function createWriteGuard(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}) {
  const { httpAuth, auditor } = options;
  return (guard: {
      event: Pick<
        AuditorServiceCreateEventOptions,
        'eventId' | 'severityLevel'
      >;
      allow: Array<'user' | 'service'>;
      authorize?: WriteAuthorization;
    }): express.RequestHandler =>
    (req, _res, next) => {
      httpAuth
        .credentials(req, { allow: guard.allow })
        .then(credentials => guard.authorize?.({ credentials }))
        .then(
          () => next(),
          async (error: Error) => {
            const event = await auditor.createEvent({
              ...guard.event,
              request: req,
            });
            await event.fail({ error });
            next(error);
          },
        )
        .catch(next);
    };
}
