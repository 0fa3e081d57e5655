import fs from 'node:fs';
import { repositoryPath } from '@readiness/test-corpus';
import { readOpenSlo } from './readOpenSlo';

describe('the sample platform', () => {
  it('has OpenSLO files the portal reads without a problem', () => {
    const services = repositoryPath('services');
    const files = fs
      .readdirSync(services)
      .map(service => `${services}/${service}/slo.yaml`)
      .filter(file => fs.existsSync(file))
      .map(file => ({ path: file, content: fs.readFileSync(file, 'utf8') }));
    expect(files.length).toBeGreaterThan(0);
    const set = readOpenSlo(files);
    expect(set.problems).toEqual([]);
    expect(set.slos.map(s => s.name)).toContain('ledger-posting-latency');
  });
});
