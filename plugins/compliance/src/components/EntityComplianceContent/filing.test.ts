import {
  backendMessage,
  checkFiling,
  checkReason,
  FilingDraft,
  filingOf,
  newIdempotencyKey,
  SubmissionKeys,
} from './filing';

const now = new Date(2026, 11, 1, 12, 0);

const draft: FilingDraft = {
  controls: ['SOC2:CC8.1'],
  title: '  Change review  ',
  description: '',
  link: 'https://ci.example.com/runs/42',
  collected: '2026-12-01T10:00',
  expires: '',
  result: 'satisfied',
};

describe('checkFiling', () => {
  it('takes a complete draft', () => {
    expect(checkFiling(draft, now)).toEqual({});
  });

  it('names every field that is wrong', () => {
    expect(
      checkFiling(
        {
          ...draft,
          controls: [],
          title: ' ',
          link: 'mailto:audit@example.com',
          collected: '',
        },
        now,
      ),
    ).toEqual({
      controls: 'Choose at least one control the evidence is for',
      title: 'Required',
      link: 'An absolute http or https address, e.g. https://ci.example.com/runs/42',
      collected: 'Required: when what it shows was true',
    });
  });

  it('takes http and https links only', () => {
    expect(checkFiling({ ...draft, link: 'http://x.test/a' }, now)).toEqual({});
    expect(checkFiling({ ...draft, link: 'ftp://x.test/a' }, now).link).toMatch(
      /http or https/,
    );
    expect(checkFiling({ ...draft, link: '/runs/42' }, now).link).toMatch(
      /http or https/,
    );
  });

  it('refuses a collection in the future and an expiry before it', () => {
    expect(
      checkFiling({ ...draft, collected: '2026-12-02T10:00' }, now).collected,
    ).toBe('In the future: evidence is filed once collected');
    expect(
      checkFiling({ ...draft, expires: '2026-12-01T09:00' }, now).expires,
    ).toBe('Must be after the collection time');
    expect(checkFiling({ ...draft, expires: '2027-03-01T09:00' }, now)).toEqual(
      {},
    );
  });

  it('limits the title', () => {
    expect(checkFiling({ ...draft, title: 'x'.repeat(201) }, now).title).toBe(
      '201 characters, over the limit of 200',
    );
  });
});

describe('filingOf', () => {
  it('builds the body of a manual filing, times in UTC, empty fields left out', () => {
    expect(filingOf(draft, 'component:default/ledger')).toEqual({
      entityRef: 'component:default/ledger',
      controls: ['SOC2:CC8.1'],
      source: 'manual',
      title: 'Change review',
      link: 'https://ci.example.com/runs/42',
      collectedAt: new Date(2026, 11, 1, 10, 0).toISOString(),
      result: 'satisfied',
    });
  });

  it('carries the expiry and description when given', () => {
    const body = filingOf(
      { ...draft, expires: '2027-03-01T10:00', description: ' Two approvals ' },
      'component:default/ledger',
    );
    expect(body.expiresAt).toBe(new Date(2027, 2, 1, 10, 0).toISOString());
    expect(body.description).toBe('Two approvals');
  });
});

describe('idempotency keys', () => {
  it('are random and in the characters the backend takes', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^portal-ui:[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('stay the same while the same filing is sent again', () => {
    let n = 0;
    const keys = new SubmissionKeys(() => `k${++n}`);
    expect(keys.keyFor({ title: 'a' })).toBe('k1');
    expect(keys.keyFor({ title: 'a' })).toBe('k1');
    expect(keys.keyFor({ title: 'b' })).toBe('k2');
    expect(keys.keyFor({ title: 'a' })).toBe('k3');
  });
});

describe('checkReason', () => {
  it('needs 10 to 1000 characters', () => {
    expect(checkReason(' too short ')).toMatch(/10 characters at least/);
    expect(checkReason('Filed for the wrong release')).toBeUndefined();
    expect(checkReason('x'.repeat(1001))).toBe(
      '1001 characters, over the limit of 1000',
    );
  });
});

describe('backendMessage', () => {
  it('prefers the message of the error body', () => {
    const error = Object.assign(new Error('Request failed with 400'), {
      body: { error: { message: 'controls/0: unknown control' } },
    });
    expect(backendMessage(error)).toBe('controls/0: unknown control');
    expect(backendMessage(new Error('Failed to fetch'))).toBe(
      'Failed to fetch',
    );
  });
});
