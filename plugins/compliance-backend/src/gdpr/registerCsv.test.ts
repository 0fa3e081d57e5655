import { registerRows } from './registerCsv';

describe('the register CSV', () => {
  it('writes one row per activity, with the findings of that activity and of the whole record', () => {
    const rows = registerRows({
      entityRef: 'component:default/x',
      title: 'X',
      owner: 'group:default/team',
      file: './gdpr.yaml',
      problems: [],
      record: {
        role: 'controller',
        activities: [
          {
            id: 'a',
            purposes: ['p1', 'p2'],
            lawfulBasis: 'consent',
            dataSubjects: ['users'],
            categories: [
              { name: 'names', special: false },
              { name: 'health', special: true },
            ],
            retention: { period: { days: 30 }, deletion: 'job' },
          },
          {
            id: 'b',
            purposes: ['p'],
            lawfulBasis: 'contract',
            dataSubjects: ['users'],
            categories: [],
            retention: {
              rule: 'after the year',
              maximum: { years: 1 },
              deletion: 'job',
            },
          },
        ],
        processors: [{ name: 'Host', purpose: 'hosting', categories: [] }],
        recipients: [],
        transfers: [{ to: 'Host', country: 'US' }],
        flows: [],
      },
      findings: [
        { kind: 'missing-retention', subject: 'a', message: 'A' },
        { kind: 'processor-without-dpa', subject: 'Host', message: 'H' },
      ],
    });
    expect(rows).toEqual([
      [
        'component:default/x',
        'X',
        'group:default/team',
        './gdpr.yaml',
        'controller',
        '',
        'a',
        '',
        'p1; p2',
        'consent',
        'users',
        'names; health',
        'health',
        '',
        'Host (hosting)',
        'Host, US: no safeguard',
        '30 days',
        'job',
        'A; H',
        '',
      ],
      expect.arrayContaining(['b', 'after the year (at most 1 year)', 'H']),
    ]);
    expect(rows[1]).not.toContain('A; H');
  });

  it('writes one row with the problems for a record that does not read', () => {
    const [row, ...rest] = registerRows({
      entityRef: 'component:default/x',
      title: 'X',
      owner: '',
      file: './gdpr.yaml',
      problems: [
        {
          file: './gdpr.yaml',
          path: '/spec/role',
          line: 3,
          message: 'is required',
        },
      ],
      findings: [],
    });
    expect(rest).toEqual([]);
    expect(row).toHaveLength(20);
    expect(row.at(-1)).toBe('./gdpr.yaml/spec/role (line 3): is required');
  });
});
