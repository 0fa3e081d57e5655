/*
 * One file per way a pushed fact's declaration can be wrong
 * (`__fixtures__/invalid/`). Each opens with the problems it must give, one
 * `# problem:` line each: the JSON pointer (`(root)` for the whole file) and
 * the start of the message. The file must give exactly those problems,
 * declare nothing, and leave a good file declared beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadPushedFacts } from './loadPushedFacts';

const FOLDER = path.join(__dirname, '__fixtures__', 'invalid');

const GOOD = {
  path: 'scorecards/facts/ci.sast-clean.yaml',
  content: `apiVersion: readiness.dev/v1
kind: ScorecardFact
metadata:
  id: ci.sast-clean
  title: Static analysis is clean
spec:
  description: The newest SAST scan of the default branch found nothing high or critical.
  type: boolean
  pushedBy: scorecards-publisher
`,
};

function expectedProblems(content: string) {
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

describe('pushed fact declarations with a problem', () => {
  it('cover the ways a file can be wrong', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files)('%s', name => {
    const content = fs.readFileSync(path.join(FOLDER, name), 'utf8');
    const expected = expectedProblems(content);
    expect(expected.length).toBeGreaterThan(0);

    const file = `scorecards/facts/${name}`;
    const set = loadPushedFacts([{ path: file, content }, GOOD]);

    expect(set.facts.map(f => f.id)).toEqual(['ci.sast-clean']);
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
