import { repositoryFile } from '../__testUtils__/repository';
import {
  DEFAULT_DPA_CONTROL,
  DEFAULT_MAX_RETENTION,
  gdprFindings,
  GdprFindingOptions,
} from './findings';
import { readProcessingRecord } from './readProcessingRecord';
import { ProcessingActivity, ProcessingRecord } from './types';

const now = new Date('2026-06-01T00:00:00Z');

function activity(
  id: string,
  retention?: ProcessingActivity['retention'],
): ProcessingActivity {
  return {
    id,
    purposes: ['p'],
    lawfulBasis: 'contract',
    dataSubjects: ['s'],
    categories: [{ name: 'c', special: false }],
    ...(retention && { retention }),
  };
}

const record = (parts: Partial<ProcessingRecord>): ProcessingRecord => ({
  role: 'controller',
  activities: [],
  processors: [],
  recipients: [],
  transfers: [],
  flows: [],
  ...parts,
});

const options = (
  evidence: GdprFindingOptions['evidence'] = [],
): GdprFindingOptions => ({
  maxRetention: DEFAULT_MAX_RETENTION,
  dpaControl: DEFAULT_DPA_CONTROL,
  evidence,
  now,
});

const dpaItem = {
  controls: ['SOC2:P6.4'],
  title: 'LLM provider DPA',
  expiresAt: '2027-01-01T00:00:00Z',
  result: 'satisfied' as const,
};

describe('gdprFindings', () => {
  it('names an activity without retention and one kept beyond the maximum', () => {
    const findings = gdprFindings(
      record({
        activities: [
          activity('no-retention'),
          activity('ten-years', { period: { years: 10 }, deletion: 'job' }),
          activity('ten-years-a-day', {
            period: { years: 10, days: 1 },
            deletion: 'job',
          }),
          activity('by-rule', {
            rule: 'after the fiscal year',
            maximum: { years: 11 },
            deletion: 'job',
          }),
        ],
      }),
      options(),
    );
    expect(findings).toEqual([
      {
        kind: 'missing-retention',
        subject: 'no-retention',
        message:
          'no-retention: no retention; say how long the data is kept (a period, or a rule with its maximum) and how it is deleted',
      },
      {
        kind: 'retention-beyond-maximum',
        subject: 'ten-years-a-day',
        message:
          'ten-years-a-day: kept up to 10 years 1 day, beyond the maximum of 10 years (compliance.gdpr.maxRetention)',
      },
      {
        kind: 'retention-beyond-maximum',
        subject: 'by-rule',
        message:
          'by-rule: kept up to 11 years, beyond the maximum of 10 years (compliance.gdpr.maxRetention)',
      },
    ]);
    expect(
      gdprFindings(
        record({
          activities: [
            activity('by-rule', {
              rule: 'after the fiscal year',
              maximum: { years: 11 },
              deletion: 'job',
            }),
          ],
        }),
        { ...options(), maxRetention: { months: 132 } },
      ),
    ).toEqual([]);
  });

  it('counts a DPA only with a current, satisfied item of that title for the DPA control', () => {
    const llm = record({
      processors: [
        { name: 'LLM', categories: [], dpa: { evidence: 'LLM provider DPA' } },
      ],
    });
    expect(gdprFindings(llm, options([dpaItem]))).toEqual([]);
    expect(
      gdprFindings(
        llm,
        options([{ ...dpaItem, title: '  llm PROVIDER dpa ' }]),
      ),
    ).toEqual([]);
    for (const item of [
      { ...dpaItem, title: 'Another DPA' },
      { ...dpaItem, controls: ['SOC2:CC9.2'] },
      { ...dpaItem, expiresAt: '2026-05-31T00:00:00Z' },
      { ...dpaItem, result: 'not-satisfied' as const },
      { ...dpaItem, withdrawal: { reason: 'superseded' } },
    ]) {
      expect(gdprFindings(llm, options([item]))).toEqual([
        {
          kind: 'processor-without-dpa',
          subject: 'LLM',
          message:
            'LLM: no evidence "LLM provider DPA" for SOC2:P6.4 that is satisfied, current and not withdrawn; file the signed DPA as evidence with that title',
        },
      ]);
    }
    // the record's own control overrides the configured one
    const own = record({
      processors: [
        {
          name: 'LLM',
          categories: [],
          dpa: { evidence: 'LLM provider DPA', control: 'ISO27001:5.20' },
        },
      ],
    });
    expect(gdprFindings(own, options([dpaItem]))).toHaveLength(1);
    expect(
      gdprFindings(own, options([{ ...dpaItem, controls: ['ISO27001:5.20'] }])),
    ).toEqual([]);
  });

  it('names a processor whose record names no DPA, and a transfer without a safeguard', () => {
    expect(
      gdprFindings(
        record({
          processors: [{ name: 'Support desk', categories: [] }],
          transfers: [
            { to: 'Support desk', country: 'IN' },
            {
              to: 'LLM',
              country: 'US',
              safeguard: 'standard-contractual-clauses',
            },
          ],
        }),
        options([dpaItem]),
      ),
    ).toEqual([
      {
        kind: 'processor-without-dpa',
        subject: 'Support desk',
        message:
          "Support desk: the record names no DPA; add dpa.evidence with the title of the DPA's evidence item for SOC2:P6.4",
      },
      {
        kind: 'transfer-without-safeguard',
        subject: 'Support desk',
        message:
          'Support desk (IN): a transfer outside the EEA without a safeguard; name an adequacy decision, standard contractual clauses, binding corporate rules or a derogation',
      },
    ]);
  });

  it('finds the sample assistant’s language model provider without a DPA', () => {
    const { record: assistant } = readProcessingRecord(
      repositoryFile('services/assistant/gdpr.yaml'),
    );
    const cloudDpa = {
      ...dpaItem,
      title: 'Cloud infrastructure provider DPA',
    };
    expect(
      gdprFindings(assistant!, options([cloudDpa])).map(f => [
        f.kind,
        f.subject,
      ]),
    ).toEqual([
      ['processor-without-dpa', 'Language model provider (EU region)'],
    ]);
  });
});
