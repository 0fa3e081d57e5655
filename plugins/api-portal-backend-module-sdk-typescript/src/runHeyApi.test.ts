import childProcess from 'node:child_process';
import { LEDGER_V2, readSpec } from './__testUtils__/specs';
import { runHeyApi } from './runHeyApi';

// The generator runs in a child Node.js process
jest.setTimeout(60_000);

const SECRET = 'READINESS_TEST_SECRET';

describe('runHeyApi', () => {
  beforeEach(() => {
    process.env[SECRET] = 'do-not-leak';
  });
  afterEach(() => {
    delete process.env[SECRET];
  });

  it('starts its child process with childProcessEnv, never the backend environment', async () => {
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
