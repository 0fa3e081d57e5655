/*
 * The sample compliance history of the sample platform (services/*, the
 * filing-platform system and its data stores): what people, pipelines and
 * outside parties would have filed over the last year besides what the
 * portal files by itself (drills, restores, gates, API lint).
 *
 * Each plan is a kind of evidence that recurs for some entities: an access
 * review every twelve weeks, a dependency scan every fortnight, a pen test
 * report once a year. One occurrence of each entity falls on a day counted
 * from the history's origin (the day this database's sample history began),
 * the others every so many days from it, so the first start always shows
 * the same picture: mostly fresh, a few reviews and reports in their last
 * 30 days, some that stopped and expired, two failing results, two
 * withdrawn items and many controls nobody has filed for. After the origin
 * the plans go on, so a portal left running gets each new review and scan.
 *
 * Every item is a pure function of its plan, its entity and its UTC day
 * (and of the origin, for the failing results), under an idempotency key
 * made of the three: filing again changes nothing.
 */
import { parseEntityRef } from '@backstage/catalog-model';
import {
  EvidenceSource,
  NewEvidence,
  SAMPLE_KEY_PREFIX,
} from '@readiness/plugin-compliance-common';
import {
  addDays,
  atTime,
  daysBetween,
  isoWeekOf,
  sampleRandom,
  wholeBetween,
} from '@readiness/sample-data';

/** How far before its origin the history goes back, in days. */
export const HISTORY_DAYS = 365;

/** Said in the description of every sample item. */
export const SAMPLE_NOTE =
  'Sample data for a first start of the portal (readinessPortal.sampleData.enabled; docs/operations/sample-data.md).';

/** A filing as `POST /v1/evidence` takes it, with the key that marks it. */
export type SampleFiling = NewEvidence & { idempotencyKey: string };

/** One sample item, and the reason it is withdrawn when it is. */
export type SampleEvidence = {
  filing: SampleFiling;
  withdrawal?: { reason: string };
};

/** What a plan's texts are made from: one occurrence of it. */
type Occurrence = {
  /** The entity's name. */
  name: string;
  day: string;
  satisfied: boolean;
  random: () => number;
};

/** One entity of a plan and where its occurrences fall. */
type PlanEntity = {
  entityRef: string;
  /** Days from the origin (≤ 0) to one occurrence; the others every `everyDays` from it. */
  at: number;
  /** The entity's occurrences stop this many days from the origin: nobody files any more. */
  stopsAfter?: number;
  /** Days from the origin (both included) whose occurrences are not satisfied. */
  failing?: [number, number];
  /** Instead of the plan's title. */
  title?: string;
  /** The occurrence on the day `at` is withdrawn, for this reason. */
  withdrawn?: string;
};

/** A kind of evidence that recurs for some entities. */
type EvidencePlan = {
  /** In every key: `sample:<id>/<entity name>/<day>`. */
  id: string;
  source: Extract<EvidenceSource, 'manual' | 'pipeline' | 'external'>;
  /** Valid ids of the loaded frameworks (compliance/frameworks). */
  controls: string[];
  everyDays: number;
  /** How far before the origin occurrences go back; HISTORY_DAYS by default. */
  historyDays?: number;
  /** The hours (UTC) an occurrence is collected in: office hours, or at night for pipelines. */
  hours: [number, number];
  title: (o: Occurrence) => string;
  /** What the item shows, in a sentence. */
  description: string;
  link: (o: Occurrence) => string;
  entities: PlanEntity[];
};

const SYSTEM = 'system:default/filing-platform';
const service = (name: string) => `component:default/${name}`;
const resource = (name: string) => `resource:default/${name}`;

const ticket = (o: Occurrence, project: string) =>
  `https://tickets.example.com/browse/${project}-${wholeBetween(
    o.random,
    100,
    999,
  )}`;

const findings = (o: Occurrence, kind: string) => {
  const count = wholeBetween(o.random, 1, 3);
  return `${count} ${kind} finding${count === 1 ? '' : 's'}`;
};

