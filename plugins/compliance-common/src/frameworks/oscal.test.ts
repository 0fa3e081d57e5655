import { oscalFile } from '../__testUtils__/repository';
import { loadFrameworks } from './loadFrameworks';
import { Framework } from './types';

// The NIST catalog is 3 MB: read and parse it once for the whole file.
const nist = oscalFile('nist-800-53-rev5/NIST_SP-800-53_rev5_catalog.json');
const nistData = JSON.parse(nist.content);
const lowProfile = oscalFile(
  'nist-800-53-rev5/NIST_SP-800-53_rev5_LOW-baseline_profile.json',
);
const highProfile = oscalFile(
  'nist-800-53-rev5/NIST_SP-800-53_rev5_HIGH-baseline_profile.json',
);
const pciCatalog = oscalFile(
  'complianceascode-pcidss4/catalogs/pcidss_4_ocp4/catalog.json',
);
const pciProfile = oscalFile(
  'complianceascode-pcidss4/profiles/ocp4-pcidss_4_ocp4-base/profile.json',
);

/** The NIST catalog with one change, as another file. */
function brokenNist(change: (catalog: any) => void, path = 'broken/nist.json') {
  const copy = structuredClone(nistData);
  change(copy.catalog);
  return { path, content: JSON.stringify(copy) };
}

const ids = (framework: Framework) => framework.controls.map(c => c.id);

describe('OSCAL catalogs and profiles of the corpus', () => {
  const set = loadFrameworks([
    nist,
    lowProfile,
    highProfile,
    oscalFile(
      'nist-800-53-rev5/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.yaml',
    ),
    oscalFile(
      'nist-800-53-rev5/NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.json',
    ),
    pciCatalog,
    pciProfile,
    oscalFile('nist-800-53-rev4/NIST_SP-800-53_rev4_catalog-min.json'),
    oscalFile('nist-examples/basic-catalog.json'),
  ]);
  const byId = (id: string) => set.frameworks.find(f => f.id === id)!;

  it('load without a problem, each under an id from its file name', () => {
    expect(set.problems).toEqual([]);
    expect(set.frameworks.map(f => [f.id, f.origin])).toEqual([
      ['NIST_SP-800-53_rev5_catalog', 'oscal-catalog'],
      ['NIST_SP-800-53_rev5_LOW-baseline_profile', 'oscal-profile'],
      ['NIST_SP-800-53_rev5_HIGH-baseline_profile', 'oscal-profile'],
      [
        'NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog',
        'oscal-catalog',
      ],
      [
        'NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog',
        'oscal-catalog',
      ],
      ['pcidss_4_ocp4', 'oscal-catalog'],
      ['ocp4-pcidss_4_ocp4-base', 'oscal-profile'],
      ['NIST_SP-800-53_rev4_catalog-min', 'oscal-catalog'],
      ['basic-catalog', 'oscal-catalog'],
    ]);
  });

  it('reads NIST SP 800-53 rev5: families, controls and their enhancements, withdrawn ones apart', () => {
    const rev5 = byId('NIST_SP-800-53_rev5_catalog');
    expect(rev5.title).toMatch(/^NIST Special Publication 800-53 Revision 5/);
    expect(rev5.version).toBe('5.0.1');
    expect(rev5.groups).toHaveLength(20);
    expect(rev5.groups[0]).toEqual({ id: 'ac', title: 'Access Control' });
    // 1,189 controls in the file, 182 of them withdrawn
    expect(rev5.controls.length + rev5.withdrawn.length).toBe(1189);
    expect(rev5.withdrawn).toHaveLength(182);
    expect(rev5.controls.find(c => c.id === 'ac-2.1')).toEqual({
      id: 'ac-2.1',
      title: 'Automated System Account Management',
      label: 'AC-2(1)',
      group: 'ac',
      parent: 'ac-2',
      validity: { days: 365 },
      tags: [],
    });
    expect(rev5.controls.find(c => c.id === 'ac-2')?.parent).toBeUndefined();
  });

  it('resolves the LOW baseline profile to the controls of NIST’s own resolved LOW catalog', () => {
    const resolved = byId('NIST_SP-800-53_rev5_LOW-baseline_profile');
    const published = byId(
      'NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog',
    );
    expect(resolved.controls).toHaveLength(149);
    expect(ids(resolved)).toEqual(ids(published));
    expect(resolved.title).toBe(published.title);
    expect(resolved.groups.map(g => g.id)).toEqual(
      published.groups.map(g => g.id),
    );
    expect(resolved.controls.find(c => c.id === 'ac-2')?.title).toBe(
      'Account Management',
    );
  });

  it('resolves the HIGH baseline to its 370 controls, enhancements under their controls', () => {
    const high = byId('NIST_SP-800-53_rev5_HIGH-baseline_profile');
    expect(high.controls).toHaveLength(370);
    expect(high.controls.find(c => c.id === 'ac-2.1')?.parent).toBe('ac-2');
    expect(
      byId('NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog')
        .controls,
    ).toHaveLength(287);
  });

  it('resolves the PCI DSS 4 profile against its catalog through a trestle:// href', () => {
    const catalog = byId('pcidss_4_ocp4');
    const profile = byId('ocp4-pcidss_4_ocp4-base');
    expect(catalog.controls).toHaveLength(351);
    expect(profile.controls).toHaveLength(251);
    expect(profile.controls[0]).toMatchObject({
      id: 'pcidss_4_ocp4_1-1.1',
      label: '1.1.1',
      group: 'pcidss_4_ocp4_1',
    });
    // the requirement it sits under is not in the profile, so it has no parent there
    expect(
      catalog.controls.find(c => c.id === 'pcidss_4_ocp4_1-1.1')?.parent,
    ).toBe('pcidss_4_ocp4_1-1');
    expect(profile.controls[0].parent).toBeUndefined();
  });

  it('reads rev4, which spells the withdrawn status with a capital', () => {
    const rev4 = byId('NIST_SP-800-53_rev4_catalog-min');
    expect(rev4.withdrawn).toHaveLength(96);
    expect(rev4.controls.length + rev4.withdrawn.length).toBe(922);
  });

  it('keeps nested groups nested', () => {
    const basic = byId('basic-catalog');
    expect(basic.groups).toContainEqual({
      id: 's1.1',
      title: 'Internal Organization',
      parent: 's1',
    });
    expect(basic.controls.map(c => c.group)).toContain('s1.1');
  });

  it('takes the id and validity a caller gives a file', () => {
    const { frameworks } = loadFrameworks([
      { ...pciCatalog, id: 'PCI-DSS-4', validity: { months: 3 } },
    ]);
    expect(frameworks[0].id).toBe('PCI-DSS-4');
    expect(frameworks[0].controls[0].validity).toEqual({ months: 3 });
  });
});

