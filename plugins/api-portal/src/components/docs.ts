/** Where the portal's TechDocs keep the pages that empty states point to. */
const PORTAL_DOCS = '/docs/default/system/readiness-portal';

export const DOCS = {
  collection: `${PORTAL_DOCS}/api-portal/collection/`,
  providedApisCard: `${PORTAL_DOCS}/api-portal/provided-apis-card/`,
  readinessPage: `${PORTAL_DOCS}/api-portal/readiness-page/`,
};
