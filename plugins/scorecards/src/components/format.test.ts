import { howToFixHref } from './docs';
import {
  factsNamedIn,
  isNotScoredYet,
  nextLevelText,
  providerOf,
} from './format';
import {
  emptyScorecard,
  ledgerScorecard,
  unscoredScorecard,
} from '../__testUtils__/scorecards';

describe('factsNamedIn', () => {
  it('finds the catalogue’s facts a reason names, once each, in order', () => {
    const facts = factsNamedIn(
      'none holds: reliability.gate-verdict is not known yet; reliability.gate-verdict is fail; expected pass',
    );
    expect(facts.map(f => f.id)).toEqual(['reliability.gate-verdict']);
    expect(facts[0].definition?.type).toBe('string');
    expect(providerOf(facts[0])).toBe('provided by reliability');
  });

  it('finds pushed facts, and leaves out what only looks like a fact', () => {
    const facts = factsNamedIn(
      'ci.coverage.line is 64.5; expected at least 70; see docs.example.com or api-portal.unknown-fact',
    );
    expect(facts).toEqual([{ id: 'ci.coverage.line', definition: undefined }]);
    expect(providerOf(facts[0])).toBe('pushed by CI');
  });

  it('finds nothing in a reason without facts', () => {
    expect(factsNamedIn('applies to kind api, not component')).toEqual([]);
  });

  it('says where catalog facts come from', () => {
    expect(providerOf(factsNamedIn('catalog.owner-is-group is true')[0])).toBe(
      'read from the catalog',
    );
  });
});

describe('howToFixHref', () => {
  it('points a page of the portal docs into TechDocs, with its anchor', () => {
    expect(howToFixHref('reliability/slos')).toBe(
      '/docs/default/system/readiness-portal/reliability/slos/',
    );
    expect(howToFixHref('reliability/slos#objectives')).toBe(
      '/docs/default/system/readiness-portal/reliability/slos/#objectives',
    );
  });

  it('keeps an https URL as it is', () => {
    expect(howToFixHref('https://openslo.com/#spec')).toBe(
      'https://openslo.com/#spec',
    );
  });
});

describe('nextLevelText', () => {
  it('counts the checks that block the next level', () => {
    expect(nextLevelText(ledgerScorecard)).toBe('3 checks from Silver');
    expect(
      nextLevelText({
        ...ledgerScorecard,
        nextLevel: { level: 'gold', blockedBy: ['techdocs-present'] },
      }),
    ).toBe('1 check from Gold');
  });

  it('says what was reached at the top', () => {
    const top = { ...ledgerScorecard, nextLevel: null };
    expect(nextLevelText({ ...top, level: 'gold' })).toBe(
      'Gold: the top level',
    );
    expect(nextLevelText({ ...top, level: 'silver' })).toBe(
      'Silver: no check of a higher level applies',
    );
  });
});

describe('isNotScoredYet', () => {
  it('is true while no fact of an applicable check is known', () => {
    expect(isNotScoredYet(unscoredScorecard)).toBe(true);
    expect(isNotScoredYet(ledgerScorecard)).toBe(false);
    expect(isNotScoredYet(emptyScorecard)).toBe(false);
  });
});
