/** The path of the Scorecard tab under an entity page, see alpha.tsx. */
export const SCORECARD_TAB_PATH = 'scorecard';
