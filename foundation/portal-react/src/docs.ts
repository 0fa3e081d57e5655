/**
 * Where the portal's own TechDocs are served in the app: the pages empty
 * states and help texts point to.
 *
 * @public
 */
export const PORTAL_DOCS_ROOT = '/docs/default/system/readiness-portal';

/**
 * The app path of a page of the portal's TechDocs, from its path under
 * `docs/` without the `.md` (`'reliability/slos'`), with an optional anchor.
 *
 * @public
 */
export function portalDocsLink(page: string, anchor?: string): string {
  const path = page.replace(/^\/+|\/+$/g, '');
  return `${PORTAL_DOCS_ROOT}/${path}/${anchor ? `#${anchor}` : ''}`;
}
