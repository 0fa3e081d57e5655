import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { repositoryPath } from '@readiness/test-corpus';
import { logPushedFacts, readPushedFacts } from './pushedFacts';

const FACTS = repositoryPath('scorecards', 'facts');

describe('readPushedFacts', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecards-facts-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const copy = (name: string) =>
    fs.copyFileSync(path.join(FACTS, name), path.join(folder, name));

  it("declares the repository's facts, by id", async () => {
    const loaded = await readPushedFacts(FACTS);
    expect(loaded.problems).toEqual([]);
    expect(loaded.byId.get('ci.coverage.line')).toMatchObject({
      type: 'number',
      unit: 'percent',
      minimum: 0,
      maximum: 100,
      pushedBy: expect.arrayContaining(['local-scorecards-publisher']),
    });
    expect(loaded.byId.get('ci.container-scan.critical')).toMatchObject({
      integer: true,
      minimum: 0,
    });
  });

  it('leaves a broken file out with its file, line and field, and declares the others', async () => {
    copy('ci.coverage.line.yaml');
    fs.writeFileSync(path.join(folder, 'README.md'), '# not a fact');
    fs.writeFileSync(
      path.join(folder, 'ci.sbom-published.yaml'),
      [
        'apiVersion: readiness.dev/v1',
        'kind: ScorecardFact',
        'metadata: { id: ci.sbom-published, title: SBOM published }',
        'spec:',
        '  description: An SBOM was published.',
        '  type: yes-or-no',
        '  pushedBy: scorecards-publisher',
        '',
      ].join('\n'),
    );
    const loaded = await readPushedFacts(folder, path.dirname(folder));
    expect(loaded.facts.map(f => f.id)).toEqual(['ci.coverage.line']);
    const file = path.join(path.basename(folder), 'ci.sbom-published.yaml');
    expect(loaded.problems).toEqual([
      {
        file,
        path: '/spec/type',
        line: 6,
        message: expect.stringContaining(
          'expected one of number, boolean, string, timestamp',
        ),
      },
    ]);

    const logger = mockServices.logger.mock();
    logPushedFacts(loaded, folder, logger);
    expect(logger.info).toHaveBeenCalledWith(
      `Scorecards: 1 facts CI may push declared in ${folder}`,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        new RegExp(
          `^Scorecards: fact file ${file.replace(
            /[.]/g,
            '\\.',
          )}:6 left out: /spec/type: expected one of`,
        ),
      ),
    );
  });

  it('declares nothing, without a problem, when the folder does not exist', async () => {
    const loaded = await readPushedFacts(path.join(folder, 'missing'));
    expect(loaded.facts).toEqual([]);
    expect(loaded.problems).toEqual([]);
  });

  it('reports a folder it cannot read as a problem', async () => {
    const notAFolder = path.join(folder, 'facts');
    fs.writeFileSync(notAFolder, 'a file');
    const loaded = await readPushedFacts(notAFolder, folder);
    expect(loaded.facts).toEqual([]);
    expect(loaded.problems).toEqual([
      {
        file: 'facts',
        path: '',
        message: expect.stringMatching(/^cannot read: /),
      },
    ]);
  });
});
