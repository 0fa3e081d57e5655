/*
 * The "not found" answers of the api-portal, one per kind of thing. A thing
 * the caller may not see gets the same answer as a thing that does not exist,
 * naming only what the caller asked for; the authorizing wrappers and the
 * inner services both build their errors here so the two cannot drift apart.
 */
import { NotFoundError } from '@backstage/errors';

/** An API family by name. */
export function familyNotFound(name: string): NotFoundError {
  return new NotFoundError(`No API family ${name}`);
}

/** A spec revision by id. */
export function revisionNotFound(revisionId: string): NotFoundError {
  return new NotFoundError(`No revision ${revisionId}`);
}

/** The collected definitions of an entity. */
export function definitionsNotFound(entityRef: string): NotFoundError {
  return new NotFoundError(`No definitions collected for ${entityRef}`);
}

/** An entity of the catalog, e.g. the component whose provided APIs are asked. */
export function entityNotFound(entityRef: string): NotFoundError {
  return new NotFoundError(`No entity ${entityRef}`);
}

/** An API entity to refresh, as the collector reports it. */
export function catalogEntityNotFound(entityRef: string): NotFoundError {
  return new NotFoundError(`No entity ${entityRef} in the catalog`);
}

/** The collected API entity whose SDKs or Postman collection are asked. */
export function sdkSourceNotFound(entityRef: string): NotFoundError {
  return new NotFoundError(`The API portal has not collected ${entityRef}`);
}
