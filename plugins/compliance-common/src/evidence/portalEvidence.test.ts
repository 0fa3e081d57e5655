import { loadFrameworks } from '../frameworks/loadFrameworks';
import {
  repositoryFile,
  repositoryFrameworkFiles,
} from '../__testUtils__/repository';
import {
  PORTAL_EVIDENCE_KINDS,
  readPortalEvidenceMapping,
} from './portalEvidence';

const { frameworks } = loadFrameworks(repositoryFrameworkFiles());

describe('readPortalEvidenceMapping', () => {
  it('maps every kind of portal event of the repository to controls', () => {
    const mapping = readPortalEvidenceMapping(
      repositoryFile('compliance/portal-evidence.yaml'),
      frameworks,
    );
    expect(mapping.problems).toEqual([]);
    expect(Object.keys(mapping.rules).sort()).toEqual(
      [...PORTAL_EVIDENCE_KINDS].sort(),
    );
    expect(mapping.rules['drill-within-targets']).toMatchObject({
      source: 'drill',
      filers: ['plugin:reliability'],
      controls: [
        { framework: 'SOC2', control: 'A1.3' },
        { framework: 'ISO27001', control: '5.30' },
      ],
    });
  });

  it('names what is wrong by JSON pointer and keeps what reads', () => {
    const mapping = readPortalEvidenceMapping(
      {
        path: 'portal-evidence.yaml',
        content: [
          'apiVersion: readiness.dev/v1',
          'kind: PortalEvidence',
          'spec:',
          '  kinds:',
          '    gate-passed:',
          '      source: gate',
          '      filers: [plugin:reliability]',
          "      controls: ['SOC2:CC8.1', 'SOC2:CC99.1', 'nonsense']",
          '    backup-restore-tested:',
          '      source: tape',
          '      filers: [plugin:reliability]',
          "      controls: ['ISO27001:8.13']",
          '    drill-within-targets:',
          '      source: drill',
          '      filers: [plugin:reliability, reliability]',
          "      controls: ['SOC2:A1.3']",
          '    api-lint-clean:',
          '      source: api-lint',
          "      controls: ['SOC2:CC8.1']",
          '    coffee-brewed:',
          '      source: manual',
          "      controls: ['SOC2:CC8.1']",
        ].join('\n'),
      },
      frameworks,
    );
    expect(mapping.rules['gate-passed']?.controls).toEqual([
      { framework: 'SOC2', control: 'CC8.1' },
    ]);
    expect(mapping.rules['gate-passed']?.filers).toEqual([
      'plugin:reliability',
    ]);
    expect(mapping.rules['backup-restore-tested']).toBeUndefined();
    // A filer that is not a plugin is left out; a kind without any files nothing
    expect(mapping.rules['drill-within-targets']?.filers).toEqual([
      'plugin:reliability',
    ]);
    expect(mapping.rules['api-lint-clean']).toBeUndefined();
    expect(mapping.problems.map(p => [p.path, p.message])).toEqual([
      ['/spec/kinds/coffee-brewed', expect.stringMatching(/^unknown field/)],
      [
        '/spec/kinds/gate-passed/controls/1',
        expect.stringContaining('SOC2:CC99.1 is not a control of'),
      ],
      [
        '/spec/kinds/gate-passed/controls/2',
        expect.stringContaining('"nonsense" is not a control reference'),
      ],
      [
        '/spec/kinds/backup-restore-tested/source',
        expect.stringContaining('"tape" is not an evidence source'),
      ],
      [
        '/spec/kinds/drill-within-targets/filers/1',
        expect.stringContaining(
          '"reliability" is not a plugin\'s service principal',
        ),
      ],
      ['/spec/kinds/api-lint-clean/filers', 'is required'],
    ]);
  });
});
