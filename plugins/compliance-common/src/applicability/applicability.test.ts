import { Entity } from '@backstage/catalog-model';
import { repositoryFrameworkFiles } from '../__testUtils__/repository';
import { ControlIndex, formatControlRef } from '../frameworks/controlRef';
import { loadFrameworks } from '../frameworks/loadFrameworks';
import { evaluateApplicability } from './evaluateApplicability';
import { readApplicability } from './readApplicability';
import { NOT_APPLICABLE_ANNOTATION } from './types';

const { frameworks } = loadFrameworks(repositoryFrameworkFiles());
const controls = new ControlIndex(frameworks);

const rulesFile = (rules: string) => ({
  path: 'compliance/applicability.yaml',
  content: `apiVersion: readiness.dev/v1
kind: Applicability
spec:
  rules:
${rules}`,
});

function component(
  name: string,
  spec: Record<string, unknown>,
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...metadata },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      ...spec,
    },
  };
}

const keys = (refs: Array<{ framework: string; control: string }>) =>
  refs.map(formatControlRef);

describe('reading applicability rules', () => {
  it('expands controls given by id, group and tag', () => {
    const { rules, problems } = readApplicability(
      rulesFile(`    - id: stores
      description: Data stores
      select:
        kind: Resource
        type: [database]
        system: filing-platform
      controls:
        - SOC2:CC6.1
        - framework: ISO27001
          ids: ['8.13']
        - framework: SOC2
          groups: [A1]
        - tags: [retention]
`),
      frameworks,
    );
    expect(problems).toEqual([]);
    expect(rules).toHaveLength(1);
    expect(rules[0].select).toEqual({
      kinds: ['resource'],
      types: ['database'],
      systems: ['system:default/filing-platform'],
    });
    expect(keys(rules[0].controls)).toEqual([
      'SOC2:CC6.1',
      'ISO27001:8.13',
      'SOC2:A1.1',
      'SOC2:A1.2',
      'SOC2:A1.3',
      // every framework's controls tagged retention
      'ISO27001:7.14',
      'ISO27001:8.10',
      'SOC2:CC6.5',
      'SOC2:C1.2',
      'SOC2:P4.2',
      'SOC2:P4.3',
    ]);
  });

  it.each([
    [
      'an unknown control',
      `      select: { kind: Component }
      controls: ['SOC2:CC6.9']`,
      '/spec/rules/0/controls/0',
      /SOC2:CC6.9 is not a control of SOC 2 Trust Services Criteria \(compliance\/frameworks\/soc2.yaml\)/,
    ],
    [
      'a framework that is not loaded',
      `      select: { kind: Component }
      controls:
        - framework: PCI
          ids: ['1.1']`,
      '/spec/rules/0/controls/0/framework',
      /unknown framework "PCI"; loaded frameworks: ISO27001, SOC2/,
    ],
    [
      'a control written without its framework',
      `      select: { kind: Component }
      controls: ['CC6.1']`,
      '/spec/rules/0/controls/0',
      /"CC6.1" is not a control reference such as SOC2:CC6.1/,
    ],
    [
      'ids and groups in one item',
      `      select: { kind: Component }
      controls:
        - framework: SOC2
          ids: [CC6.1]
          groups: [CC7]`,
      '/spec/rules/0/controls/0',
      /give one of ids, groups or tags/,
    ],
    [
      'a group the framework does not have',
      `      select: { kind: Component }
      controls:
        - framework: ISO27001
          groups: ['9']`,
      '/spec/rules/0/controls/0/groups/0',
      /"9" is not a group of ISO\/IEC 27001:2022 Annex A/,
    ],
    [
      'a tag no control has',
      `      select: { kind: Component }
      controls:
        - tags: [quantum]`,
      '/spec/rules/0/controls/0/tags/0',
      /no control of any loaded framework has the tag "quantum"/,
    ],
    [
      'a selector field it does not know',
      `      select: { kind: Component, owner: team-a }
      controls: ['SOC2:CC6.1']`,
      '/spec/rules/0/select/owner',
      /unknown field "owner"; expected kind, type, lifecycle, system, domain, tags, annotations/,
    ],
    [
      'a selector that selects everything',
      `      select: {}
      controls: ['SOC2:CC6.1']`,
      '/spec/rules/0/select',
      /selects every entity/,
    ],
    [
      'a system that is not a system ref',
      `      select: { system: 'group:platform' }
      controls: ['SOC2:CC6.1']`,
      '/spec/rules/0/select/system',
      /"group:platform" is not a system entity ref/,
    ],
  ])('reports %s at its pointer and line', (_what, body, path, message) => {
    const { problems } = readApplicability(
      rulesFile(`    - id: rule\n${body}\n`),
      frameworks,
    );
    expect(problems).toEqual([
      {
        file: 'compliance/applicability.yaml',
        path,
        line: expect.any(Number),
        message: expect.stringMatching(message),
      },
    ]);
  });

  it('keeps the rest of a rule when one control reference fails, and drops a rule with a bad selector', () => {
    const { rules, problems } = readApplicability(
      rulesFile(`    - id: kept
      select: { kind: Component }
      controls: ['SOC2:CC6.1', 'NIST:ac-2']
    - id: dropped
      select: { lifecycle: [production], kinds: [Component] }
      controls: ['SOC2:CC6.1']
    - id: kept
      select: { kind: API }
      controls: ['SOC2:CC8.1']
`),
      frameworks,
    );
    expect(rules.map(r => [r.id, keys(r.controls)])).toEqual([
      ['kept', ['SOC2:CC6.1']],
    ]);
    expect(problems.map(p => p.path)).toEqual([
      '/spec/rules/0/controls/1',
      '/spec/rules/1/select/kinds',
      '/spec/rules/2/id',
    ]);
  });
});

