import Parser from 'rss-parser';
import {
  ChangelogEntry,
  changelogEntryId,
  createChangelogEntry,
} from './changelog';
import {
  escapeXml,
  renderAtom,
  renderRss,
  rfc3339Date,
  rfc822Date,
} from './feeds';

/** Atom entries carry an `id` (and would carry an `author`) beyond RSS items. */
const parser = new Parser<
  Record<string, unknown>,
  { id?: string; author?: string }
>();

const older = createChangelogEntry({
  family: 'ledger-api',
  fromVersion: '1.4.1',
  toVersion: '1.4.2',
  entityRef: 'api:default/ledger-api-v1',
  at: '2024-11-05T08:00:00Z',
  changes: [
    {
      ruleId: 'path-added',
      breaking: false,
      severity: 'info',
      message: 'path /accounts/{accountId}/balance added',
    },
  ],
});
const newer = createChangelogEntry({
  family: 'ledger-api',
  fromVersion: '1.4.2',
  toVersion: '2.0.0',
  entityRef: 'api:default/ledger-api-v2',
  at: '2025-02-03T10:15:40Z',
  changes: [
    {
      ruleId: 'response-property-removed',
      breaking: true,
      severity: 'error',
      message: 'response property `JournalEntry.postedAt` removed <&> "quoted"',
    },
  ],
});

const link = (entry: ChangelogEntry) =>
  `https://portal.example.com/api-docs/ledger-api?from=${entry.fromVersion}&to=${entry.toVersion}`;

describe('renderRss', () => {
  const xml = renderRss([older, newer], {
    title: 'Ledger API changelog',
    link: 'https://portal.example.com/api-docs/ledger-api',
    description: 'Changes to the ledger API & its versions',
    selfLink: 'https://portal.example.com/api/api-portal/feeds/ledger-api.rss',
    language: 'en',
    entryLink: link,
  });

  it('parses as RSS 2.0 with the channel as given', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe('Ledger API changelog');
    expect(feed.link).toBe('https://portal.example.com/api-docs/ledger-api');
    expect(feed.description).toBe('Changes to the ledger API & its versions');
    expect(feed.language).toBe('en');
    expect(feed.lastBuildDate).toBe('Mon, 03 Feb 2025 10:15:40 GMT');
  });

  it('lists entries newest first with titles, links, dates and guids', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.items.map(i => i.title)).toEqual([
      'ledger-api 1.4.2 → 2.0.0 (breaking)',
      'ledger-api 1.4.1 → 1.4.2',
    ]);
    const [first, second] = feed.items;
    expect(first.link).toBe(
      'https://portal.example.com/api-docs/ledger-api?from=1.4.2&to=2.0.0',
    );
    expect(first.pubDate).toBe('Mon, 03 Feb 2025 10:15:40 GMT');
    expect(first.isoDate).toBe('2025-02-03T10:15:40.000Z');
    expect(second.isoDate).toBe('2024-11-05T08:00:00.000Z');
    expect(first.guid).toBe(changelogEntryId(newer));
    expect(first.categories).toEqual(['breaking']);
    expect(first.content).toContain(
      'response property `JournalEntry.postedAt` removed &lt;&amp;&gt; &quot;quoted&quot;',
    );
    expect(first.contentSnippet).toContain('1 breaking change');
  });

  it('renders the same feed twice identically', () => {
    expect(
      renderRss([newer, older], {
        title: 'Ledger API changelog',
        link: 'https://portal.example.com/api-docs/ledger-api',
        description: 'Changes to the ledger API & its versions',
        selfLink:
          'https://portal.example.com/api/api-portal/feeds/ledger-api.rss',
        language: 'en',
        entryLink: link,
      }),
    ).toBe(xml);
  });

  it('renders an empty channel', async () => {
    const feed = await parser.parseString(
      renderRss([], {
        title: 't',
        link: 'https://x.example',
        description: 'd',
      }),
    );
    expect(feed.items).toEqual([]);
  });
});

describe('renderAtom', () => {
  const xml = renderAtom([older, newer], {
    id: 'urn:readiness-api-portal:feed:ledger-api',
    title: 'Ledger API <changelog>',
    link: 'https://portal.example.com/api-docs/ledger-api',
    selfLink: 'https://portal.example.com/api/api-portal/feeds/ledger-api.atom',
    author: { name: 'Finance team', email: 'team-finance@example.com' },
  });

  it('parses as Atom 1.0 with the feed as given', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe('Ledger API <changelog>');
    expect(feed.link).toBe('https://portal.example.com/api-docs/ledger-api');
    expect(feed.feedUrl).toBe(
      'https://portal.example.com/api/api-portal/feeds/ledger-api.atom',
    );
    expect(feed.lastBuildDate).toBe('2025-02-03T10:15:40Z');
  });

  it('lists entries newest first with ids, titles, links and dates', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.items.map(i => i.title)).toEqual([
      'ledger-api 1.4.2 → 2.0.0 (breaking)',
      'ledger-api 1.4.1 → 1.4.2',
    ]);
    const [first] = feed.items;
    expect(first.id).toBe(changelogEntryId(newer));
    expect(first.link).toBe('https://portal.example.com/api-docs/ledger-api');
    expect(first.isoDate).toBe('2025-02-03T10:15:40.000Z');
    expect(feed.items[1].isoDate).toBe('2024-11-05T08:00:00.000Z');
    expect(xml).toContain('<published>2025-02-03T10:15:40Z</published>');
    expect(first.summary).toBe(newer.summary);
    expect(first.content).toContain('<strong>breaking</strong>');
    expect(first.author).toBeUndefined();
  });

  it('has an author, an id and an updated time even without entries', async () => {
    const empty = renderAtom([], {
      title: 'Empty',
      link: 'https://x.example',
      updated: '2025-01-01T00:00:00Z',
    });
    expect(empty).toContain('<id>https://x.example</id>');
    expect(empty).toContain('<updated>2025-01-01T00:00:00Z</updated>');
    expect(empty).toContain('<author><name>Empty</name></author>');
    const feed = await parser.parseString(empty);
    expect(feed.items).toEqual([]);
  });
});

describe('XML helpers', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0007\uD800ok`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;ok',
    );
    expect(escapeXml('😀')).toBe('😀');
  });

  it('formats RFC 822 and RFC 3339 dates in UTC', () => {
    expect(rfc822Date('2025-02-03T11:15:40+01:00')).toBe(
      'Mon, 03 Feb 2025 10:15:40 GMT',
    );
    expect(rfc3339Date('2025-02-03T11:15:40+01:00')).toBe(
      '2025-02-03T10:15:40Z',
    );
    expect(rfc3339Date('2025-02-03T10:15:40.250Z')).toBe(
      '2025-02-03T10:15:40.250Z',
    );
  });
});
