/*
 * Sample SDK downloads (docs/operations/sample-data.md): modules hand day
 * counts to the backend, which checks them as strictly as it counts a real
 * download (a collected family version, a known audience, a day that has
 * begun) and keeps them apart from real downloads, marked as sample data.
 */
import { InputError } from '@backstage/errors';
import { ConnectedSourceRegistry } from '@readiness/backend-http-utils';
import {
  ApiPortalSampleDownloads,
  SdkDownloadCount,
} from '@readiness/plugin-api-portal-node';
import { DatabaseSpecStore } from '../database/DatabaseSpecStore';
import { UNVERSIONED } from '../revisions';
import { DatabaseSdkStore } from './DatabaseSdkStore';

/** The sources of sample downloads added by modules, by name. */
export class SampleDownloadSourceRegistry extends ConnectedSourceRegistry<ApiPortalSampleDownloads> {
  constructor() {
    super('An api-portal sample download source');
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const AUDIENCES = ['internal', 'partner'];

/** Throws an `InputError` naming the count and field when a count is wrong. */
function checkCount(
  count: SdkDownloadCount,
  index: number,
  collected: Set<string>,
  today: string,
) {
  const at = `/${index}`;
  for (const field of ['family', 'version', 'language'] as const) {
    if (typeof count[field] !== 'string' || count[field].trim() === '') {
      throw new InputError(`${at}/${field}: expected a non-empty string`);
    }
  }
  if (!collected.has(`${count.family}\u0000${count.version}`)) {
    throw new InputError(
      `${at}: ${count.family} ${count.version} is not a collected API version`,
    );
  }
  if (!DAY.test(count.day) || Number.isNaN(Date.parse(count.day))) {
    throw new InputError(`${at}/day: expected YYYY-MM-DD, got ${count.day}`);
  }
  if (count.day > today) {
    throw new InputError(`${at}/day: ${count.day} has not begun`);
  }
  if (!AUDIENCES.includes(count.audience)) {
    throw new InputError(
      `${at}/audience: expected internal or partner, got ${count.audience}`,
    );
  }
  const orgs = count.partnerOrgs ?? [];
  if ((count.audience === 'partner') !== orgs.length > 0) {
    throw new InputError(
      `${at}/partnerOrgs: partner downloads name their organisations, internal ones none`,
    );
  }
  if (!Number.isInteger(count.downloads) || count.downloads < 1) {
    throw new InputError(
      `${at}/downloads: expected a whole number above 0, got ${count.downloads}`,
    );
  }
}

/** The backend's sample downloads, as sources see them. */
export function sampleDownloadsOf(deps: {
  specs: DatabaseSpecStore;
  builds: DatabaseSdkStore;
  now?: () => Date;
}): ApiPortalSampleDownloads {
  const collectedVersions = async () =>
    (await deps.specs.currentVersions()).map(entry => ({
      entityRef: entry.entityRef,
      family: entry.family,
      version: entry.version ?? UNVERSIONED,
      partnerFacing: entry.partnerFacing,
    }));
  return {
    collectedVersions,
    async addSampleDownloads(counts) {
      const collected = new Set(
        (await collectedVersions()).map(v => `${v.family}\u0000${v.version}`),
      );
      const today = (deps.now ?? (() => new Date()))()
        .toISOString()
        .slice(0, 10);
      counts.forEach((count, index) =>
        checkCount(count, index, collected, today),
      );
      return { added: await deps.builds.addSampleDownloads(counts) };
    },
  };
}
