import fs from 'node:fs';
import path from 'node:path';
import { corpusPath } from '@readiness/test-corpus';
import { readOpenSlo } from './readOpenSlo';

function files(...relative: string[]) {
  return relative.map(file => ({
    path: file,
    content: fs.readFileSync(corpusPath('openslo', file), 'utf8'),
  }));
}

describe('readOpenSlo on the corpus', () => {
  it('reads the v1 files of the go SDK together without a problem', () => {
    const dir = corpusPath('openslo', 'go-sdk', 'v1');
    const set = readOpenSlo(
      fs.readdirSync(dir).map(file => ({
        path: `go-sdk/v1/${file}`,
        content: fs.readFileSync(path.join(dir, file), 'utf8'),
      })),
    );
    // The SDK's examples refer to two notification targets they never define
    expect(set.problems.map(p => [p.file, p.path, p.message])).toEqual([
      [
        'go-sdk/v1/alert_policies.yaml',
        '/spec/notificationTargets/0/targetRef',
        'refers to AlertNotificationTarget "on-call-mail-notification", which none of the files defines',
      ],
      [
        'go-sdk/v1/alert_policies.yaml',
        '/spec/notificationTargets/0/targetRef',
        'refers to AlertNotificationTarget "on-call-pd-notification", which none of the files defines',
      ],
    ]);
    expect(set.slos.length).toBeGreaterThan(0);
    expect(set.names.SLI.length).toBeGreaterThan(0);
    expect(set.names.DataSource.length).toBeGreaterThan(0);
    const web = set.slos.find(s => s.name === 'web-availability')!;
    expect(web).toMatchObject({
      service: 'web',
      budgetingMethod: 'Timeslices',
      timeWindow: { duration: '1w', isRolling: false },
      objectives: [
        {
          op: 'gt',
          target: 0.995,
          timeSliceTarget: 0.95,
          timeSliceWindow: '1m',
        },
      ],
      indicator: {
        type: 'ratio',
        counter: true,
        name: 'web-successful-requests-ratio',
      },
    });
  });

  it.each([
    'openslo-spec/budgeting-method/occurences-slo.yaml',
    'openslo-spec/budgeting-method/timeslices-slo.yaml',
    'openslo-spec/budgeting-method/ratio-timeslices.yaml',
    'openslo-spec/treat-low-traffic-as-equally-important/timeslices-slo.yaml',
    'go-sdk/inline-inputs/v1_slo.yaml',
  ])('reads %s without a problem', file => {
    const set = readOpenSlo(files(file));
    expect(set.problems).toEqual([]);
    expect(set.slos.length + set.services.length).toBeGreaterThan(0);
  });

  it('resolves an indicatorRef to its SLI', () => {
    const set = readOpenSlo(files('go-sdk/inline-inputs/v1_slo.yaml'));
    const referencing = set.slos.find(s => s.name === 'my-slo-2');
    expect(referencing?.indicator).toMatchObject({
      type: 'threshold',
      name: 'my-sli',
      metricSource: { type: 'Prometheus', ref: 'my-prometheus' },
    });
  });

  it.each([
    [
      'go-sdk/inline-inputs/v1_slo_invalid_sli.yaml',
      '/spec/indicatorRef',
      /refers to SLI "no-sli"/,
    ],
    [
      'go-sdk/inline-inputs/v1_slo_invalid_target.yaml',
      '/spec/alertPolicies/0/spec/notificationTargets/1/targetRef',
      /refers to AlertNotificationTarget "devs-email-notification"/,
    ],
    [
      'go-sdk/inline-inputs/v1_alert_policies_invalid_condition.yaml',
      '/spec/conditions/0/conditionRef',
      /refers to AlertCondition "cpu-usage-breach"/,
    ],
    [
      'sloth/bad-openslo.yaml',
      '/apiVersion',
      /openslo\/v1alpha is not supported/,
    ],
    [
      'oslo-validate/invalid-apiversion.yaml',
      '/apiVersion',
      /expected openslo\/v1, got "foo"/,
    ],
    [
      'oslo-validate/unknown-field.yaml',
      '/spec/markdown',
      /unknown field "markdown"/,
    ],
    ['oslo-validate/v1alpha.yaml', '/apiVersion', /not supported/],
    ['oslo-validate/v2alpha.yaml', '/apiVersion', /not supported/],
  ])('rejects %s at %s', (file, at, message) => {
    const set = readOpenSlo(files(file));
    const problem = set.problems.find(p => p.path === at);
    expect(problem).toMatchObject({
      file,
      message: expect.stringMatching(message),
    });
    expect(problem?.line).toBeGreaterThan(0);
  });

  it('holds names to RFC 1123, as OpenSLO v1 requires', () => {
    const set = readOpenSlo(files('oslo-validate/v1.yaml'));
    expect(set.problems.map(p => [p.path, p.message])).toEqual([
      [
        '/metadata/name',
        expect.stringMatching(
          /"example service" is not a lower-case DNS label/,
        ),
      ],
    ]);
  });

  it('locates a bad metadata name on its line', () => {
    const set = readOpenSlo(files('oslo-validate/unknown-field.yaml'));
    expect(set.problems).toContainEqual(
      expect.objectContaining({
        path: '/metadata/name',
        line: 4,
        message: expect.stringMatching(
          /"my-rad service" is not a lower-case DNS label/,
        ),
      }),
    );
  });
});

