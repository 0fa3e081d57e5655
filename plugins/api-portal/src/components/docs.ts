import { portalDocsLink } from '@readiness/portal-react';

/** The pages of the portal's docs the API portal's empty states point to. */
export const DOCS = {
  collection: portalDocsLink('api-portal/collection'),
  providedApisCard: portalDocsLink('api-portal/provided-apis-card'),
  readinessPage: portalDocsLink('api-portal/readiness-page'),
};
