import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  repositoryFile,
  repositoryFrameworkFiles,
  sampleEntities,
} from '../__testUtils__/repository';
import { ControlIndex, formatControlRef } from '../frameworks/controlRef';
import { loadFrameworks } from '../frameworks/loadFrameworks';
import { evaluateApplicability } from './evaluateApplicability';
import { readApplicability } from './readApplicability';
import { EntityApplicability } from './types';

describe('the scope of the sample catalog (compliance/applicability.yaml)', () => {
  const { frameworks } = loadFrameworks(repositoryFrameworkFiles());
  const ruleSet = readApplicability(
    repositoryFile('compliance/applicability.yaml'),
    frameworks,
  );
  const entities = sampleEntities();
  const domains = new Map(
    entities
      .filter(e => e.kind === 'System')
      .map(e => [
        stringifyEntityRef(e),
        `domain:default/${String(e.spec?.domain)}`,
      ]),
  );
  const context = {
    controls: new ControlIndex(frameworks),
    domainOf: (system: string) => domains.get(system),
  };
  const scopes = new Map<string, EntityApplicability>(
    entities.map(entity => {
      const scope = evaluateApplicability(entity, ruleSet.rules, context);
      return [scope.entityRef, scope];
    }),
  );
  const scopeOf = (ref: string) => scopes.get(ref)!;
  const controlsOf = (ref: string) =>
    scopeOf(ref).controls.map(c => formatControlRef(c.control));
  const rulesOf = (ref: string, control: string) =>
    scopeOf(ref).controls.find(c => formatControlRef(c.control) === control)
      ?.rules;

  it('has rules that read without a problem, and entities that declare their exceptions properly', () => {
    expect(ruleSet.problems).toEqual([]);
    expect(ruleSet.rules.length).toBeGreaterThanOrEqual(10);
    expect([...scopes.values()].flatMap(s => s.problems)).toEqual([]);
  });

  it('scopes the filing database for backups with tested restores, encryption and deletion', () => {
    const db = 'resource:default/filing-db';
    expect(controlsOf(db)).toEqual(
      expect.arrayContaining([
        'ISO27001:8.13',
        'ISO27001:8.14',
        'ISO27001:8.24',
        'ISO27001:8.10',
        'SOC2:A1.2',
        'SOC2:A1.3',
        'SOC2:C1.2',
      ]),
    );
    expect(rulesOf(db, 'SOC2:A1.2')).toEqual([
      'data-stores',
      'platform-resources',
    ]);
    // the event bus is a platform resource but no data store
    expect(controlsOf('resource:default/event-bus')).not.toContain(
      'ISO27001:8.13',
    );
    expect(controlsOf('resource:default/event-bus')).toContain('ISO27001:8.14');
  });

  it('holds the ledger and filings to processing integrity and record keeping', () => {
    for (const service of [
      'component:default/ledger',
      'component:default/filings',
    ]) {
      expect(controlsOf(service)).toEqual(
        expect.arrayContaining([
          'SOC2:PI1.1',
          'SOC2:PI1.5',
          'ISO27001:5.33',
          'SOC2:CC8.1',
          'ISO27001:8.32',
          'SOC2:P4.2',
          'ISO27001:5.34',
        ]),
      );
      expect(rulesOf(service, 'SOC2:CC2.3')).toEqual(['partner-facing']);
    }
    expect(controlsOf('component:default/assistant')).not.toContain(
      'SOC2:PI1.1',
    );
  });

  it('holds webhooks to the integrity of what comes in and goes out', () => {
    expect(rulesOf('component:default/webhooks', 'SOC2:PI1.2')).toEqual([
      'webhook-delivery',
    ]);
    expect(rulesOf('component:default/webhooks', 'ISO27001:5.14')).toEqual([
      'webhook-delivery',
      'partner-facing',
    ]);
  });

  it('keeps API contracts, deprecated ones included, under change control', () => {
    expect(rulesOf('api:default/ledger-api-v1', 'ISO27001:8.32')).toEqual([
      'published-apis',
    ]);
    expect(controlsOf('api:default/ocr-api')).toEqual([
      'ISO27001:8.26',
      'ISO27001:8.32',
      'SOC2:CC8.1',
    ]);
  });

  it('shows the sample not-applicable declarations with their justification', () => {
    const ocrBackup = scopeOf('component:default/ocr').controls.find(
      c => formatControlRef(c.control) === 'ISO27001:8.13',
    );
    expect(ocrBackup).toMatchObject({
      status: 'not-applicable',
      rules: ['production-services'],
      justification: expect.stringMatching(/^OCR keeps no data of its own/),
    });
    const outsourcing = scopeOf('system:default/filing-platform').controls.find(
      c => formatControlRef(c.control) === 'ISO27001:8.30',
    );
    expect(outsourcing).toMatchObject({
      status: 'not-applicable',
      justification: expect.stringMatching(/^No development is outsourced/),
    });
    const declared = [...scopes.values()].flatMap(s =>
      s.controls
        .filter(c => c.status === 'not-applicable')
        .map(c => `${s.entityRef} ${formatControlRef(c.control)}`),
    );
    expect(declared).toEqual([
      'system:default/filing-platform ISO27001:8.30',
      'component:default/ocr ISO27001:8.13',
    ]);
  });

  it('runs the company programme once, on the filing platform', () => {
    const programme = controlsOf('system:default/filing-platform');
    expect(programme).toEqual(
      expect.arrayContaining([
        'SOC2:CC1.1',
        'SOC2:CC9.2',
        'ISO27001:6.1',
        'ISO27001:7.14',
      ]),
    );
    expect(controlsOf('system:default/readiness-portal')).toEqual([]);
  });

  it('treats the portal backend as the keeper of evidence, with personal data through its domain', () => {
    const portal = 'component:default/readiness-portal-backend';
    expect(rulesOf(portal, 'ISO27001:5.33')).toEqual(['evidence-keeper']);
    expect(rulesOf(portal, 'ISO27001:5.34')).toEqual(['personal-data']);
    expect(controlsOf('component:default/readiness-partner-common')).toEqual(
      [],
    );
  });

  it('applies nothing to people and teams', () => {
    const people = [...scopes.values()].filter(s =>
      /^(user|group):/.test(s.entityRef),
    );
    expect(people.length).toBeGreaterThan(0);
    expect(people.flatMap(s => s.controls)).toEqual([]);
  });
});
