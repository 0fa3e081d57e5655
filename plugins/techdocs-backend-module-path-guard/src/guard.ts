import { NotFoundError } from '@backstage/errors';
import express from 'express';
import { checkDocsPath } from './docsPath';

// Routes of the TechDocs backend that name an entity in their path
const ENTITY_ROUTES = /^\/(?:metadata\/(?:techdocs|entity)|sync)(\/.*)$/;
const STATIC_DOCS = /^\/static\/docs(\/.*)$/;

/**
 * Middleware for the TechDocs plugin's router. Refused requests get the same
 * 404 as docs that do not exist, so the guard says nothing about what is there.
 */
export function createDocsPathGuard(): express.RequestHandler {
  return (req, _res, next) => {
    // req.path keeps the percent escapes exactly as they were sent
    const path = req.path;
    const staticDocs = STATIC_DOCS.exec(path);
    const entityRoute = staticDocs ? undefined : ENTITY_ROUTES.exec(path);
    const docsPath = staticDocs?.[1] ?? entityRoute?.[1];
    if (docsPath === undefined) {
      next();
      return;
    }
    const verdict = checkDocsPath(docsPath);
    const exactlyOneEntity =
      verdict.ok && (staticDocs !== null || verdict.rest.length === 0);
    if (!exactlyOneEntity) {
      next(new NotFoundError('Documentation not found'));
      return;
    }
    next();
  };
}