/** Each plan's entities and where their occurrences fall; see the module's note. */
export const EVIDENCE_PLANS: EvidencePlan[] = [
  {
    id: 'access-review',
    source: 'manual',
    controls: [
      'SOC2:CC6.1',
      'SOC2:CC6.2',
      'SOC2:CC6.3',
      'ISO27001:5.15',
      'ISO27001:5.18',
      'ISO27001:8.2',
    ],
    everyDays: 84,
    hours: [9, 17],
    title: o =>
      `Access review of ${o.name}: production roles and break-glass accounts confirmed by the owning team`,
    description:
      'Every person and service account with production access, its role and its last use, confirmed or removed by the owning team lead.',
    link: o => ticket(o, 'SEC'),
    entities: [
      { entityRef: service('api-gateway'), at: -10 },
      { entityRef: service('documents'), at: -25 },
      { entityRef: service('ocr'), at: -40 },
      // The team stopped reviewing: the last review has expired
      { entityRef: service('classification'), at: -110, stopsAfter: -110 },
      { entityRef: service('ledger'), at: -65 },
      { entityRef: service('filings'), at: -5 },
      { entityRef: service('assistant'), at: -72 },
      { entityRef: service('webhooks'), at: -30 },
      { entityRef: service('billing'), at: -50 },
    ],
  },
  {
    id: 'dependency-scan',
    source: 'pipeline',
    controls: ['SOC2:CC7.1', 'ISO27001:8.8'],
    everyDays: 14,
    historyDays: 119,
    hours: [2, 5],
    title: o =>
      o.satisfied
        ? `Dependency scan of ${o.name}: no high or critical findings`
        : `Dependency scan of ${o.name}: ${findings(
            o,
            'critical',
          )} without a fixed version`,
    description:
      'Software composition analysis of the service’s lockfiles and container image against the advisory databases.',
    link: o => `https://ci.example.com/${o.name}/dependency-scan/${o.day}`,
    entities: [
      { entityRef: service('api-gateway'), at: -1 },
      // A vulnerable PDF library since ten days before the origin, fixed four weeks later
      { entityRef: service('documents'), at: -3, failing: [-10, 25] },
      { entityRef: service('ocr'), at: -2 },
      { entityRef: service('classification'), at: -6 },
      { entityRef: service('ledger'), at: -4 },
      { entityRef: service('filings'), at: -5 },
      { entityRef: service('assistant'), at: -8 },
      // One failed scan, passing again two weeks later
      { entityRef: service('webhooks'), at: -3, failing: [-20, -15] },
      { entityRef: service('billing'), at: -7 },
    ],
  },
  {
    id: 'static-analysis',
    source: 'pipeline',
    controls: ['ISO27001:8.28', 'ISO27001:8.29'],
    everyDays: 28,
    historyDays: 168,
    hours: [1, 4],
    title: o =>
      o.satisfied
        ? `Static analysis of ${o.name}’s main branch: no high findings`
        : `Static analysis of ${o.name}’s main branch: ${findings(
            o,
            'high',
          )} (SQL built from strings in the export job)`,
    description:
      'Static application security testing of the main branch with the company rule set.',
    link: o => `https://ci.example.com/${o.name}/sast/${o.day}`,
    entities: [
      { entityRef: service('api-gateway'), at: -9 },
      { entityRef: service('documents'), at: -12 },
      { entityRef: service('classification'), at: -20 },
      { entityRef: service('ledger'), at: -5, failing: [-6, 20] },
      { entityRef: service('filings'), at: -14 },
      { entityRef: service('billing'), at: -16 },
      { entityRef: service('webhooks'), at: -11 },
    ],
  },
  {
    id: 'change-approval',
    source: 'pipeline',
    controls: ['SOC2:CC8.1', 'ISO27001:8.32'],
    everyDays: 21,
    historyDays: 180,
    hours: [10, 16],
    title: o => {
      const { year, week } = isoWeekOf(o.day);
      return `Change approved for ${o.name} release ${year}.${String(
        week,
      ).padStart(2, '0')}: two reviewers, tests and migrations checked`;
    },
    description:
      'The release’s merge request, approved by two reviewers other than its author after the pipeline passed.',
    link: o =>
      `https://git.example.com/filing-platform/${
        o.name
      }/-/merge_requests/${wholeBetween(o.random, 200, 2000)}`,
    entities: [
      { entityRef: service('api-gateway'), at: -4 },
      { entityRef: service('documents'), at: -9 },
      { entityRef: service('ocr'), at: -13 },
      { entityRef: service('classification'), at: -17 },
      { entityRef: service('ledger'), at: -2 },
      { entityRef: service('filings'), at: -6 },
      { entityRef: service('assistant'), at: -19 },
      { entityRef: service('webhooks'), at: -11 },
      { entityRef: service('billing'), at: -15 },
    ],
  },
  {
    id: 'monitoring-review',
    source: 'manual',
    controls: ['SOC2:CC7.2', 'ISO27001:8.15', 'ISO27001:8.16'],
    everyDays: 84,
    hours: [9, 17],
    title: o =>
      o.satisfied
        ? `Alerting and audit logging of ${o.name} reviewed: every alert reaches on-call, logs kept 13 months`
        : `Alerting review of ${o.name}: ${findings(
            o,
            'paging',
          )}, alerts not routed to on-call`,
    description:
      'The service’s alerts, who they page and its audit log retention, reviewed by the owning team with the security team.',
    link: o => ticket(o, 'OPS'),
    entities: [
      { entityRef: service('api-gateway'), at: -20 },
      { entityRef: service('documents'), at: -45 },
      { entityRef: service('ledger'), at: -12 },
      { entityRef: service('filings'), at: -33 },
      { entityRef: service('billing'), at: -68 },
      { entityRef: service('webhooks'), at: -52 },
      { entityRef: service('classification'), at: -15, failing: [-20, 0] },
    ],
  },
  {
    id: 'capacity-review',
    source: 'manual',
    controls: ['SOC2:A1.1', 'ISO27001:8.6'],
    everyDays: 84,
    hours: [9, 17],
    title: o =>
      `Capacity review of ${o.name}: headroom for the next quarter’s forecast`,
    description:
      'Peak load, saturation and the next quarter’s forecast, with the scaling limits raised where needed.',
    link: o => ticket(o, 'OPS'),
    entities: [
      { entityRef: service('ledger'), at: -18 },
      { entityRef: service('documents'), at: -26 },
      { entityRef: service('api-gateway'), at: -40 },
      { entityRef: service('filings'), at: -70 },
      { entityRef: service('billing'), at: -95, stopsAfter: -95 },
    ],
  },
  {
    id: 'incident-exercise',
    source: 'manual',
    controls: ['SOC2:CC7.3', 'SOC2:CC7.4', 'SOC2:CC7.5'],
    everyDays: 365,
    hours: [13, 16],
    title: o =>
      `Incident response exercise: ${o.name} outage tabletop, lessons recorded`,
    description:
      'A tabletop exercise of an outage of the service: triage, containment, communication and recovery, with its follow-ups.',
    link: o => ticket(o, 'INC'),
    entities: [
      { entityRef: service('ledger'), at: -200 },
      { entityRef: service('filings'), at: -200 },
      { entityRef: service('documents'), at: -130 },
      { entityRef: service('billing'), at: -130 },
    ],
  },
  {
    id: 'encryption-review',
    source: 'manual',
    controls: ['SOC2:C1.1', 'SOC2:CC6.7', 'ISO27001:8.24'],
    everyDays: 365,
    hours: [9, 17],
    title: o =>
      `Encryption of ${o.name} reviewed: TLS 1.2+ in transit, keys in the KMS, rotation on`,
    description:
      'Cipher suites of every listener, encryption at rest of the service’s data and the rotation of its keys.',
    link: o => ticket(o, 'SEC'),
    entities: [
      { entityRef: service('ledger'), at: -340 },
      { entityRef: service('documents'), at: -150 },
      { entityRef: service('billing'), at: -90 },
      { entityRef: service('filings'), at: -210 },
      { entityRef: service('assistant'), at: -60 },
      { entityRef: service('api-gateway'), at: -120 },
      { entityRef: service('webhooks'), at: -180 },
    ],
  },
  {
    id: 'retention-check',
    source: 'pipeline',
    controls: ['SOC2:P4.2', 'SOC2:P4.3', 'SOC2:C1.2', 'ISO27001:8.10'],
    everyDays: 28,
    historyDays: 168,
    hours: [3, 5],
    title: o =>
      `Retention job of ${o.name}: expired records deleted, deletion log verified`,
    description:
      'The monthly run of the retention job: what it deleted, checked against the record of processing’s retention.',
    link: o => `https://ci.example.com/${o.name}/retention/${o.day}`,
    entities: [
      { entityRef: service('documents'), at: -3 },
      { entityRef: service('assistant'), at: -6 },
      { entityRef: service('ocr'), at: -9 },
    ],
  },
  {
    id: 'pen-test',
    source: 'external',
    controls: ['SOC2:CC6.6', 'ISO27001:8.29'],
    everyDays: 365,
    hours: [10, 16],
    title: o =>
      `Penetration test report ${o.day.slice(0, 4)}: ${
        o.name
      } (external, annual)`,
    description:
      'The annual penetration test of the partner-facing services by an outside firm: scope, findings and their severity.',
    link: o =>
      `https://security.example.com/reports/pentest-${o.day.slice(0, 4)}-${
        o.name
      }.pdf`,
    entities: [
      { entityRef: service('api-gateway'), at: -152 },
      { entityRef: service('documents'), at: -152 },
      { entityRef: service('filings'), at: -152 },
      { entityRef: service('ledger'), at: -152 },
      { entityRef: service('webhooks'), at: -152 },
    ],
  },
  {
    id: 'pen-test-retest',
    source: 'external',
    controls: ['SOC2:CC6.6', 'ISO27001:8.29'],
    everyDays: 365,
    hours: [10, 16],
    title: o => `Penetration test retest: ${o.name}’s findings fixed`,
    description:
      'The outside firm’s retest of the medium findings of the annual penetration test.',
    link: o =>
      `https://security.example.com/reports/retest-${o.day.slice(0, 4)}-${
        o.name
      }.pdf`,
    entities: [
      { entityRef: service('ledger'), at: -95 },
      { entityRef: service('documents'), at: -95 },
    ],
  },
  {
    // Titled as the services' records of processing name their DPAs
    // (readiness.dev/gdpr), for the DPA control (compliance.gdpr.dpaControl)
    id: 'dpa',
    source: 'manual',
    controls: ['SOC2:P6.4'],
    everyDays: 365,
    hours: [9, 17],
    title: () => 'Data processing agreement',
    description:
      'The signed data processing agreement with the processor the service’s record of processing names.',
    link: o => `https://legal.example.com/contracts/dpa/${o.name}`,
    entities: [
      {
        entityRef: service('assistant'),
        at: -160,
        title: 'Cloud infrastructure provider DPA',
      },
      {
        entityRef: service('billing'),
        at: -160,
        title: 'Cloud infrastructure provider DPA',
      },
      {
        entityRef: service('documents'),
        at: -160,
        title: 'Cloud infrastructure provider DPA',
      },
      {
        entityRef: service('ledger'),
        at: -160,
        title: 'Cloud infrastructure provider DPA',
      },
      {
        entityRef: service('ocr'),
        at: -160,
        title: 'Cloud infrastructure provider DPA',
      },
    ],
  },
  {
    id: 'payment-dpa',
    source: 'manual',
    controls: ['SOC2:P6.4'],
    everyDays: 365,
    hours: [9, 17],
    title: () => 'Payment service provider DPA',
    description:
      'The signed data processing agreement with the payment service provider.',
    link: () => 'https://legal.example.com/contracts/dpa/payment-provider',
    entities: [
      {
        entityRef: service('billing'),
        at: -120,
        withdrawn:
          'The provider amended its DPA since; the signed amendment is still with legal, so this version no longer covers the processing.',
      },
    ],
  },
  {
    // The anchor of the history: the origin is found from this item
    id: 'policy-acknowledgement',
    source: 'manual',
    controls: [
      'SOC2:CC1.1',
      'SOC2:CC1.5',
      'SOC2:CC2.2',
      'SOC2:CC5.3',
      'ISO27001:5.1',
      'ISO27001:5.4',
      'ISO27001:5.37',
    ],
    everyDays: 365,
    hours: [9, 17],
    title: o =>
      `Information security policy ${o.day.slice(
        0,
        4,
      )} acknowledged by all staff`,
    description:
      'The yearly acknowledgement of the information security policy and the operating procedures by every employee and contractor.',
    link: o => ticket(o, 'HR'),
    entities: [{ entityRef: SYSTEM, at: -120 }],
  },
  {
    id: 'acceptable-use',
    source: 'manual',
    controls: ['SOC2:CC5.2', 'ISO27001:5.10', 'ISO27001:6.7', 'ISO27001:8.1'],
    everyDays: 365,
    hours: [9, 17],
    title: () =>
      'Acceptable use and remote working rules acknowledged by all staff',
    description:
      'The yearly acknowledgement of the rules for company devices, remote work and information handling.',
    link: o => ticket(o, 'HR'),
    entities: [{ entityRef: SYSTEM, at: -340 }],
  },
  {
    id: 'security-training',
    source: 'manual',
    controls: ['SOC2:CC1.4', 'ISO27001:6.3'],
    everyDays: 365,
    hours: [9, 17],
    title: () => 'Security awareness training completed by 100 % of staff',
    description:
      'Completion report of the yearly security awareness training, with the role-based modules for engineers.',
    link: o => ticket(o, 'HR'),
    entities: [{ entityRef: SYSTEM, at: -200 }],
  },
  {
    id: 'risk-assessment',
    source: 'manual',
    controls: [
      'SOC2:CC3.1',
      'SOC2:CC3.2',
      'SOC2:CC3.3',
      'SOC2:CC3.4',
      'SOC2:CC5.1',
      'SOC2:CC9.1',
      'ISO27001:5.7',
    ],
    everyDays: 365,
    hours: [9, 17],
    title: () =>
      'Annual risk assessment of the filing platform approved by management',
    description:
      'The risk register with likelihood, impact, owners and treatment, fraud and disruption risks included.',
    link: o => ticket(o, 'RISK'),
    entities: [{ entityRef: SYSTEM, at: -345 }],
  },
  {
    id: 'vendor-review',
    source: 'manual',
    controls: [
      'SOC2:CC9.2',
      'SOC2:P6.1',
      'SOC2:P6.4',
      'SOC2:P6.5',
      'ISO27001:5.19',
      'ISO27001:5.20',
      'ISO27001:5.21',
      'ISO27001:5.22',
      'ISO27001:5.23',
    ],
    everyDays: 365,
    hours: [9, 17],
    title: () => 'Vendor risk review: critical suppliers and their DPAs',
    description:
      'Each critical supplier’s security assessment, certifications, DPA and breach notification terms, reviewed.',
    link: o => ticket(o, 'RISK'),
    entities: [{ entityRef: SYSTEM, at: -90 }],
  },
  {
    id: 'management-review',
    source: 'manual',
    controls: ['SOC2:CC1.2', 'SOC2:CC1.3', 'ISO27001:5.2', 'ISO27001:5.3'],
    everyDays: 91,
    hours: [14, 17],
    title: () =>
      'Quarterly security steering meeting: minutes, roles and decisions',
    description:
      'Minutes of the security steering meeting with the board’s representative: roles, reporting lines and decisions.',
    link: o => ticket(o, 'GOV'),
    entities: [{ entityRef: SYSTEM, at: -30 }],
  },
  {
    id: 'internal-audit',
    source: 'external',
    controls: ['SOC2:CC4.1', 'SOC2:CC4.2', 'ISO27001:5.35', 'ISO27001:5.36'],
    everyDays: 365,
    hours: [10, 16],
    title: () => 'Independent review of the control programme',
    description:
      'An outside auditor’s review of the controls and of how their weaknesses reached the people who fix them.',
    link: o =>
      `https://security.example.com/reports/audit-${o.day.slice(0, 4)}.pdf`,
    entities: [{ entityRef: SYSTEM, at: -60 }],
  },
  {
    id: 'hosting-attestation',
    source: 'external',
    controls: [
      'SOC2:CC6.4',
      'ISO27001:7.1',
      'ISO27001:7.2',
      'ISO27001:7.3',
      'ISO27001:7.4',
      'ISO27001:7.5',
      'ISO27001:7.8',
      'ISO27001:7.11',
      'ISO27001:7.12',
      'ISO27001:7.13',
    ],
    everyDays: 365,
    hours: [10, 16],
    title: () =>
      'Cloud provider SOC 2 Type II report: physical and environmental controls',
    description:
      'The hosting provider’s attestation report covering its data centres’ physical access and environmental protection.',
    link: o =>
      `https://security.example.com/vendors/cloud-provider-soc2-${o.day.slice(
        0,
        4,
      )}.pdf`,
    entities: [{ entityRef: SYSTEM, at: -300 }],
  },
  {
    id: 'continuity-test',
    source: 'manual',
    controls: ['SOC2:A1.3', 'ISO27001:5.29', 'ISO27001:5.30'],
    everyDays: 365,
    hours: [9, 17],
    title: () =>
      'Business continuity plan test: loss of the primary region, simulated',
    description:
      'A test of the business continuity plan across the platform: who decides, who communicates, what runs from the second region.',
    link: o => ticket(o, 'BCP'),
    entities: [{ entityRef: SYSTEM, at: -200 }],
  },
  {
    id: 'endpoint-protection',
    source: 'pipeline',
    controls: ['SOC2:CC6.8', 'ISO27001:8.7', 'ISO27001:8.1'],
    everyDays: 28,
    historyDays: 168,
    hours: [4, 6],
    title: () =>
      'Endpoint protection report: every laptop enrolled, signatures current',
    description:
      'The device management report: enrolment, disk encryption and malware protection of every company laptop.',
    link: o => `https://mdm.example.com/reports/${o.day}`,
    entities: [{ entityRef: SYSTEM, at: -6 }],
  },
  {
    id: 'privacy-notice-review',
    source: 'manual',
    controls: ['SOC2:P1.1', 'SOC2:P2.1', 'SOC2:P3.1'],
    everyDays: 365,
    hours: [9, 17],
    title: () =>
      'Privacy notice and consent flows reviewed against the records of processing',
    description:
      'The privacy notice, the consent screens and what the services collect, compared with the records of processing.',
    link: o => ticket(o, 'LEGAL'),
    entities: [{ entityRef: SYSTEM, at: -150 }],
  },
  {
    id: 'incident-plan',
    source: 'manual',
    controls: [
      'ISO27001:5.24',
      'ISO27001:5.25',
      'ISO27001:5.26',
      'ISO27001:5.27',
      'ISO27001:5.28',
    ],
    everyDays: 365,
    hours: [9, 17],
    title: () => 'Incident response plan reviewed and approved',
    description:
      'The incident response plan: roles, classification, procedures, evidence handling and how lessons are fed back.',
    link: o => ticket(o, 'SEC'),
    entities: [{ entityRef: SYSTEM, at: -250 }],
  },
  {
    id: 'background-checks',
    source: 'manual',
    controls: ['ISO27001:6.1'],
    everyDays: 365,
    hours: [9, 17],
    title: () => 'Background checks of new joiners, second half-year',
    description:
      'Confirmation that every new joiner was checked before joining.',
    link: o => ticket(o, 'HR'),
    entities: [
      {
        entityRef: SYSTEM,
        at: -40,
        withdrawn:
          'Filed for the wrong period: the checks of this half-year’s joiners are still being collected.',
      },
    ],
  },
  {
    id: 'backup-review',
    source: 'manual',
    controls: ['SOC2:A1.2', 'ISO27001:8.13', 'ISO27001:8.14'],
    everyDays: 84,
    hours: [9, 17],
    title: o =>
      `Backup configuration of ${o.name} reviewed: schedules, retention and a second region`,
    description:
      'Backup schedules, retention, replication to the second region and who may delete backups.',
    link: o => ticket(o, 'OPS'),
    entities: [
      { entityRef: resource('filing-db'), at: -20 },
      { entityRef: resource('document-store'), at: -66 },
    ],
  },
  {
    id: 'storage-access-review',
    source: 'manual',
    controls: ['SOC2:CC6.1', 'ISO27001:8.2', 'ISO27001:8.3'],
    everyDays: 84,
    hours: [9, 17],
    title: o =>
      `Access review of ${o.name}: administrative and service roles confirmed`,
    description:
      'Administrative access and the services’ roles on the data store, confirmed or removed.',
    link: o => ticket(o, 'SEC'),
    entities: [
      { entityRef: resource('filing-db'), at: -35 },
      { entityRef: resource('document-store'), at: -8 },
      { entityRef: resource('event-bus'), at: -100, stopsAfter: -100 },
    ],
  },
  {
    id: 'storage-encryption',
    source: 'manual',
    controls: ['SOC2:C1.1', 'ISO27001:8.24'],
    everyDays: 365,
    hours: [9, 17],
    title: o =>
      `Encryption at rest of ${o.name} reviewed: volumes and backups with KMS keys`,
    description:
      'Encryption of the data store’s volumes, snapshots and backups, and the rotation of their keys.',
    link: o => ticket(o, 'SEC'),
    entities: [
      { entityRef: resource('filing-db'), at: -342 },
      { entityRef: resource('document-store'), at: -150 },
    ],
  },
];

