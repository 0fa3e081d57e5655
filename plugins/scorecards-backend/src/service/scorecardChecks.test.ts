import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { READINESS_FACTS } from '@readiness/plugin-scorecards-common';
import { repositoryPath } from '@readiness/test-corpus';
import { readPushedFacts } from './pushedFacts';
import {
  logScorecardChecks,
  prepareChecks,
  readScorecardChecks,
} from './scorecardChecks';

const CHECKS = repositoryPath('scorecards', 'checks');
const FACTS = repositoryPath('scorecards', 'facts');

describe('readScorecardChecks', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecards-checks-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const copy = (name: string) =>
    fs.copyFileSync(path.join(CHECKS, name), path.join(folder, name));

  it("loads the repository's checks against the portal's facts and the pushed ones, with the kinds they apply to", async () => {
    const pushed = await readPushedFacts(FACTS);
    const loaded = await readScorecardChecks(CHECKS, [
      ...READINESS_FACTS,
      ...pushed.facts,
    ]);
    expect(loaded.problems).toEqual([]);
    expect(loaded.checks.length).toBeGreaterThanOrEqual(30);
    expect(loaded.byId.get('owner-is-group')?.level).toBe('bronze');
    expect(loaded.kinds).toEqual(['api', 'component', 'resource', 'system']);
    expect(loaded.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a digest that follows the checks, not where they were read from', async () => {
    copy('owner-is-group.yaml');
    const copied = await readScorecardChecks(folder, READINESS_FACTS);
    const elsewhere = await readScorecardChecks(
      folder,
      READINESS_FACTS,
      '/somewhere/else',
    );
    expect(elsewhere.digest).toBe(copied.digest);
    fs.writeFileSync(
      path.join(folder, 'owner-is-group.yaml'),
      fs
        .readFileSync(path.join(folder, 'owner-is-group.yaml'), 'utf8')
        .replace(/weight: \d+/, 'weight: 9'),
    );
    const changed = await readScorecardChecks(folder, READINESS_FACTS);
    expect(changed.digest).not.toBe(copied.digest);
  });

  it('leaves broken files out with their problems, reads only YAML files, and paths relative to the working directory', async () => {
    copy('runbook-link.yaml');
    fs.writeFileSync(path.join(folder, 'README.md'), '# not a check');
    fs.writeFileSync(
      path.join(folder, 'broken.yml'),
      'apiVersion: readiness.dev/v1\nkind: ScorecardCheck\n',
    );
    const loaded = await readScorecardChecks(
      folder,
      READINESS_FACTS,
      path.dirname(folder),
    );
    expect(loaded.checks.map(c => c.id)).toEqual(['runbook-link']);
    expect(loaded.problems.length).toBeGreaterThan(0);
    expect(
      loaded.problems.every(
        p => p.file === path.join(path.basename(folder), 'broken.yml'),
      ),
    ).toBe(true);
  });

  it('scores every kind when a check applies to every kind', async () => {
    const repository = await readScorecardChecks(CHECKS, READINESS_FACTS);
    const owner = repository.byId.get('owner-is-group')!;
    const everywhere = prepareChecks(
      [owner, { ...owner, id: 'anywhere', appliesTo: {} }],
      [],
    );
    expect(everywhere.kinds).toBeUndefined();
    expect(prepareChecks([owner], []).kinds).toEqual(
      owner.appliesTo.kinds!.map(k => k.toLowerCase()).sort(),
    );
  });

  it('reports a folder it cannot read as a problem, with no checks', async () => {
    const loaded = await readScorecardChecks(
      path.join(folder, 'missing'),
      READINESS_FACTS,
    );
    expect(loaded.checks).toEqual([]);
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        path: '',
        message: expect.stringMatching(/^cannot read: /),
      }),
    ]);
  });

  it('logs one line per problem with the file, line and field', async () => {
    fs.writeFileSync(
      path.join(folder, 'bad.yaml'),
      [
        'apiVersion: readiness.dev/v1',
        'kind: ScorecardCheck',
        'metadata: { id: bad, title: Bad }',
        'spec:',
        '  category: ownership',
        '  level: platinum',
        '  weight: 1',
        '  why: Why.',
        '  howToFix: { text: Fix., docs: scorecards/facts }',
        '  appliesTo: {}',
        '  rule: { fact: catalog.lifecycle-set, eq: true }',
        '',
      ].join('\n'),
    );
    const loaded = await readScorecardChecks(folder, READINESS_FACTS, folder);
    const logger = mockServices.logger.mock();
    logScorecardChecks(loaded, folder, logger);
    expect(logger.info).toHaveBeenCalledWith(
      `Scorecards: 0 checks loaded from ${folder}`,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Scorecards: check file bad\.yaml:6 left out: \/spec\/level: /,
      ),
    );
  });
});
