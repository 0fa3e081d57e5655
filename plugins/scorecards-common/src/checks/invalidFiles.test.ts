/*
 * One file per way a check file can be wrong (`__fixtures__/invalid/`).
 * Each opens with the problems it must give, one `# problem:` line each:
 * the JSON pointer (`(root)` for the whole file) and the start of the
 * message. The file must give exactly those problems, load no check, and
 * leave a good file loaded beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { READINESS_FACTS } from '../facts';
import { loadScorecardChecks } from './loadChecks';

const FOLDER = path.join(__dirname, '__fixtures__', 'invalid');

const GOOD = {
  path: 'scorecards/checks/good.yaml',
  content: `apiVersion: readiness.dev/v1
kind: ScorecardCheck
metadata:
  id: good
  title: SLOs are declared
spec:
  category: reliability
  level: bronze
  weight: 2
  why: Without SLOs nobody can say whether the service is good enough.
  howToFix:
    text: Add an OpenSLO file and the readiness.dev/openslo annotation.
    docs: reliability/slos
  rule:
    fact: reliability.slos-declared
    gt: 0
`,
};

type ExpectedProblem = { path: string; message: string };

function expectedProblems(content: string): ExpectedProblem[] {
  return content
    .split('\n')
    .map(line => /^# problem: (\S+) (.+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, pointer, message]) => ({
      path: pointer === '(root)' ? '' : pointer,
      message,
    }));
}

const files = fs
  .readdirSync(FOLDER)
  .filter(name => name.endsWith('.yaml'))
  .sort();

describe('check files with a problem', () => {
  it('cover the ways a file can be wrong', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s', name => {
    const content = fs.readFileSync(path.join(FOLDER, name), 'utf8');
    const expected = expectedProblems(content);
    expect(expected.length).toBeGreaterThan(0);

    const file = `scorecards/checks/${name}`;
    const set = loadScorecardChecks(
      [{ path: file, content }, GOOD],
      READINESS_FACTS,
    );

    expect(set.checks.map(c => c.id)).toEqual(['good']);
    expect(set.problems).toHaveLength(expected.length);
    for (const { path: pointer, message } of expected) {
      expect(set.problems).toContainEqual(
        expect.objectContaining({
          file,
          path: pointer,
          message: expect.stringContaining(message),
        }),
      );
    }
    // every problem inside the data is placed on a line
    expect(
      set.problems.filter(p => p.path !== '' && !((p.line ?? 0) > 0)),
    ).toEqual([]);
  });
});
