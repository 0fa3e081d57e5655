/*
 * The checks of scorecards/checks/ load against the portal's fact
 * catalogue and the facts declared in scorecards/facts/, link to docs that
 * exist, and cover every category, level and family.
 */
import fs from 'node:fs';
import { repositoryPath } from '@readiness/test-corpus';
import { loadPushedFacts, READINESS_FACTS } from '../facts';
import { ScorecardRule } from './types';
import { loadScorecardChecks } from './loadChecks';
import { SCORECARD_CATEGORIES, SCORECARD_LEVELS } from './types';

const filesOf = (kind: string) => {
  const folder = repositoryPath('scorecards', kind);
  return fs
    .readdirSync(folder)
    .sort()
    .map(name => ({
      name,
      path: `scorecards/${kind}/${name}`,
      content: fs.readFileSync(`${folder}/${name}`, 'utf8'),
    }));
};
const pushed = loadPushedFacts(filesOf('facts'));
const checkFiles = filesOf('checks');
const names = checkFiles.map(file => file.name);
const set = loadScorecardChecks(checkFiles, [
  ...READINESS_FACTS,
  ...pushed.facts,
]);

function factsOf(rule: ScorecardRule): string[] {
  switch (rule.type) {
    case 'all':
    case 'any':
      return rule.rules.flatMap(factsOf);
    case 'not':
      return factsOf(rule.rule);
    default:
      return [rule.fact];
  }
}

describe('the checks of scorecards/checks', () => {
  it('are YAML files, one check each, and every one loads', () => {
    expect(names.every(name => name.endsWith('.yaml'))).toBe(true);
    expect(set.problems).toEqual([]);
    expect(set.checks).toHaveLength(names.length);
    expect(set.checks.length).toBeGreaterThanOrEqual(30);
  });

  it.each(names)('%s links to docs that exist', name => {
    const check = set.checks.find(c => c.file.endsWith(`/${name}`))!;
    const { docs } = check.howToFix;
    if (docs.startsWith('https://')) return;
    const page = docs.replace(/#.*$/, '');
    expect(
      fs.existsSync(repositoryPath('docs', `${page}.md`)) ||
        fs.existsSync(repositoryPath('docs', page, 'index.md')),
    ).toBe(true);
  });

  it('cover every category at every level', () => {
    for (const category of SCORECARD_CATEGORIES) {
      expect([
        category,
        SCORECARD_LEVELS.filter(level =>
          set.checks.some(c => c.category === category && c.level === level),
        ),
      ]).toEqual([category, SCORECARD_LEVELS]);
    }
  });

  it('use the facts of every family, and facts CI pushes', () => {
    const used = new Set(set.checks.flatMap(c => factsOf(c.rule)));
    const providers = new Set(
      [...READINESS_FACTS, ...pushed.facts]
        .filter(f => used.has(f.id))
        .map(f => f.provider),
    );
    expect([...providers].sort()).toEqual([
      'api-portal',
      'catalog',
      'ci',
      'compliance',
      'reliability',
    ]);
    expect(READINESS_FACTS.filter(f => !used.has(f.id)).map(f => f.id)).toEqual(
      [],
    );
  });
});

describe('the docs', () => {
  const read = (page: string) =>
    fs.readFileSync(repositoryPath('docs', 'scorecards', page), 'utf8');
  /** Whether a table of the page has a row for `id`. */
  const hasRow = (page: string, id: string) =>
    page.split('\n').some(line => line.startsWith(`| \`${id}\` `));

  it('list every fact of the catalogue', () => {
    const page = read('facts.md');
    expect(
      READINESS_FACTS.filter(f => !hasRow(page, f.id)).map(f => f.id),
    ).toEqual([]);
  });

  it('list every fact of scorecards/facts', () => {
    const page = read('pushing-facts.md');
    expect(
      pushed.facts.filter(f => !hasRow(page, f.id)).map(f => f.id),
    ).toEqual([]);
  });

  it("list every one of the portal's checks", () => {
    const page = read('levels-and-score.md');
    expect(set.checks.filter(c => !hasRow(page, c.id)).map(c => c.id)).toEqual(
      [],
    );
  });
});

describe('the facts of scorecards/facts', () => {
  it('are YAML files, one declaration each, and every one loads', () => {
    const files = filesOf('facts');
    expect(files.every(file => file.name.endsWith('.yaml'))).toBe(true);
    expect(pushed.problems).toEqual([]);
    expect(pushed.facts.map(f => `${f.id}.yaml`)).toEqual(
      files.map(file => file.name),
    );
    expect(new Set(pushed.facts.map(f => f.type)).size).toBeGreaterThan(2);
  });

  it('take no id of the fact catalogue', () => {
    const computed = new Set(READINESS_FACTS.map(f => f.id));
    expect(pushed.facts.filter(f => computed.has(f.id))).toEqual([]);
  });

  it('may be pushed by the production token and the local one', () => {
    for (const fact of pushed.facts) {
      expect([fact.id, [...fact.pushedBy].sort()]).toEqual([
        fact.id,
        ['local-scorecards-publisher', 'scorecards-publisher'],
      ]);
    }
  });
});

describe('the fact catalogue', () => {
  it('has unique ids, each prefixed with its provider', () => {
    const ids = READINESS_FACTS.map(f => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fact of READINESS_FACTS) {
      expect(fact.id.startsWith(`${fact.provider}.`)).toBe(true);
      expect(fact.id).toMatch(
        /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+$/,
      );
    }
  });
});
