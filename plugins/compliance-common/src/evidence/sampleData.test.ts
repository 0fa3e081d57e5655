import { isSampleEvidence, isSampleKey, SAMPLE_KEY_PREFIX } from './sampleData';

describe('sample evidence', () => {
  it('is told apart by its idempotency key', () => {
    expect(
      isSampleKey(`${SAMPLE_KEY_PREFIX}access-review/ledger/2026-10-01`),
    ).toBe(true);
    expect(isSampleKey('ledger-change-review-2026.49.0')).toBe(false);
    // Portal filings carry keys of their own, and some filings none
    expect(isSampleKey('portal:drill-within-targets:drill.abc')).toBe(false);
    expect(isSampleKey(undefined)).toBe(false);
    expect(isSampleEvidence({ idempotencyKey: 'sample:pen-test/x' })).toBe(
      true,
    );
    expect(isSampleEvidence({})).toBe(false);
  });
});
