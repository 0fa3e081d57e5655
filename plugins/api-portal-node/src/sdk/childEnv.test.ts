import childProcess, { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSpec, LEDGER_V2 } from '../__testUtils__/specs';
import { childProcessEnv } from './childEnv';
import { runHeyApi } from './typescript/runHeyApi';

jest.setTimeout(60_000);

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

  it('is what the TypeScript generator starts its child process with', async () => {
    const spawn = jest.spyOn(childProcess, 'spawn');
    try {
      const sources = await runHeyApi({
        spec: readSpec(LEDGER_V2),
        log: () => {},
        maxOldSpaceMb: 1024,
      });
      expect(sources.has('index.ts')).toBe(true);
      expect(spawn).toHaveBeenCalledTimes(1);
      const options = spawn.mock.calls[0][2] as childProcess.SpawnOptions;
      const env = options.env ?? {};
      expect(env[SECRET]).toBeUndefined();
      expect(env).not.toBe(process.env);
      expect(Object.keys(env).sort()).toEqual([
        'FORCE_COLOR',
        'HOME',
        'LANG',
        'NO_COLOR',
        'PATH',
        'TMPDIR',
      ]);
      expect(env.HOME).toBe(options.cwd);
    } finally {
      spawn.mockRestore();
    }
  });
});
