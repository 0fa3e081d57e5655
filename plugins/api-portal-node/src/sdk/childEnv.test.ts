import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childProcessEnv } from './childEnv';

const SECRET = 'READINESS_TEST_SECRET';

describe('childProcessEnv', () => {
  beforeEach(() => {
    process.env[SECRET] = 'do-not-leak';
  });
  afterEach(() => {
    delete process.env[SECRET];
  });

  it('holds only what a child needs, with HOME and TMPDIR in its folder', () => {
    const env = childProcessEnv({ home: '/tmp/job-1' });
    expect(Object.keys(env).sort()).toEqual(['HOME', 'LANG', 'PATH', 'TMPDIR']);
    expect(env).toMatchObject({ HOME: '/tmp/job-1', TMPDIR: '/tmp/job-1' });
    expect(childProcessEnv({ home: '/h', extra: { NO_COLOR: '1' } })).toEqual(
      expect.objectContaining({ NO_COLOR: '1' }),
    );
  });

  it('is all a child process sees of the environment', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'child-env-'));
    try {
      const seen = JSON.parse(
        execFileSync(
          process.execPath,
          ['-e', 'process.stdout.write(JSON.stringify(process.env))'],
          { env: childProcessEnv({ home }), encoding: 'utf8' },
        ),
      );
      expect(seen[SECRET]).toBeUndefined();
      expect(seen.HOME).toBe(home);
      expect(seen.NODE_OPTIONS).toBeUndefined();
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
