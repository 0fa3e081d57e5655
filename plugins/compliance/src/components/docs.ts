import { portalDocsLink } from '@readiness/portal-react';

/** The pages of the portal's docs the compliance cards point to. */
export const DOCS = {
  scoping: portalDocsLink('compliance/entity-pages', 'when-no-control-applies'),
  states: portalDocsLink('compliance/entity-pages', 'the-state-of-a-control'),
  filingFromCi: portalDocsLink('compliance/filing-from-ci'),
  matrixScoping: portalDocsLink('compliance/matrix', 'an-empty-matrix'),
};