describe('broken OSCAL files', () => {
  it('name the file and the pointer of a control without a title, and the others still load', () => {
    const set = loadFrameworks([
      brokenNist(catalog => {
        delete catalog.groups[0].controls[1].controls[0].title;
      }),
      pciCatalog,
    ]);
    expect(set.frameworks.map(f => f.id)).toEqual(['pcidss_4_ocp4']);
    expect(set.problems).toEqual([
      {
        file: 'broken/nist.json',
        path: '/catalog/groups/0/controls/1/controls/0/title',
        message: 'is required',
      },
    ]);
  });

  it('name a control id that is not a token, and a duplicate id', () => {
    const set = loadFrameworks([
      brokenNist(catalog => {
        catalog.groups[2].controls[0].id = 'au 1';
        catalog.groups[3].controls[0].id = 'ac-1';
      }),
    ]);
    expect(set.frameworks).toEqual([]);
    expect(set.problems.map(p => [p.path, p.message])).toEqual([
      ['/catalog/groups/2/controls/0/id', '"au 1" is not an OSCAL token'],
      [
        '/catalog/groups/3/controls/0/id',
        'control "ac-1" is already defined at /catalog/groups/0/controls/0',
      ],
    ]);
  });

  it('name the line of a JSON syntax error', () => {
    const set = loadFrameworks([
      {
        path: 'truncated.json',
        content: nist.content.slice(0, 4000),
      },
    ]);
    expect(set.problems).toEqual([
      {
        file: 'truncated.json',
        path: '',
        line: expect.any(Number),
        message: expect.stringMatching(/^not valid JSON: /),
      },
    ]);
    expect(set.problems[0].line).toBeGreaterThan(1);
  });

  it('report a profile whose catalog is not loaded at its import', () => {
    const set = loadFrameworks([lowProfile]);
    expect(set.frameworks).toEqual([]);
    expect(set.problems).toEqual([
      {
        file: lowProfile.path,
        path: '/profile/imports/0/href',
        message: expect.stringMatching(
          /^imports .*NIST_SP-800-53_rev5_catalog\.xml or .*NIST_SP-800-53_rev5_catalog\.json or .*\.yaml, which is not among the loaded files$/,
        ),
      },
    ]);
  });

  it('report a profile whose catalog did not load', () => {
    const set = loadFrameworks([
      brokenNist(catalog => {
        delete catalog.metadata.title;
      }, 'nist/NIST_SP-800-53_rev5_catalog.json'),
      lowProfile,
    ]);
    expect(set.problems).toEqual([
      {
        file: 'nist/NIST_SP-800-53_rev5_catalog.json',
        path: '/catalog/metadata/title',
        message: 'is required',
      },
      {
        file: lowProfile.path,
        path: '/profile/imports/0/href',
        message:
          'imports nist/NIST_SP-800-53_rev5_catalog.json, which did not load',
      },
    ]);
  });

  it('report a profile selecting a control its catalog does not have', () => {
    const profile = JSON.parse(lowProfile.content);
    profile.profile.imports[0]['include-controls'][0]['with-ids'][3] = 'ac-99';
    const set = loadFrameworks([
      nist,
      { path: 'low.json', content: JSON.stringify(profile) },
    ]);
    expect(set.frameworks.map(f => f.id)).toEqual([
      'NIST_SP-800-53_rev5_catalog',
    ]);
    expect(set.problems).toEqual([
      {
        file: 'low.json',
        path: '/profile/imports/0/include-controls/0/with-ids/3',
        message: expect.stringMatching(
          /^"ac-99" is not a control of NIST Special Publication 800-53 Revision 5.* \(oscal\/nist-800-53-rev5\/NIST_SP-800-53_rev5_catalog\.json\)$/,
        ),
      },
    ]);
  });

  it('resolve include-all, exclusions, patterns and child controls', () => {
    const profile = (imports: unknown) => ({
      path: 'tailored.json',
      content: JSON.stringify({
        profile: {
          metadata: { title: 'Tailored' },
          imports: [
            {
              href: 'NIST_SP-800-53_rev5_catalog.json',
              ...(imports as object),
            },
          ],
        },
      }),
    });
    const load = (imports: unknown) =>
      loadFrameworks([nist, profile(imports)]).frameworks.find(
        f => f.id === 'tailored',
      )!;

    const all = load({
      'include-all': {},
      'exclude-controls': [{ matching: [{ pattern: 'pt-*' }] }],
    });
    expect(all.controls.length).toBeGreaterThan(900);
    expect(all.controls.some(c => c.id.startsWith('pt-'))).toBe(false);
    expect(all.groups.map(g => g.id)).not.toContain('pt');

    const withChildren = load({
      'include-controls': [
        { 'with-ids': ['ac-2'], 'with-child-controls': 'yes' },
      ],
    });
    expect(ids(withChildren)[0]).toBe('ac-2');
    expect(ids(withChildren)).toContain('ac-2.13');
    expect(
      withChildren.controls.every(c => c.id === 'ac-2' || c.parent === 'ac-2'),
    ).toBe(true);
    expect(withChildren.groups).toEqual([
      { id: 'ac', title: 'Access Control' },
    ]);
  });

  it('report profiles that import each other', () => {
    const importing = (path: string, href: string) => ({
      path,
      content: JSON.stringify({
        profile: {
          metadata: { title: path },
          imports: [{ href, 'include-all': {} }],
        },
      }),
    });
    const set = loadFrameworks([
      importing('a/profile-a.json', 'profile-b.json'),
      importing('b/profile-b.json', 'profile-a.json'),
    ]);
    expect(set.frameworks).toEqual([]);
    expect(set.problems.map(p => [p.file, p.path])).toEqual([
      ['a/profile-a.json', '/profile/imports/0/href'],
      ['b/profile-b.json', '/profile/imports/0/href'],
    ]);
  });
});
