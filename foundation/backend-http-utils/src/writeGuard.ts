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
import { WriteCaller } from './audited';

/**
 * A write's permission check, from its service's authorizing wrapper.
 *
 * @public
 */
export type WriteAuthorization = (options: {
  credentials: BackstageCredentials;
}) => Promise<void>;

/**
 * One step in front of a write route: the audit event a refusal is
 * recorded as, the principal types allowed, and the permission check.
 *
 * @public
 */
export type WriteGuard = {
  event: Pick<AuditorServiceCreateEventOptions, 'eventId' | 'severityLevel'>;
  allow: WriteCaller[];
  authorize?: WriteAuthorization;
};

/**
 * Makes the steps that go in front of write routes, before their bodies are
 * read: each resolves the caller and asks the authorization, and on a
 * refusal audits it as a failed event and passes the error on.
 *
 * @public
 */
export function createWriteGuard(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): (guard: WriteGuard) => express.RequestHandler {
  const { httpAuth, auditor } = options;
  return guard => (req, _res, next) => {
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
