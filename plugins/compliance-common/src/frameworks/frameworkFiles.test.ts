import { loadFrameworks } from './loadFrameworks';

const framework = (body: string) => `apiVersion: readiness.dev/v1
kind: Framework
metadata:
  id: ACME
  title: Acme controls
spec:
  validity: { days: 365 }
  groups:
${body}`;

const twoControls = framework(`    - id: 'A'
      title: Access
      controls:
        - id: 'A.1'
          title: Access is reviewed
          tags: [access]
        - id: 'A.2'
          title: Access is removed on leaving
          validity: { months: 3 }
`);

const mapping = (maps: string, target = 'ACME') => `apiVersion: readiness.dev/v1
kind: FrameworkMapping
metadata:
  id: acme-to-beta
  title: Acme to Beta
spec:
  source: ACME
  target: ${target}
  maps:
${maps}`;

describe('framework files', () => {
  it('reads groups, controls, validities (the framework default or their own) and tags', () => {
    const set = loadFrameworks([{ path: 'acme.yaml', content: twoControls }]);
    expect(set.problems).toEqual([]);
    expect(set.frameworks).toEqual([
      {
        id: 'ACME',
        title: 'Acme controls',
        file: 'acme.yaml',
        origin: 'framework-file',
        groups: [{ id: 'A', title: 'Access' }],
        controls: [
          {
            id: 'A.1',
            title: 'Access is reviewed',
            group: 'A',
            validity: { days: 365 },
            tags: ['access'],
          },
          {
            id: 'A.2',
            title: 'Access is removed on leaving',
            group: 'A',
            validity: { months: 3 },
            tags: [],
          },
        ],
        withdrawn: [],
      },
    ]);
  });

  it.each([
    [
      'an id YAML reads as a number',
      framework(`    - id: 'G'
      title: Group
      controls:
        - id: 5.10
          title: Something
`),
      '/spec/groups/0/controls/0/id',
      12,
      /expected a non-empty string, got 5.1 \(quote ids/,
    ],
    [
      'an unknown field',
      framework(`    - id: 'G'
      title: Group
      controls:
        - id: 'G.1'
          title: Something
          owner: security
`),
      '/spec/groups/0/controls/0/owner',
      14,
      /unknown field "owner"; expected id, title, validity, tags/,
    ],
    [
      'a duplicate control id',
      framework(`    - id: 'G'
      title: Group
      controls:
        - id: 'G.1'
          title: Something
        - id: 'G.1'
          title: Something else
`),
      '/spec/groups/0/controls/1/id',
      14,
      /"G.1" is already the id at \/spec\/groups\/0\/controls\/0\/id/,
    ],
    [
      'a validity that is not a duration',
      framework(`    - id: 'G'
      title: Group
      controls:
        - id: 'G.1'
          title: Something
          validity: { fortnights: 2 }
`),
      '/spec/groups/0/controls/0/validity/fortnights',
      14,
      /unknown field "fortnights"/,
    ],
    [
      'a validity of zero',
      framework(`    - id: 'G'
      title: Group
      controls:
        - id: 'G.1'
          title: Something
          validity: { days: 0 }
`),
      '/spec/groups/0/controls/0/validity',
      14,
      /longer than zero/,
    ],
    [
      'a control without a title',
      framework(`    - id: 'G'
      title: Group
      controls:
        - id: 'G.1'
`),
      '/spec/groups/0/controls/0/title',
      12,
      /is required/,
    ],
    [
      'an upper-case tag',
      framework(`    - id: 'G'
      title: Group
      controls:
        - id: 'G.1'
          title: Something
          tags: [Backup]
`),
      '/spec/groups/0/controls/0/tags/0',
      14,
      /"Backup" is not a lower-case tag/,
    ],
    [
      'YAML that does not parse',
      framework(`    - id: 'G'
      title: [Group
`),
      '',
      11,
      /not valid YAML: Flow sequence in block collection/,
    ],
  ])(
    'refuses %s at its pointer and line',
    (_what, content, path, line, message) => {
      const set = loadFrameworks([
        { path: 'compliance/frameworks/bad.yaml', content },
        { path: 'compliance/frameworks/acme.yaml', content: twoControls },
      ]);
      expect(set.frameworks.map(f => f.file)).toEqual([
        'compliance/frameworks/acme.yaml',
      ]);
      expect(set.problems).toEqual([
        {
          file: 'compliance/frameworks/bad.yaml',
          path,
          line,
          message: expect.stringMatching(message),
        },
      ]);
    },
  );

  it('refuses a file that is no framework, naming what it expected', () => {
    const set = loadFrameworks([
      { path: 'notes.yaml', content: 'title: my notes\n' },
      {
        path: 'other.yaml',
        content: 'apiVersion: readiness.dev/v1\nkind: Policy\n',
      },
    ]);
    expect(set.problems).toEqual([
      {
        file: 'notes.yaml',
        path: '',
        line: 1,
        message:
          'neither an OSCAL catalog or profile nor a readiness.dev/v1 Framework or FrameworkMapping',
      },
      {
        file: 'other.yaml',
        path: '/kind',
        line: 2,
        message: 'expected Framework or FrameworkMapping',
      },
    ]);
  });

  it('keeps the first of two frameworks with the same id', () => {
    const set = loadFrameworks([
      { path: 'a.yaml', content: twoControls },
      { path: 'b.yaml', content: twoControls },
    ]);
    expect(set.frameworks.map(f => f.file)).toEqual(['a.yaml']);
    expect(set.problems).toEqual([
      {
        file: 'b.yaml',
        path: '/metadata/id',
        message:
          'framework id "ACME" is already used by a.yaml; give this file another id',
      },
    ]);
  });
});

describe('mapping files', () => {
  const beta = twoControls
    .replace('id: ACME', 'id: BETA')
    .replace('Acme controls', 'Beta controls');
  const load = (content: string) =>
    loadFrameworks([
      { path: 'acme.yaml', content: twoControls },
      { path: 'beta.yaml', content: beta },
      { path: 'map.yaml', content },
    ]);

  it('reads each target of an entry as its own mapping entry', () => {
    const set = load(
      mapping(
        `    - source: 'A.1'
      relationship: subset-of
      targets: ['A.1', 'A.2']
      remarks: Beta asks for more
`,
        'BETA',
      ),
    );
    expect(set.problems).toEqual([]);
    expect(set.mappings[0].entries).toEqual([
      {
        source: { framework: 'ACME', control: 'A.1' },
        relationship: 'subset-of',
        target: { framework: 'BETA', control: 'A.1' },
        remarks: 'Beta asks for more',
      },
      {
        source: { framework: 'ACME', control: 'A.1' },
        relationship: 'subset-of',
        target: { framework: 'BETA', control: 'A.2' },
        remarks: 'Beta asks for more',
      },
    ]);
  });

  it.each([
    [
      'an unknown relationship',
      mapping(
        `    - source: 'A.1'
      relationship: related-to
      targets: ['A.1']
`,
        'BETA',
      ),
      '/spec/maps/0/relationship',
      /"related-to" is not a relationship; expected equivalent-to, subset-of, superset-of, intersects-with/,
    ],
    [
      'a target control the framework does not have',
      mapping(
        `    - source: 'A.1'
      relationship: equivalent-to
      targets: ['A.1', 'A.9']
`,
        'BETA',
      ),
      '/spec/maps/0/targets/1',
      /BETA:A.9 is not a control of Beta controls \(beta.yaml\)/,
    ],
    [
      'a framework that is not loaded',
      mapping(
        `    - source: 'A.1'
      relationship: equivalent-to
      targets: ['A.1']
`,
        'GAMMA',
      ),
      '/spec/target',
      /unknown framework "GAMMA"; loaded frameworks: ACME, BETA/,
    ],
    [
      'the same pair mapped twice',
      mapping(
        `    - source: 'A.1'
      relationship: equivalent-to
      targets: ['A.1']
    - source: 'A.1'
      relationship: intersects-with
      targets: ['A.1']
`,
        'BETA',
      ),
      '/spec/maps/1/targets/0',
      /ACME:A.1 to BETA:A.1 is already mapped as equivalent-to/,
    ],
  ])('refuses %s, keeping the frameworks', (_what, content, path, message) => {
    const set = load(content);
    expect(set.mappings).toEqual([]);
    expect(set.frameworks.map(f => f.id)).toEqual(['ACME', 'BETA']);
    expect(set.problems).toEqual([
      expect.objectContaining({
        file: 'map.yaml',
        path,
        line: expect.any(Number),
        message: expect.stringMatching(message),
      }),
    ]);
  });
});
