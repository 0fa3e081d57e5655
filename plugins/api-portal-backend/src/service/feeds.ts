import { parseEntityRef } from '@backstage/catalog-model';
import { renderAtom, renderRss } from '@readiness/plugin-api-portal-common';
import { ChangelogItem } from '@readiness/plugin-api-portal-common';

/** RSS 2.0 or Atom 1.0. */
export type FeedFormat = 'rss' | 'atom';

/** The content type each feed format is served with. */
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/** Where feeds and their entries point. */
export type FeedLinks = {
  /** The portal's frontend, e.g. http://localhost:3000. */
  appBaseUrl: string;
  /** The plugin's external base URL, e.g. http://localhost:7007/api/api-portal. */
  apiBaseUrl: () => Promise<string>;
};

/** The catalog page of an API entity in the portal. */
export function entityPageUrl(appBaseUrl: string, entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `${appBaseUrl}/catalog/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

/** Renders changelog items as an RSS or Atom feed of one family or of all. */
export async function renderFeed(
  format: FeedFormat,
  items: ChangelogItem[],
  options: { family?: string; links: FeedLinks },
): Promise<string> {
  const { family, links } = options;
  const apiBaseUrl = await links.apiBaseUrl();
  const selfLink = family
    ? `${apiBaseUrl}/v1/feeds/families/${encodeURIComponent(family)}.${format}`
    : `${apiBaseUrl}/v1/feeds/all.${format}`;
  const newest = items[0];
  const link = newest
    ? entityPageUrl(links.appBaseUrl, newest.entityRef)
    : `${links.appBaseUrl}/api-docs`;
  const title = family ? `${family} API changelog` : 'API changelog';
  const description = family
    ? `Versions and changes of the ${family} API family, breaking changes marked`
    : 'Versions and changes of every API family, breaking changes marked';
  const entryLink = (entry: { entityRef: string }) =>
    entityPageUrl(links.appBaseUrl, entry.entityRef);
  if (format === 'rss') {
    return renderRss(items, {
      title,
      link,
      description,
      selfLink,
      language: 'en',
      entryLink,
    });
  }
  return renderAtom(items, {
    id: selfLink,
    title,
    subtitle: description,
    link,
    selfLink,
    entryLink,
  });
}