/** The plan and entity whose first occurrence dates a history: the policy acknowledgement. */
export const ANCHOR = {
  plan: 'policy-acknowledgement',
  entityRef: SYSTEM,
  at: -120,
};

function nameOf(entityRef: string): string {
  return parseEntityRef(entityRef).name;
}

/** The key of a plan's item for an entity on a day. */
export function sampleKey(plan: string, entityRef: string, day: string) {
  return `${SAMPLE_KEY_PREFIX}${plan}/${nameOf(entityRef)}/${day}`;
}

/**
 * The origin of a history whose anchor item is keyed `key`, or undefined
 * for another key.
 */
export function originOfAnchorKey(key: string | undefined): string | undefined {
  const prefix = sampleKey(ANCHOR.plan, ANCHOR.entityRef, '');
  if (!key?.startsWith(prefix)) return undefined;
  const day = key.slice(prefix.length);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? addDays(day, -ANCHOR.at) : undefined;
}

/** Days from the origin of a plan's occurrences for an entity, up to `last`. */
function offsetsOf(
  plan: EvidencePlan,
  entity: PlanEntity,
  last: number,
): number[] {
  const first = -(plan.historyDays ?? HISTORY_DAYS);
  const end = Math.min(last, entity.stopsAfter ?? last);
  const offsets: number[] = [];
  let k = Math.ceil((first - entity.at) / plan.everyDays);
  for (let offset = entity.at + k * plan.everyDays; offset <= end; ) {
    offsets.push(offset);
    k += 1;
    offset = entity.at + k * plan.everyDays;
  }
  return offsets;
}

