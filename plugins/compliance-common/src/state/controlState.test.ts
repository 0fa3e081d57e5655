import { EntityControl } from '../applicability/types';
import { EvidenceReach } from '../frameworks/evidenceReach';
import {
  addDuration,
  controlState,
  EvidenceStanding,
  expiryOf,
} from './controlState';

const backup = { framework: 'ISO27001', control: '8.13' };
const capacity = { framework: 'ISO27001', control: '8.6' };
const soc2Capacity = { framework: 'SOC2', control: 'A1.1' };
const applicable = (control = backup): EntityControl => ({
  control,
  rules: ['data-stores'],
  status: 'applicable',
});

const reach = EvidenceReach.fromMappings([
  {
    id: 'soc2-iso27001',
    title: 'SOC 2 to ISO 27001',
    file: 'map.yaml',
    source: 'SOC2',
    target: 'ISO27001',
    entries: [
      { source: soc2Capacity, relationship: 'equivalent-to', target: capacity },
      {
        source: { framework: 'SOC2', control: 'A1.2' },
        relationship: 'intersects-with',
        target: backup,
      },
    ],
  },
]);

let next = 0;
function item(overrides: Partial<EvidenceStanding>): EvidenceStanding {
  next += 1;
  return {
    id: `e${next}`,
    controls: [backup],
    collected: '2026-09-01T00:00:00.000Z',
    expires: '2026-12-01T00:00:00.000Z',
    result: 'satisfied',
    withdrawn: false,
    ...overrides,
  };
}

const now = '2026-10-01T00:00:00.000Z';
const state = (
  evidence: EvidenceStanding[],
  control: EntityControl = applicable(),
) =>
  controlState({
    control,
    evidence,
    reach,
    now,
    expiringWithin: { days: 30 },
  });

describe('the state of a control', () => {
  it('is not applicable when the entity declares so, whatever the evidence', () => {
    expect(
      state([item({ result: 'not-satisfied' })], {
        control: backup,
        rules: ['production-services'],
        status: 'not-applicable',
        justification: 'No data of its own',
      }),
    ).toEqual({ state: 'not-applicable' });
  });

  it('is missing without evidence, or with only withdrawn, informational or unrelated items', () => {
    expect(state([])).toEqual({ state: 'missing' });
    expect(
      state([
        item({ withdrawn: true }),
        item({ result: 'informational' }),
        item({ controls: [capacity] }),
        // A1.2 only intersects 8.13: its evidence does not count
        item({ controls: [{ framework: 'SOC2', control: 'A1.2' }] }),
      ]),
    ).toEqual({ state: 'missing' });
  });

  it('is fresh, expiring or expired by the latest expiry of satisfied evidence', () => {
    const fresh = item({ expires: '2026-12-01T00:00:00.000Z' });
    expect(state([fresh])).toEqual({
      state: 'fresh',
      evidence: { id: fresh.id, expires: fresh.expires, credit: 'direct' },
    });
    expect(state([item({ expires: '2026-10-20T00:00:00.000Z' })]).state).toBe(
      'expiring',
    );
    expect(state([item({ expires: now })]).state).toBe('expired');
    // an older item that expires later keeps the control fresh
    const longLived = item({
      collected: '2026-03-01T00:00:00.000Z',
      expires: '2027-03-01T00:00:00.000Z',
    });
    expect(
      state([longLived, item({ expires: '2026-10-05T00:00:00.000Z' })]),
    ).toMatchObject({ state: 'fresh', evidence: { id: longLived.id } });
  });

  it('is failing when the newest result is not satisfied, and recovers with a newer success', () => {
    const failure = item({
      collected: '2026-09-15T00:00:00.000Z',
      result: 'not-satisfied',
    });
    const before = item({ collected: '2026-09-01T00:00:00.000Z' });
    expect(state([before, failure])).toEqual({
      state: 'failing',
      evidence: { id: failure.id, expires: failure.expires, credit: 'direct' },
    });
    const after = item({ collected: '2026-09-20T00:00:00.000Z' });
    expect(state([before, failure, after])).toMatchObject({
      state: 'fresh',
      evidence: { id: after.id },
    });
    // the success before the failure does not count once it is superseded
    expect(
      state([
        item({
          collected: '2026-08-01T00:00:00.000Z',
          expires: '2027-08-01T00:00:00.000Z',
        }),
        failure,
        item({
          collected: '2026-09-20T00:00:00.000Z',
          expires: '2026-09-30T00:00:00.000Z',
        }),
      ]).state,
    ).toBe('expired');
  });

  it('counts a failure before a success collected at the same time', () => {
    const at = '2026-09-15T00:00:00.000Z';
    expect(
      state([
        item({ collected: at }),
        item({ collected: at, result: 'not-satisfied' }),
      ]).state,
    ).toBe('failing');
  });

  it('ignores a withdrawn failure', () => {
    expect(
      state([
        item({ collected: '2026-09-01T00:00:00.000Z' }),
        item({
          collected: '2026-09-15T00:00:00.000Z',
          result: 'not-satisfied',
          withdrawn: true,
        }),
      ]).state,
    ).toBe('fresh');
  });

  it('counts evidence for an equivalent control of another framework, saying through which entry', () => {
    const soc2 = item({ controls: [soc2Capacity] });
    expect(state([soc2], applicable(capacity))).toEqual({
      state: 'fresh',
      evidence: {
        id: soc2.id,
        expires: soc2.expires,
        credit: {
          control: capacity,
          mappingId: 'soc2-iso27001',
          mapping: expect.objectContaining({ relationship: 'equivalent-to' }),
        },
      },
    });
    // filed for both: the direct credit is the one shown
    expect(
      state(
        [item({ controls: [soc2Capacity, capacity] })],
        applicable(capacity),
      ).evidence?.credit,
    ).toBe('direct');
  });
});

describe('durations', () => {
  it('adds calendar units in UTC, keeping to the end of shorter months', () => {
    expect(
      addDuration('2026-01-31T12:00:00.000Z', { months: 1 }).toISOString(),
    ).toBe('2026-02-28T12:00:00.000Z');
    expect(
      addDuration('2028-02-29T00:00:00.000Z', { years: 1 }).toISOString(),
    ).toBe('2029-02-28T00:00:00.000Z');
    expect(
      addDuration('2026-03-28T23:30:00.000Z', {
        weeks: 1,
        days: 1,
        hours: 1,
      }).toISOString(),
    ).toBe('2026-04-06T00:30:00.000Z');
  });

  it('gives the expiry of evidence from its control’s validity', () => {
    expect(expiryOf('2026-10-01T08:00:00.000Z', { days: 90 })).toBe(
      '2026-12-30T08:00:00.000Z',
    );
  });
});
