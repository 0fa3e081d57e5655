/*
 * Who downloads SDKs and whose downloads a caller may count. A download is
 * kept with the downloader's audience and, for partners, their partner
 * organisations; internal users and services see every download, a partner
 * only those of their own organisations, so no partner learns how much an
 * API is used inside the company or by another partner.
 */
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { SdkDownloadsScope } from '@readiness/plugin-api-portal-common';
import { audienceOfCaller } from '@readiness/plugin-partner-common';
import { DownloadAudience } from './DatabaseSdkStore';

/** A caller as a downloader and as a reader of download counts. */
export type SdkDownloader = {
  /** How the caller's downloads are counted. */
  audience: DownloadAudience;
  /** The caller's partner organisations; none for internal callers. */
  partnerOrgs: string[];
  /**
   * Whose downloads the caller may count: everyone's (`all`), or their own
   * organisations' only (`organisation`).
   */
  scope: SdkDownloadsScope;
};

/**
 * The caller as a downloader. Services count and read as internal; a user in
 * no group (whom the policy refuses anyway) is counted as internal, as before
 * organisations were kept, but may count no one's downloads.
 */
export async function downloaderOf(
  credentials: BackstageCredentials,
  userInfo: UserInfoService,
): Promise<SdkDownloader> {
  const principal = credentials.principal as { type?: string };
  if (principal.type !== 'user') {
    return { audience: 'internal', partnerOrgs: [], scope: 'all' };
  }
  const caller = audienceOfCaller(
    await userInfo.getUserInfo(
      credentials as BackstageCredentials<BackstageUserPrincipal>,
    ),
  );
  if (caller.type === 'partner') {
    return {
      audience: 'partner',
      partnerOrgs: caller.orgs,
      scope: 'organisation',
    };
  }
  return {
    audience: 'internal',
    partnerOrgs: [],
    scope: caller.type === 'internal' ? 'all' : 'organisation',
  };
}

/** Whether a download by members of these organisations counts for the reader. */
export function countsFor(
  reader: SdkDownloader,
  downloaderOrgs: readonly string[],
): boolean {
  return (
    reader.scope === 'all' ||
    downloaderOrgs.some(org => reader.partnerOrgs.includes(org))
  );
}
