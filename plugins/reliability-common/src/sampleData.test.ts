import {
  isSampleDrill,
  isSampleKey,
  isSampleRelease,
  SAMPLE_KEY_PREFIX,
  SAMPLE_RELEASE_SUFFIX,
  validateDrillPublication,
} from './index';

describe('sample data marks', () => {
  it('tells sample keys and releases from published ones', () => {
    expect(isSampleKey(`${SAMPLE_KEY_PREFIX}ledger/2026-12-01`)).toBe(true);
    expect(isSampleKey('ci-run-4711')).toBe(false);
    expect(isSampleKey('run-sample:1')).toBe(false);
    expect(isSampleKey(undefined)).toBe(false);
    expect(isSampleRelease(`2026.49.0${SAMPLE_RELEASE_SUFFIX}`)).toBe(true);
    expect(isSampleRelease('2026.49.0')).toBe(false);
    expect(isSampleRelease('2026.49.0+sampled')).toBe(false);
    expect(isSampleRelease(undefined)).toBe(false);
  });

  it('recognises a pushed sample drill by the source the push gives it', () => {
    const push = (idempotencyKey: string) =>
      validateDrillPublication({
        idempotencyKey,
        drill: {
          entities: ['component:default/ledger'],
          scenario: 'zone failover',
          disruptionType: 'zone',
          started: '2026-11-20T10:00:00Z',
          serviceRestored: '2026-11-20T10:30:00Z',
          dataFreshnessAtRestore: '2026-11-20T09:58:00Z',
          result: 'passed',
        },
      }).drill;
    expect(isSampleDrill(push(`${SAMPLE_KEY_PREFIX}drill/ledger`))).toBe(true);
    expect(isSampleDrill(push('restore-drill-2026-11-20'))).toBe(false);
    expect(isSampleDrill({ source: 'drills/2026-10-14.md' })).toBe(false);
  });
});
