import { readPushedFactValue } from './pushedValues';
import { PushedFactDefinition } from './types';

const fact = (
  fields: Partial<PushedFactDefinition> & Pick<PushedFactDefinition, 'type'>,
): PushedFactDefinition => ({
  id: 'ci.fact',
  title: 'A fact',
  provider: 'ci',
  description: 'A fact.',
  pushedBy: ['scorecards-publisher'],
  file: 'scorecards/facts/ci.fact.yaml',
  ...fields,
});

const coverage = fact({
  type: 'number',
  unit: 'percent',
  minimum: 0,
  maximum: 100,
});

describe('readPushedFactValue', () => {
  it.each([
    [coverage, 72.5, 72.5],
    [coverage, 0, 0],
    [coverage, 100, 100],
    [fact({ type: 'number', integer: true, minimum: 0 }), 3, 3],
    [fact({ type: 'boolean' }), false, false],
    [
      fact({ type: 'string', values: ['build-l2', 'build-l3'] }),
      'build-l3',
      'build-l3',
    ],
    [fact({ type: 'string' }), 'v2.1', 'v2.1'],
    [
      fact({ type: 'timestamp' }),
      '2026-12-01T10:00:00Z',
      '2026-12-01T10:00:00Z',
    ],
    // instants are kept in UTC
    [
      fact({ type: 'timestamp' }),
      '2026-12-01T11:30:00+01:00',
      '2026-12-01T10:30:00Z',
    ],
    [
      fact({ type: 'timestamp' }),
      '2026-12-01T10:00:00.250Z',
      '2026-12-01T10:00:00.250Z',
    ],
  ])('takes a value of the declared type (%#)', (definition, value, stored) => {
    expect(readPushedFactValue(definition, value)).toEqual({ value: stored });
  });

  it.each([
    [coverage, 120, 'expected a number from 0 to 100 (percent), got 120'],
    [coverage, -1, 'expected a number from 0 to 100 (percent), got -1'],
    [coverage, '72', 'expected a number from 0 to 100 (percent), got "72"'],
    [coverage, null, 'expected a number from 0 to 100 (percent), got null'],
    [
      fact({ type: 'number', integer: true, minimum: 0 }),
      1.5,
      'expected a whole number of at least 0, got 1.5',
    ],
    [
      fact({ type: 'number', maximum: 5 }),
      6,
      'expected a number of at most 5, got 6',
    ],
    [fact({ type: 'boolean' }), 'true', 'expected true or false, got "true"'],
    [fact({ type: 'boolean' }), 1, 'expected true or false, got 1'],
    [
      fact({ type: 'string', values: ['build-l2', 'build-l3'] }),
      'build-l4',
      'expected one of build-l2, build-l3, got "build-l4"',
    ],
    [fact({ type: 'string' }), ' ', 'expected a non-empty string, got " "'],
    [
      fact({ type: 'string' }),
      ['a'],
      'expected a non-empty string, got a list',
    ],
    [
      fact({ type: 'string' }),
      'x'.repeat(501),
      '501 characters, over the limit of 500',
    ],
    [
      fact({ type: 'timestamp' }),
      '2026-12-01',
      'expected an ISO 8601 instant such as 2026-12-01T10:00:00Z, got "2026-12-01"',
    ],
    [
      fact({ type: 'timestamp' }),
      '2026-02-30T10:00:00Z',
      'expected an ISO 8601 instant such as 2026-12-01T10:00:00Z, got "2026-02-30T10:00:00Z"',
    ],
  ])('says what is wrong with a value (%#)', (definition, value, problem) => {
    expect(readPushedFactValue(definition, value)).toEqual({ problem });
  });
});