describe('readOpenSlo on edge cases', () => {
  const slo = (objectives: string, extra = '') => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ledger-latency
spec:
  service: ledger
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          type: k6
          spec:
            metric: http_req_duration
            statistic: p(95)
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
${objectives}
${extra}`;

  it('reads a k6 threshold SLO', () => {
    const set = readOpenSlo([
      {
        path: 'slo.yaml',
        content: slo('    - op: lt\n      value: 500\n      target: 0.99'),
      },
    ]);
    expect(set.problems).toEqual([]);
    expect(set.slos[0]).toMatchObject({
      name: 'ledger-latency',
      indicator: {
        type: 'threshold',
        metricSource: {
          type: 'k6',
          spec: { metric: 'http_req_duration', statistic: 'p(95)' },
        },
      },
      objectives: [{ op: 'lt', value: 500, target: 0.99 }],
      source: 'slo.yaml#1',
    });
  });

  it('reports every problem of a bad objective, located', () => {
    const set = readOpenSlo([
      {
        path: 'slo.yaml',
        content: slo('    - op: below\n      value: fast\n      target: 99'),
      },
    ]);
    expect(set.problems.map(p => [p.path, p.line])).toEqual([
      ['/spec/objectives/0/target', 22],
      ['/spec/objectives/0/op', 20],
      ['/spec/objectives/0/value', 21],
    ]);
    expect(set.slos).toEqual([]);
  });

  it('keeps reading the other documents of a file after a bad one', () => {
    const good = slo('    - op: lt\n      value: 500\n      target: 0.99');
    const set = readOpenSlo([
      {
        path: 'many.yaml',
        content: `${good}\n---\nkind: SLO\n---\n[1, 2\n---\n${good.replace(
          'ledger-latency',
          'second',
        )}`,
      },
    ]);
    expect(set.slos.map(s => s.name)).toEqual(['ledger-latency', 'second']);
    expect(set.problems.map(p => [p.document, p.message])).toEqual([
      [2, expect.stringMatching(/expected openslo\/v1/)],
      [3, expect.stringMatching(/not valid YAML/)],
    ]);
  });

  it('survives an alias bomb', () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]`;
    const set = readOpenSlo([{ path: 'bomb.yaml', content: bomb }]);
    expect(set.problems).toEqual([
      expect.objectContaining({
        file: 'bomb.yaml',
        message: expect.stringMatching(
          /alias|expected an OpenSLO object|not valid/i,
        ),
      }),
    ]);
  });
});
