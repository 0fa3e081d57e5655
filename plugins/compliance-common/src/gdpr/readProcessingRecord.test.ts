import { repositoryFile } from '../__testUtils__/repository';
import { readProcessingRecord } from './readProcessingRecord';

const SAMPLE_SERVICES = ['assistant', 'billing', 'documents', 'ledger', 'ocr'];

function read(lines: string[]) {
  return readProcessingRecord({
    path: 'services/x/gdpr.yaml',
    content: lines.join('\n'),
  });
}

const HEAD = ['apiVersion: readiness.dev/v1', 'kind: ProcessingRecord'];

describe('readProcessingRecord', () => {
  it.each(SAMPLE_SERVICES)('reads the record of the sample %s', service => {
    const file = readProcessingRecord(
      repositoryFile(`services/${service}/gdpr.yaml`),
    );
    expect(file.problems).toEqual([]);
    expect(file.record?.activities.length).toBeGreaterThan(0);
  });

  it('reads every part of a record', () => {
    const { record, problems } = read([
      ...HEAD,
      'metadata: { title: Chat }',
      'spec:',
      '  role: processor',
      '  controller: the customer',
      '  activities:',
      '    - id: answer',
      '      purposes: answer questions',
      '      lawfulBasis: contract',
      '      dataSubjects: [users]',
      '      categories:',
      '        - chat messages',
      '        - { name: health data, special: true }',
      '      retention: { period: P90D, deletion: job }',
      '    - id: keep',
      '      purposes: [keep]',
      '      lawfulBasis: legal-obligation',
      '      dataSubjects: [users]',
      '      categories: [names]',
      '      retention:',
      '        rule: 10 years after the fiscal year',
      '        maximum: { years: 11 }',
      '        deletion: yearly job',
      '  processors:',
      '    - name: LLM provider',
      '      categories: [chat messages]',
      '      dpa: { evidence: LLM DPA, control: "ISO27001:5.20" }',
      '    - entity: resource:document-store',
      '      categories: [files]',
      '  recipients:',
      '    - name: Tax authority',
      '      categories: [filings]',
      '  transfers:',
      '    - { to: LLM provider, country: US, safeguard: standard-contractual-clauses }',
      '    - { to: Support desk, country: IN }',
      '  flows:',
      '    - to: Ledger',
      '      categories: [amounts]',
      '      channel: HTTPS',
    ]);
    expect(problems).toEqual([]);
    expect(record).toEqual({
      title: 'Chat',
      role: 'processor',
      controller: 'the customer',
      activities: [
        {
          id: 'answer',
          purposes: ['answer questions'],
          lawfulBasis: 'contract',
          dataSubjects: ['users'],
          categories: [
            { name: 'chat messages', special: false },
            { name: 'health data', special: true },
          ],
          retention: { period: { days: 90 }, deletion: 'job' },
        },
        {
          id: 'keep',
          purposes: ['keep'],
          lawfulBasis: 'legal-obligation',
          dataSubjects: ['users'],
          categories: [{ name: 'names', special: false }],
          retention: {
            rule: '10 years after the fiscal year',
            maximum: { years: 11 },
            deletion: 'yearly job',
          },
        },
      ],
      processors: [
        {
          name: 'LLM provider',
          categories: ['chat messages'],
          dpa: { evidence: 'LLM DPA', control: 'ISO27001:5.20' },
        },
        {
          name: 'resource:default/document-store',
          entityRef: 'resource:default/document-store',
          categories: ['files'],
        },
      ],
      recipients: [{ name: 'Tax authority', categories: ['filings'] }],
      transfers: [
        {
          to: 'LLM provider',
          country: 'US',
          safeguard: 'standard-contractual-clauses',
        },
        { to: 'Support desk', country: 'IN' },
      ],
      flows: [
        {
          to: 'component:default/ledger',
          categories: ['amounts'],
          channel: 'HTTPS',
        },
      ],
    });
  });

  it('places every problem of a broken record at its pointer and line', () => {
    const { record, problems } = read([
      'apiVersion: readiness.dev/v2',
      'kind: ProcessingRecord',
      'spec:',
      '  role: processor',
      '  activities:',
      '    - id: Answer Questions',
      '      purposes: [answer]',
      '      lawfulBasis: because',
      '      dataSubjects: [users]',
      '      categories: [{ name: x, special: maybe }]',
      '    - id: keep',
      '      purposes: [keep]',
      '      lawfulBasis: contract',
      '      dataSubjects: [users]',
      '      categories: [names]',
      '      retention: { rule: until asked }',
      '    - id: keep',
      '      purposes: [keep]',
      '      lawfulBasis: consent',
      '      dataSubjects: [users]',
      '      categories: [names]',
      '      retention: { period: forever, deletion: never }',
      '  processors:',
      '    - { entity: "a/b/c", dpa: { evidence: "" } }',
      '  transfers:',
      '    - { to: X, country: usa, safeguard: hope }',
      '  colour: blue',
    ]);
    expect(problems).toEqual([
      {
        file: 'services/x/gdpr.yaml',
        path: '/apiVersion',
        line: 1,
        message: 'expected readiness.dev/v1',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/colour',
        line: 27,
        message:
          'unknown field "colour"; expected role, controller, activities, processors, recipients, transfers, flows',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/controller',
        line: 4,
        message: 'is required',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/activities/0/id',
        line: 6,
        message: '"Answer Questions" is not lower-case words joined by "-"',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/activities/0/lawfulBasis',
        line: 8,
        message:
          '"because" is not one of consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/activities/0/categories/0/special',
        line: 10,
        message: 'expected true or false',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/activities/1/retention/deletion',
        line: 16,
        message: 'is required',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/activities/1/retention/maximum',
        line: 16,
        message:
          'is required with a rule: the longest the rule can keep the data, such as { years: 11 }',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/activities/2/retention/period',
        line: 22,
        message: '"forever" is not a duration such as P10Y or { years: 10 }',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/activities/2/id',
        line: 17,
        message: 'another activity is already "keep"',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/processors/0/entity',
        line: 24,
        message: '"a/b/c" is not an entity ref such as component:ledger',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/processors/0/dpa/evidence',
        line: 24,
        message: 'expected a non-empty string, got ""',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/transfers/0/country',
        line: 26,
        message: '"usa" is not an ISO 3166-1 alpha-2 country code such as US',
      },
      {
        file: 'services/x/gdpr.yaml',
        path: '/spec/transfers/0/safeguard',
        line: 26,
        message:
          '"hope" is not one of adequacy-decision, standard-contractual-clauses, binding-corporate-rules, derogation',
      },
    ]);
    // the activity that read stays; the retention that did not is absent
    expect(record?.activities).toEqual([
      {
        id: 'keep',
        purposes: ['keep'],
        lawfulBasis: 'contract',
        dataSubjects: ['users'],
        categories: [{ name: 'names', special: false }],
      },
    ]);
    expect(record?.processors).toEqual([]);
    expect(record?.transfers).toEqual([]);
  });

  it('is no record without a role or an activity that reads', () => {
    expect(read([...HEAD, 'spec:', '  activities: []']).record).toBeUndefined();
    const noRole = read([
      ...HEAD,
      'spec:',
      '  activities:',
      '    - { id: a, purposes: [p], lawfulBasis: consent, dataSubjects: [s], categories: [c] }',
    ]);
    expect(noRole.record).toBeUndefined();
    expect(noRole.problems).toEqual([
      expect.objectContaining({ path: '/spec/role', message: 'is required' }),
    ]);
  });

  it('answers YAML that does not parse, or another kind of file, with problems', () => {
    expect(read(['spec: [unclosed']).problems).toEqual([
      expect.objectContaining({ path: '', line: 1 }),
    ]);
    expect(read(['- a list']).problems).toEqual([
      {
        file: 'services/x/gdpr.yaml',
        path: '',
        line: 1,
        message: 'expected an object, got a list',
      },
    ]);
    const other = read([
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'spec: { role: controller }',
    ]);
    expect(other.record).toBeUndefined();
    expect(other.problems.map(p => p.path)).toEqual([
      '/apiVersion',
      '/kind',
      '/spec/activities',
    ]);
  });
});
