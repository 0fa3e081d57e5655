/** The path of the Scorecard tab under an entity page, see alpha.tsx. */
export const SCORECARD_TAB_PATH = 'scorecard';

/** Where the app mounts the teams index and the ritual pages, see alpha.tsx. */
export const SCORECARDS_PAGE_PATH = '/scorecards';

/**
 * The ritual page of a team: `/scorecards/teams/<name>` in the default
 * namespace, `/scorecards/teams/<namespace>/<name>` in another.
 */
export function teamPagePath(groupRef: string): string {
  const match = /^group:([^/]+)\/(.+)$/i.exec(groupRef);
  const [namespace, name] = match
    ? [match[1], match[2]]
    : ['default', groupRef];
  const tail =
    namespace === 'default'
      ? encodeURIComponent(name)
      : `${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
  return `${SCORECARDS_PAGE_PATH}/teams/${tail}`;
}