function itemOf(
  plan: EvidencePlan,
  entity: PlanEntity,
  origin: string,
  offset: number,
): SampleEvidence {
  const day = addDays(origin, offset);
  const random = sampleRandom('evidence', plan.id, entity.entityRef, day);
  const failing =
    !!entity.failing &&
    offset >= entity.failing[0] &&
    offset <= entity.failing[1];
  const occurrence: Occurrence = {
    name: nameOf(entity.entityRef),
    day,
    satisfied: !failing,
    random,
  };
  const collectedAt = atTime(
    day,
    wholeBetween(random, plan.hours[0], plan.hours[1] - 1),
    wholeBetween(random, 0, 59),
    wholeBetween(random, 0, 59),
  );
  return {
    filing: {
      entityRef: entity.entityRef,
      controls: plan.controls,
      source: plan.source,
      title: entity.title ?? plan.title(occurrence),
      description: `${plan.description} ${SAMPLE_NOTE}`,
      link: plan.link(occurrence),
      collectedAt,
      result: failing ? 'not-satisfied' : 'satisfied',
      idempotencyKey: sampleKey(plan.id, entity.entityRef, day),
    },
    ...(entity.withdrawn !== undefined &&
      offset === entity.at && { withdrawal: { reason: entity.withdrawn } }),
  };
}

/**
 * The sample history of a database whose sample history began on `origin`,
 * as of `now`: only what was collected by now, oldest first.
 */
export function sampleComplianceHistory(options: {
  origin: string;
  now: Date;
  plans?: EvidencePlan[];
}): SampleEvidence[] {
  const { origin, now } = options;
  const last = daysBetween(origin, now.toISOString().slice(0, 10));
  const items: SampleEvidence[] = [];
  for (const plan of options.plans ?? EVIDENCE_PLANS) {
    for (const entity of plan.entities) {
      for (const offset of offsetsOf(plan, entity, last)) {
        const item = itemOf(plan, entity, origin, offset);
        if (Date.parse(item.filing.collectedAt) > now.getTime()) continue;
        items.push(item);
      }
    }
  }
  return items.sort(
    (a, b) =>
      a.filing.collectedAt.localeCompare(b.filing.collectedAt) ||
      a.filing.idempotencyKey.localeCompare(b.filing.idempotencyKey),
  );
}

/** Every catalog entity the plans name, sorted. */
export function sampleEntityRefs(plans = EVIDENCE_PLANS): string[] {
  return [
    ...new Set(plans.flatMap(plan => plan.entities.map(e => e.entityRef))),
  ].sort();
}

export type { EvidencePlan };
