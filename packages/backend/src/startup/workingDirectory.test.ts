import path from 'node:path';
import { withAbsoluteConfigPaths } from './workingDirectory';

describe('withAbsoluteConfigPaths', () => {
  const startedIn = path.resolve('/srv/portal');

  it('makes both forms of --config absolute from where the process started', () => {
    expect(
      withAbsoluteConfigPaths(
        [
          '--config',
          'app-config.yaml',
          '--config=deploy/app-config.production.yaml',
          '--config',
          '/etc/portal/app-config.local.yaml',
        ],
        startedIn,
      ),
    ).toEqual([
      '--config',
      path.join(startedIn, 'app-config.yaml'),
      `--config=${path.join(startedIn, 'deploy/app-config.production.yaml')}`,
      '--config',
      path.resolve('/etc/portal/app-config.local.yaml'),
    ]);
  });

  it('leaves URLs, other arguments and a trailing --config alone', () => {
    const args = [
      '--inspect',
      '--config',
      'https://config.example.internal/app-config.yaml',
      'extra',
      '--config',
    ];
    expect(withAbsoluteConfigPaths(args, startedIn)).toEqual(args);
  });
});
