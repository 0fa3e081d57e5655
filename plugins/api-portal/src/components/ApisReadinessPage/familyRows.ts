/*
 * The readiness table's rows: every family the caller may read, read page by
 * page, with the numbers the table sorts and filters on worked out once.
 */
import {
  ApiPortalApi,
  compareVersions,
  FamilySummary,
  FeedUrls,
  LintSummary,
} from '@readiness/plugin-api-portal-common';

/** Families per request; the backend's largest page. */
export const FAMILIES_PAGE_SIZE = 100;

export type FamilyRow = {
  family: FamilySummary;
  /** SDK downloads summed over the last 30 days; undefined when not reported. */
  downloads?: number;
  feeds: FeedUrls;
};

export type Audience = 'all' | 'partner' | 'internal';

export type FamilyFilter = {
  search: string;
  breakingOnly: boolean;
  lintErrorsOnly: boolean;
  audience: Audience;
};

export const NO_FILTER: FamilyFilter = {
  search: '',
  breakingOnly: false,
  lintErrorsOnly: false,
  audience: 'all',
};

/** Every family, following `nextCursor` until the backend has no more. */
export async function listAllFamilies(
  api: Pick<ApiPortalApi, 'listFamilies'>,
): Promise<FamilySummary[]> {
  const families: FamilySummary[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await api.listFamilies({ cursor, limit: FAMILIES_PAGE_SIZE });
    families.push(...page.items);
    cursor = page.nextCursor;
    // A cursor handed out twice would loop forever.
    if (cursor !== undefined && seen.has(cursor)) {
      throw new Error(`The api-portal backend repeated cursor ${cursor}`);
    }
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor !== undefined);
  return families;
}

export function downloadsOf(family: FamilySummary): number | undefined {
  return family.sdkDownloadsLast30Days?.reduce(
    (sum, day) => sum + day.downloads,
    0,
  );
}

/** The rows of the table, with each family's feeds. */
export async function loadFamilyRows(
  api: Pick<ApiPortalApi, 'listFamilies' | 'getFeedUrls'>,
): Promise<FamilyRow[]> {
  const families = await listAllFamilies(api);
  return Promise.all(
    families.map(async family => ({
      family,
      downloads: downloadsOf(family),
      feeds: await api.getFeedUrls(family.name),
    })),
  );
}

export function matchesFilter(row: FamilyRow, filter: FamilyFilter): boolean {
  const { family } = row;
  const search = filter.search.trim().toLocaleLowerCase('en-US');
  if (search && !family.name.toLocaleLowerCase('en-US').includes(search)) {
    return false;
  }
  if (filter.breakingOnly && family.breakingChangesLast30Days === 0) {
    return false;
  }
  if (filter.lintErrorsOnly && !((family.lint?.errors ?? 0) > 0)) {
    return false;
  }
  if (filter.audience === 'partner' && !family.partnerFacing) return false;
  if (filter.audience === 'internal' && family.partnerFacing) return false;
  return true;
}

/** Absent values sort first ascending, so they gather at one end. */
function compareOptional<T>(
  a: T | undefined,
  b: T | undefined,
  compare: (x: T, y: T) => number,
): number {
  if (a === undefined || b === undefined) {
    return Number(a !== undefined) - Number(b !== undefined);
  }
  return compare(a, b);
}

const byNumber = (a: number, b: number) => a - b;

/** Errors weigh more than any number of warnings. */
export function compareLint(
  a: LintSummary | undefined,
  b: LintSummary | undefined,
): number {
  return compareOptional(
    a,
    b,
    (x, y) => x.errors - y.errors || x.warnings - y.warnings,
  );
}

/** One comparator per sortable column of the readiness table. */
export const ROW_ORDER = {
  name: (a: FamilyRow, b: FamilyRow) =>
    a.family.name.localeCompare(b.family.name),
  latestVersion: (a: FamilyRow, b: FamilyRow) =>
    compareOptional(
      a.family.latestVersion,
      b.family.latestVersion,
      compareVersions,
    ),
  versionsCount: (a: FamilyRow, b: FamilyRow) =>
    a.family.versionsCount - b.family.versionsCount,
  partnerFacing: (a: FamilyRow, b: FamilyRow) =>
    Number(a.family.partnerFacing) - Number(b.family.partnerFacing),
  lint: (a: FamilyRow, b: FamilyRow) =>
    compareLint(a.family.lint, b.family.lint),
  breaking: (a: FamilyRow, b: FamilyRow) =>
    a.family.breakingChangesLast30Days - b.family.breakingChangesLast30Days,
  downloads: (a: FamilyRow, b: FamilyRow) =>
    compareOptional(a.downloads, b.downloads, byNumber),
};
