/*
 * The families of the readiness record and the entity tab each one's state
 * is read on. The tabs are the other plugins' (see their alpha.tsx): the API
 * Portal tab of APIs, the Reliability tab of Components and Systems (with
 * the DR timeline) and the Compliance tab. Where a family has no tab for the
 * entity's kind, its checks are read on the Scorecard tab.
 */
import {
  SCORECARD_CATEGORIES,
  SCORECARD_TITLES,
  ScorecardCategory,
} from '@readiness/plugin-scorecards-common';
import { SCORECARD_TAB_PATH } from './paths';

type FamilyTab = { path: string; title: string; kinds: readonly string[] };

const FAMILY_TABS: Partial<Record<ScorecardCategory, FamilyTab>> = {
  api: { path: 'api-portal', title: 'API Portal', kinds: ['api'] },
  reliability: {
    path: 'reliability',
    title: 'Reliability',
    kinds: ['component', 'system'],
  },
  dr: {
    path: 'reliability',
    title: 'Reliability',
    kinds: ['component', 'system'],
  },
  compliance: {
    path: 'compliance',
    title: 'Compliance',
    kinds: ['component', 'system', 'api', 'resource'],
  },
};

/** A family line of the record: its category and where to read more. */
export type Family = {
  category: ScorecardCategory;
  title: string;
  /** The tab under the entity page, without a leading slash. */
  tabPath: string;
  tabTitle: string;
};

/** The five families, in the order the card lists them, for an entity kind. */
export function familiesFor(kind: string): Family[] {
  const lowerKind = kind.toLocaleLowerCase('en-US');
  return SCORECARD_CATEGORIES.map(category => {
    const tab = FAMILY_TABS[category];
    const own = tab && tab.kinds.includes(lowerKind);
    return {
      category,
      title: SCORECARD_TITLES[category],
      tabPath: own ? tab.path : SCORECARD_TAB_PATH,
      tabTitle: own ? tab.title : 'Scorecard',
    };
  });
}
