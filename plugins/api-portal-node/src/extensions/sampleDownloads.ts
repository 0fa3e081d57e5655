import { createExtensionPoint } from '@backstage/backend-plugin-api';

/** An API entity's current version, as the API portal collected it. @public */
export type CollectedApiVersion = {
  entityRef: string;
  family: string;
  /** The definition's version; downloads are counted per family and version. */
  version: string;
  partnerFacing: boolean;
};

/**
 * One day's SDK downloads of a family version in one language, by one
 * audience (partners: by members of these organisations).
 *
 * @public
 */
export type SdkDownloadCount = {
  family: string;
  version: string;
  language: string;
  /** `YYYY-MM-DD`, UTC, not after today. */
  day: string;
  audience: 'internal' | 'partner';
  /** The partner organisations of the downloaders; none for internal ones. */
  partnerOrgs: string[];
  downloads: number;
};

/**
 * What the api-portal backend gives a source of sample downloads: the
 * versions it has collected, and its download counts, where sample counts
 * are kept apart from real downloads and shown as sample data.
 *
 * @public
 */
export interface ApiPortalSampleDownloads {
  /** The current versions of the API entities collected so far. */
  collectedVersions(): Promise<CollectedApiVersion[]>;
  /**
   * Checks and keeps counts as sample downloads. A count for a key (family,
   * version, language, day, audience, organisations) already kept is left
   * as it is, so keeping the same counts again adds nothing. Throws an
   * `InputError` naming the first count it refuses, before keeping any.
   */
  addSampleDownloads(counts: SdkDownloadCount[]): Promise<{ added: number }>;
}

/**
 * A module that counts sample SDK downloads (the development sample data).
 *
 * @public
 */
export interface ApiPortalSampleDownloadSource {
  /** Names the source in logs; two sources may not share a name. */
  readonly name: string;
  /**
   * Called once the backend has started; what the source counts, and when,
   * is up to it. It should return promptly.
   */
  connect(downloads: ApiPortalSampleDownloads): Promise<void>;
}

/**
 * Lets backend modules count sample SDK downloads.
 *
 * @public
 */
export interface ApiPortalSampleDownloadsExtensionPoint {
  /** Adds sources; a second source with a name already added throws. */
  addSampleDownloadSource(...sources: ApiPortalSampleDownloadSource[]): void;
}

/**
 * The extension point for sources of sample SDK downloads.
 *
 * @public
 */
export const apiPortalSampleDownloadsExtensionPoint =
  createExtensionPoint<ApiPortalSampleDownloadsExtensionPoint>({
    id: 'api-portal.sample-downloads',
  });
