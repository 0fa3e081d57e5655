/*
 * Sample SDK downloads of the sample platform's API families: what internal
 * developers and the partner organisations (Acme, Globex) would have
 * downloaded each day. A day's count depends only on its key (family,
 * version, language, day, audience, organisation), so counting again keeps
 * every day as it was and adds only new days.
 */
import {
  CollectedApiVersion,
  SdkDownloadCount,
} from '@readiness/plugin-api-portal-node';
import {
  addDays,
  around,
  dayOf,
  daysFrom,
  sampleRandom,
  weekdayOf,
  wholeBetween,
} from '@readiness/sample-data';

/** Days of downloads kept, the last one yesterday (today is not over). */
export const DOWNLOAD_DAYS = 60;

/** A family with downloads: internal ones a working day, and the partners that use it. */
export type SampleFamily = {
  family: string;
  internalPerDay: number;
  partnerOrgs: string[];
};

/** The sample platform's families with SDK downloads. */
export const SAMPLE_FAMILIES: SampleFamily[] = [
  { family: 'ledger-api', internalPerDay: 12, partnerOrgs: ['acme', 'globex'] },
  { family: 'filings-api', internalPerDay: 8, partnerOrgs: ['acme', 'globex'] },
  { family: 'documents-api', internalPerDay: 6, partnerOrgs: ['acme'] },
  { family: 'webhooks-api', internalPerDay: 4, partnerOrgs: ['acme'] },
  { family: 'api-gateway-api', internalPerDay: 3, partnerOrgs: [] },
];

/** Shares of the downloads by SDK language. */
const LANGUAGES: Array<[string, number]> = [
  ['typescript', 0.62],
  ['python', 0.38],
];

/** Weekends are quiet. */
const WEEKDAY_FACTOR = [1, 1.05, 1, 0.95, 0.85, 0.3, 0.25];

/** Numbers of a version, for ordering (`2.10.0` after `2.9.1`). */
function versionParts(version: string): number[] {
  return version
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number);
}

function newerFirst(a: string, b: string): number {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (y[i] ?? -1) - (x[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return a.localeCompare(b);
}

/**
 * Each day's downloads of the sample families' collected versions up to
 * yesterday: most of them of the newest version; partner downloads only of
 * versions published to partners.
 */
export function sampleDownloadCounts(options: {
  versions: CollectedApiVersion[];
  now: Date;
  families?: SampleFamily[];
}): SdkDownloadCount[] {
  const yesterday = addDays(dayOf(options.now), -1);
  const days = daysFrom(addDays(yesterday, -(DOWNLOAD_DAYS - 1)), yesterday);
  const counts: SdkDownloadCount[] = [];
  for (const sample of options.families ?? SAMPLE_FAMILIES) {
    const versions = [
      ...new Map(
        options.versions
          .filter(v => v.family === sample.family)
          .map(v => [v.version, v]),
      ).values(),
    ].sort((a, b) => newerFirst(a.version, b.version));
    versions.forEach((version, rank) => {
      let share = 1;
      if (versions.length > 1) {
        share = rank === 0 ? 0.85 : 0.15 / (versions.length - 1);
      }
      for (const day of days) {
        for (const [language, languageShare] of LANGUAGES) {
          const key = [sample.family, version.version, language, day];
          const random = sampleRandom('downloads', ...key);
          const internal = Math.round(
            around(
              random,
              sample.internalPerDay *
                share *
                languageShare *
                WEEKDAY_FACTOR[weekdayOf(day)],
              0.5,
            ),
          );
          if (internal > 0) {
            counts.push({
              family: sample.family,
              version: version.version,
              language,
              day,
              audience: 'internal',
              partnerOrgs: [],
              downloads: internal,
            });
          }
          if (!version.partnerFacing) continue;
          for (const org of sample.partnerOrgs) {
            const partnerRandom = sampleRandom('partner', org, ...key);
            // A partner's developers download now and then, mostly on working days
            const chance =
              0.35 * share * languageShare * 2 * WEEKDAY_FACTOR[weekdayOf(day)];
            if (partnerRandom() >= chance) continue;
            counts.push({
              family: sample.family,
              version: version.version,
              language,
              day,
              audience: 'partner',
              partnerOrgs: [org],
              downloads: wholeBetween(partnerRandom, 1, 3),
            });
          }
        }
      }
    });
  }
  return counts;
}