describe('evaluating applicability for an entity', () => {
  const { rules } = readApplicability(
    rulesFile(`    - id: services
      select: { kind: Component, type: service, lifecycle: production, system: filing-platform }
      controls: ['SOC2:CC8.1', 'ISO27001:8.32', 'ISO27001:8.13']
    - id: personal-data
      select: { kind: Component, domain: document-filing }
      controls: ['ISO27001:5.34', 'ISO27001:8.13']
    - id: partner-facing
      select: { annotations: { readiness.dev/audience: partner } }
      controls: ['SOC2:CC2.3']
    - id: untagged-legacy
      select: { tags: [legacy], annotations: { readiness.dev/owner-reviewed: false } }
      controls: ['SOC2:CC3.4']
`),
    frameworks,
  );
  const context = {
    controls,
    domainOf: (system: string) =>
      system === 'system:default/filing-platform'
        ? 'domain:default/document-filing'
        : undefined,
  };
  const ledger = component(
    'ledger',
    { system: 'filing-platform' },
    { annotations: { 'readiness.dev/audience': 'partner' } },
  );

  it('lists each applicable control once with every rule that applies it, in framework order', () => {
    const result = evaluateApplicability(ledger, rules, context);
    expect(result.entityRef).toBe('component:default/ledger');
    expect(result.problems).toEqual([]);
    expect(result.controls).toEqual([
      {
        control: { framework: 'ISO27001', control: '5.34' },
        rules: ['personal-data'],
        status: 'applicable',
      },
      {
        control: { framework: 'ISO27001', control: '8.13' },
        rules: ['services', 'personal-data'],
        status: 'applicable',
      },
      {
        control: { framework: 'ISO27001', control: '8.32' },
        rules: ['services'],
        status: 'applicable',
      },
      {
        control: { framework: 'SOC2', control: 'CC2.3' },
        rules: ['partner-facing'],
        status: 'applicable',
      },
      {
        control: { framework: 'SOC2', control: 'CC8.1' },
        rules: ['services'],
        status: 'applicable',
      },
    ]);
  });

  it('matches kind, type and lifecycle regardless of case, and annotations by presence or absence', () => {
    const shouting = component('x', {
      type: 'Service',
      lifecycle: 'PRODUCTION',
      system: 'default/filing-platform',
    });
    shouting.kind = 'component';
    expect(
      keys(
        evaluateApplicability(shouting, rules, context).controls.map(
          c => c.control,
        ),
      ),
    ).toContain('SOC2:CC8.1');
    const legacy = (annotations: Record<string, string>) =>
      evaluateApplicability(
        component('old', {}, { tags: ['legacy'], annotations }),
        rules,
        context,
      ).controls.map(c => c.control.control);
    expect(legacy({})).toEqual(['CC3.4']);
    expect(legacy({ 'readiness.dev/owner-reviewed': 'yes' })).toEqual([]);
  });

  it('gives no domain to an entity whose system it cannot place', () => {
    const elsewhere = component('tool', { system: 'internal-tools' });
    expect(evaluateApplicability(elsewhere, rules, context).controls).toEqual(
      [],
    );
    expect(
      evaluateApplicability(
        component('p', { system: 'filing-platform' }),
        rules,
        { controls },
      ).controls.map(c => c.rules),
    ).toEqual([['services'], ['services'], ['services']]);
  });

  it('shows a control declared not applicable with its justification', () => {
    const declared = component(
      'ocr',
      { system: 'filing-platform' },
      {
        annotations: {
          [NOT_APPLICABLE_ANNOTATION]:
            'ISO27001:8.13 = OCR keeps no data of its own; results live in document-store.\n',
        },
      },
    );
    const result = evaluateApplicability(declared, rules, context);
    expect(result.problems).toEqual([]);
    expect(result.controls.find(c => c.control.control === '8.13')).toEqual({
      control: { framework: 'ISO27001', control: '8.13' },
      rules: ['services', 'personal-data'],
      status: 'not-applicable',
      justification:
        'OCR keeps no data of its own; results live in document-store.',
    });
  });

  it('reads several declarations on one line, split where the next control reference starts', () => {
    const declared = component(
      'x',
      { system: 'filing-platform' },
      {
        annotations: {
          [NOT_APPLICABLE_ANNOTATION]:
            'ISO27001:8.13=No data stored here; all state is in the ledger; SOC2:CC8.1=Changes are made by the vendor only',
        },
      },
    );
    const result = evaluateApplicability(declared, rules, context);
    expect(result.problems).toEqual([]);
    expect(
      result.controls
        .filter(c => c.status === 'not-applicable')
        .map(c => [
          formatControlRef(c.control),
          c.status === 'not-applicable' && c.justification,
        ]),
    ).toEqual([
      ['ISO27001:8.13', 'No data stored here; all state is in the ledger'],
      ['SOC2:CC8.1', 'Changes are made by the vendor only'],
    ]);
  });

  it.each([
    [
      'ISO27001:8.13',
      '"ISO27001:8.13" declares ISO27001:8.13 not applicable without a justification; write "ISO27001:8.13 = <why the control does not apply to this entity>"',
    ],
    [
      'ISO27001:8.13 = n/a',
      '"ISO27001:8.13 = n/a" declares ISO27001:8.13 not applicable without a justification; write "ISO27001:8.13 = <why the control does not apply to this entity>"',
    ],
    [
      'backups = We keep nothing here at all',
      '"backups = We keep nothing here at all" does not start with a control reference such as ISO27001:8.13',
    ],
    [
      'ISO27001:8.99 = We keep nothing here at all',
      '"ISO27001:8.99 = We keep nothing here at all": ISO27001:8.99 is not a control of ISO/IEC 27001:2022 Annex A (compliance/frameworks/iso27001.yaml)',
    ],
    [
      'SOC2:P6.6 = We never hold personal data',
      'SOC2:P6.6 does not apply to this entity (no rule of the applicability file selects it); remove the declaration',
    ],
    [
      'ISO27001:8.13 = We keep nothing here at all\nISO27001:8.13 = Said twice, the second time',
      'ISO27001:8.13 is declared not applicable more than once',
    ],
  ])(
    'refuses the declaration %j and keeps the control applicable',
    (value, message) => {
      const declared = component(
        'x',
        { system: 'filing-platform' },
        {
          annotations: { [NOT_APPLICABLE_ANNOTATION]: value },
        },
      );
      const result = evaluateApplicability(declared, rules, context);
      expect(result.problems).toEqual([
        {
          entityRef: 'component:default/x',
          path: '/metadata/annotations/readiness.dev~1compliance-not-applicable',
          message,
        },
      ]);
      const backups = result.controls.find(c => c.control.control === '8.13');
      expect(backups?.status).toBe(
        value.includes('\n') ? 'not-applicable' : 'applicable',
      );
    },
  );
});
