import { validatePerfRunMetadata } from './perfRun';

const valid = {
  entityRef: 'component:default/Ledger',
  scenario: 'ledger-post',
  environment: 'staging',
  release: '2026.11.2',
  gitSha: 'A1B2C3D4E5',
  startedAt: '2026-11-20T03:00:00+01:00',
  finishedAt: '2026-11-20T02:05:00Z',
  k6ExitCode: 0,
  idempotencyKey: 'ci-run-8812',
};

describe('validatePerfRunMetadata', () => {
  it('normalises the entity ref, times and sha', () => {
    expect(validatePerfRunMetadata(valid)).toEqual({
      ...valid,
      entityRef: 'component:default/ledger',
      gitSha: 'a1b2c3d4e5',
      startedAt: '2026-11-20T02:00:00.000Z',
      finishedAt: '2026-11-20T02:05:00.000Z',
    });
  });

  it.each([
    [null, '/: expected an object'],
    [{ ...valid, entityRef: undefined }, '/entityRef: is required'],
    [{ ...valid, entityRef: 'ledger' }, '/entityRef: not an entity ref'],
    [
      { ...valid, entityRef: 'component:default/le dger' },
      '/entityRef: not an entity ref',
    ],
    [{ ...valid, scenario: '' }, '/scenario: expected a non-empty string'],
    [
      { ...valid, environment: 42 },
      '/environment: expected a non-empty string',
    ],
    [
      { ...valid, startedAt: 'yesterday' },
      '/startedAt: expected an ISO 8601 date-time',
    ],
    [
      { ...valid, finishedAt: '2026-11-20T01:00:00Z' },
      '/finishedAt: is before startedAt',
    ],
    [{ ...valid, gitSha: 'main' }, '/gitSha: expected a hexadecimal commit id'],
    [{ ...valid, k6ExitCode: -1 }, '/k6ExitCode: expected a whole number'],
    [{ ...valid, k6ExitCode: 1.5 }, '/k6ExitCode: expected a whole number'],
    [
      { ...valid, idempotencyKey: 'x'.repeat(256) },
      '/idempotencyKey: longer than 255',
    ],
  ])('refuses %j', (input, message) => {
    expect(() => validatePerfRunMetadata(input)).toThrow(message);
  });
});
