import { portalDocsLink } from '@readiness/portal-react';

/** The pages of the portal's docs the scorecard cards point to. */
export const DOCS = {
  tab: portalDocsLink('scorecards/readiness-record', 'the-scorecard-tab'),
  notScoredYet: portalDocsLink(
    'scorecards/readiness-record',
    'when-there-is-no-scorecard-yet',
  ),
  noCheckApplies: portalDocsLink(
    'scorecards/readiness-record',
    'when-no-check-applies',
  ),
  levels: portalDocsLink('scorecards/levels-and-score', 'levels'),
  ritual: portalDocsLink('scorecards/ritual-page'),
};

/**
 * Where a check's how-to-fix link goes: an https URL as it is, a page of
 * the portal's docs (`reliability/slos#anchor`) in the app's TechDocs.
 */
export function howToFixHref(docs: string): string {
  if (/^https:\/\//i.test(docs)) return docs;
  const [page, anchor] = docs.split('#', 2);
  return portalDocsLink(page, anchor || undefined);
}
