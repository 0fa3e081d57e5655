/*
 * RSS 2.0 and Atom 1.0 renderings of changelog entries, written as strings
 * (no XML library: the two formats need only elements, attributes and
 * escaping). Entries come out newest first; ids are stable, so feed readers
 * do not show an entry twice when the feed is rendered again.
 */
import {
  ChangelogEntry,
  changelogEntryId,
  changelogEntryTitle,
} from './changelog';

/** The RSS channel around the entries. @public */
export type RssChannel = {
  title: string;
  /** The page the feed is about, e.g. the API family page. */
  link: string;
  description: string;
  /** The feed's own URL, announced as `atom:link rel="self"`. */
  selfLink?: string;
  /** e.g. `en` */
  language?: string;
  /** Where one entry is shown; defaults to `link`. */
  entryLink?: (entry: ChangelogEntry) => string;
};

/** The Atom feed around the entries. @public */
export type AtomFeed = {
  /** A permanent IRI for the feed; defaults to `selfLink`, else `link`. */
  id?: string;
  title: string;
  subtitle?: string;
  /** The page the feed is about. */
  link: string;
  /** The feed's own URL. */
  selfLink?: string;
  /** Defaults to `{ name: title }`; Atom requires an author. */
  author?: { name: string; email?: string; uri?: string };
  /** ISO 8601; defaults to the newest entry, else the time of rendering. */
  updated?: string;
  /** Where one entry is shown; defaults to `link`. */
  entryLink?: (entry: ChangelogEntry) => string;
};

/** Whether XML 1.0 allows a code point in a document at all. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

/** Drops control characters, lone surrogates and U+FFFE/U+FFFF. */
function xmlChars(text: string): string {
  let kept = '';
  // Iterating a string yields code points; a lone surrogate comes alone.
  for (const char of text) {
    if (isXmlChar(char.codePointAt(0) ?? 0)) {
      kept += char;
    }
  }
  return kept;
}

/** Escapes text for XML element content and attribute values. @public */
export function escapeXml(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** RFC 822 date as RSS wants it: `Tue, 04 Feb 2025 10:15:40 GMT`. @public */
export function rfc822Date(iso: string): string {
  // toUTCString is specified to produce exactly this (RFC 7231) form.
  return new Date(iso).toUTCString();
}

/** RFC 3339 timestamp in UTC, without fractional seconds when they are 0. @public */
export function rfc3339Date(iso: string): string {
  return new Date(iso).toISOString().replace('.000Z', 'Z');
}

function newestFirst(entries: readonly ChangelogEntry[]): ChangelogEntry[] {
  return [...entries].sort(
    (a, b) =>
      Date.parse(b.at) - Date.parse(a.at) ||
      a.entityRef.localeCompare(b.entityRef),
  );
}

/** The entry body as HTML: the summary and every change. */
function entryHtml(entry: ChangelogEntry): string {
  const items = entry.changes
    .map(
      c =>
        `<li>${c.breaking ? '<strong>breaking</strong> ' : ''}${escapeXml(
          c.message,
        )} <small>(${escapeXml(c.ruleId)})</small></li>`,
    )
    .join('');
  return `<p>${escapeXml(entry.summary)}</p>${
    items ? `<ul>${items}</ul>` : ''
  }`;
}

/** Joins the lines of a document, leaving out empty ones. */
function lines(parts: string[]): string {
  return `${parts.filter(part => part !== '').join('\n')}\n`;
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

/**
 * Renders changelog entries as an RSS 2.0 document.
 *
 * @public
 */
export function renderRss(
  entries: readonly ChangelogEntry[],
  channel: RssChannel,
): string {
  const sorted = newestFirst(entries);
  const linkOf = channel.entryLink ?? (() => channel.link);
  const items = sorted.map(entry =>
    [
      '<item>',
      element('title', changelogEntryTitle(entry)),
      element('link', linkOf(entry)),
      element('guid', changelogEntryId(entry), ' isPermaLink="false"'),
      element('pubDate', rfc822Date(entry.at)),
      element('category', entry.breaking ? 'breaking' : 'non-breaking'),
      element('description', entryHtml(entry)),
      '</item>',
    ].join(''),
  );
  return lines([
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description),
    channel.selfLink
      ? `<atom:link href="${escapeXml(
          channel.selfLink,
        )}" rel="self" type="application/rss+xml"/>`
      : '',
    channel.language ? element('language', channel.language) : '',
    sorted.length > 0 ? element('lastBuildDate', rfc822Date(sorted[0].at)) : '',
    element('generator', 'Readiness Portal api-portal'),
    ...items,
    '</channel>',
    '</rss>',
  ]);
}

/**
 * Renders changelog entries as an Atom 1.0 document.
 *
 * @public
 */
export function renderAtom(
  entries: readonly ChangelogEntry[],
  feed: AtomFeed,
): string {
  const sorted = newestFirst(entries);
  const linkOf = feed.entryLink ?? (() => feed.link);
  const updated = feed.updated ?? sorted[0]?.at ?? new Date().toISOString();
  const author = feed.author ?? { name: feed.title };
  const entryXml = sorted.map(entry =>
    [
      '<entry>',
      element('id', changelogEntryId(entry)),
      element('title', changelogEntryTitle(entry)),
      `<link rel="alternate" href="${escapeXml(linkOf(entry))}"/>`,
      element('published', rfc3339Date(entry.at)),
      element('updated', rfc3339Date(entry.at)),
      `<category term="${entry.breaking ? 'breaking' : 'non-breaking'}"/>`,
      element('summary', entry.summary, ' type="text"'),
      element('content', entryHtml(entry), ' type="html"'),
      '</entry>',
    ].join(''),
  );
  return lines([
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', feed.id ?? feed.selfLink ?? feed.link),
    element('title', feed.title),
    feed.subtitle ? element('subtitle', feed.subtitle) : '',
    element('updated', rfc3339Date(updated)),
    `<link rel="alternate" href="${escapeXml(feed.link)}"/>`,
    feed.selfLink
      ? `<link rel="self" type="application/atom+xml" href="${escapeXml(
          feed.selfLink,
        )}"/>`
      : '',
    [
      '<author>',
      element('name', author.name),
      author.email ? element('email', author.email) : '',
      author.uri ? element('uri', author.uri) : '',
      '</author>',
    ].join(''),
    element('generator', 'Readiness Portal api-portal'),
    ...entryXml,
    '</feed>',
  ]);
}
