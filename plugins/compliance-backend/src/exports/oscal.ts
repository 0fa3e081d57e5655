/*
 * The pieces of the OSCAL documents the exports write (OSCAL 1.2.1, JSON):
 * observations of evidence items, findings of an entity's controls and the
 * components of a System. Identifiers an auditor compares across exports are
 * name-based (UUID version 5 in the portal's namespace): an entity is the
 * same subject and component in every document, and an entity's control the
 * same finding. Evidence items keep their own (random) ids.
 */
import { createHash } from 'node:crypto';
import { JsonObject } from '@backstage/types';
import {
  ControlState,
  EvidenceItem,
  EvidenceSource,
  Framework,
} from '@readiness/plugin-compliance-common';
import { IndexedControl, IndexedEntity } from '../service/ComplianceIndex';

/** The OSCAL version the documents follow and are tested against. */
export const OSCAL_VERSION = '1.2.1';

/** The namespace of the portal's own props (`ns` of OSCAL properties). */
export const PORTAL_PROPS_NS = 'https://readiness.dev/ns/compliance';

/** The namespace of the portal's name-based UUIDs. */
const PORTAL_UUID_NAMESPACE = '3c752d31-53f4-4ca5-b544-f315b8cdb94f';

/** A name-based UUID (RFC 4122 version 5) of a name in a namespace. */
export function nameUuid(
  name: string,
  namespace: string = PORTAL_UUID_NAMESPACE,
): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

/** The subject and component UUID of a catalog entity. */
export function entityUuid(entityRef: string): string {
  return nameUuid(`entity:${entityRef}`);
}

/**
 * A control id as an OSCAL token, which starts with a letter or `_`:
 * `CC8.1` stays, `8.6` (ISO 27001) becomes `_8.6`.
 */
export function controlToken(controlId: string): string {
  return /^[\p{L}_]/u.test(controlId) ? controlId : `_${controlId}`;
}

/** Text for a single-line OSCAL field: line breaks as spaces, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** A property in the portal's namespace; none for an empty value. */
export function portalProp(name: string, value: string): JsonObject[] {
  const text = oneLine(value);
  return text === '' ? [] : [{ name, ns: PORTAL_PROPS_NS, value: text }];
}

/** How evidence from each source was observed (OSCAL observation methods). */
const METHODS: Record<EvidenceSource, 'EXAMINE' | 'TEST'> = {
  manual: 'EXAMINE',
  external: 'EXAMINE',
  pipeline: 'TEST',
  drill: 'TEST',
  backup: 'TEST',
  gate: 'TEST',
  'api-lint': 'TEST',
  scorecard: 'TEST',
};

/** The observation of one evidence item. */
export function observationOf(item: EvidenceItem): JsonObject {
  const title = oneLine(item.title);
  const props = [
    ...portalProp('entity-ref', item.entityRef),
    ...portalProp('source', item.source),
    ...portalProp('result', item.result),
    ...item.controls.flatMap(control => portalProp('control', control)),
    ...portalProp('filed-by', item.filedBy),
    ...portalProp('filed-at', item.filedAt),
    ...(item.attachment
      ? [
          ...portalProp('attachment-name', item.attachment.name),
          ...portalProp('attachment-sha256', item.attachment.sha256),
        ]
      : []),
  ];
  return {
    uuid: item.id,
    ...(title !== '' && { title }),
    description: item.description ?? item.title,
    props,
    methods: [METHODS[item.source]],
    subjects: [
      {
        'subject-uuid': entityUuid(item.entityRef),
        type: 'component',
        title: item.entityRef,
      },
    ],
    ...(item.link !== undefined && {
      'relevant-evidence': [{ href: item.link, description: item.title }],
    }),
    collected: item.collectedAt,
    expires: item.expiresAt,
  };
}

/** What each state says of a control's objective. */
const STATUS: Record<
  ControlState,
  { state: 'satisfied' | 'not-satisfied'; reason: 'pass' | 'fail' | 'other' }
> = {
  fresh: { state: 'satisfied', reason: 'pass' },
  expiring: { state: 'satisfied', reason: 'pass' },
  expired: { state: 'not-satisfied', reason: 'fail' },
  failing: { state: 'not-satisfied', reason: 'fail' },
  missing: { state: 'not-satisfied', reason: 'fail' },
  // Out of scope by the entity's declaration: nothing is owed
  'not-applicable': { state: 'satisfied', reason: 'other' },
};

/** What each state means, in the words of a finding's description. */
const STATE_WORDS: Record<ControlState, string> = {
  fresh: 'covered by current evidence',
  expiring: 'covered by evidence that expires soon',
  expired: 'the evidence it rested on has expired',
  failing: 'the newest evidence shows it not satisfied',
  missing: 'no evidence has been filed',
  'not-applicable': 'declared not applicable by the entity',
};

/** The finding of one control of one entity. */
export function findingOf(
  entity: IndexedEntity,
  control: IndexedControl,
  controlTitle: string,
): JsonObject {
  const status = STATUS[control.state];
  const token = controlToken(control.control.control);
  const title = oneLine(controlTitle);
  return {
    uuid: nameUuid(`finding:${entity.ref}:${control.id}`),
    title: `${control.id} of ${entity.ref}`,
    description: `${control.id}${title ? ` (${title})` : ''} of ${
      entity.ref
    }: ${control.state}, ${STATE_WORDS[control.state]}.`,
    props: [
      ...portalProp('entity-ref', entity.ref),
      ...portalProp('control', control.id),
      ...portalProp('state', control.state),
      ...control.rules.flatMap(rule => portalProp('applicability-rule', rule)),
    ],
    target: {
      type: 'objective-id',
      'target-id': token,
      ...(title !== '' && { title }),
      status: {
        state: status.state,
        reason: status.reason,
        ...(control.justification !== undefined && {
          remarks: control.justification,
        }),
      },
      ...(control.justification !== undefined && {
        'implementation-status': {
          state: 'not-applicable',
          remarks: control.justification,
        },
      }),
    },
    ...(control.evidence && {
      'related-observations': [{ 'observation-uuid': control.evidence.id }],
    }),
  };
}

/** The component type of a catalog entity. */
function componentType(entity: IndexedEntity): string {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'api') return 'interconnection';
  if (kind === 'component' && entity.type !== 'service') return 'software';
  return 'service';
}

/** The back-matter resource a control implementation's source refers to. */
export function frameworkResource(framework: Framework): JsonObject {
  return {
    uuid: nameUuid(`framework:${framework.id}`),
    title: oneLine(framework.title) || framework.id,
    description: `The ${framework.id} framework as the portal loads it (compliance.frameworks); control ids are the framework's, made OSCAL tokens.`,
    props: [
      ...portalProp('framework', framework.id),
      ...portalProp('framework-version', framework.version ?? ''),
      ...portalProp('framework-origin', framework.origin),
    ],
  };
}

/**
 * The component of one entity of a System: per framework with a control in
 * the entity's scope, the implemented requirement of each such control with
 * its state and, for one declared not applicable, the justification.
 */
export function componentOf(
  entity: IndexedEntity,
  frameworks: readonly Framework[],
): JsonObject {
  const implementations = frameworks.flatMap(framework => {
    const own = entity.controls.filter(
      c => c.control.framework === framework.id,
    );
    if (own.length === 0) return [];
    const titles = new Map(framework.controls.map(c => [c.id, c.title]));
    return [
      {
        uuid: nameUuid(`implementation:${entity.ref}:${framework.id}`),
        source: `#${nameUuid(`framework:${framework.id}`)}`,
        description: `The ${framework.id} controls in the scope of ${entity.ref}, with their state when exported.`,
        'implemented-requirements': own.map(control => {
          const title = oneLine(titles.get(control.control.control) ?? '');
          return {
            uuid: nameUuid(`requirement:${entity.ref}:${control.id}`),
            'control-id': controlToken(control.control.control),
            description: `${control.id}${title ? ` (${title})` : ''}: ${
              control.state
            }, ${STATE_WORDS[control.state]}.`,
            props: [
              ...portalProp('control', control.id),
              ...portalProp('state', control.state),
              ...control.rules.flatMap(rule =>
                portalProp('applicability-rule', rule),
              ),
              ...(control.evidence
                ? [
                    ...portalProp('evidence-id', control.evidence.id),
                    ...portalProp('evidence-expires', control.evidence.expires),
                  ]
                : []),
            ],
            ...(control.justification !== undefined && {
              remarks: control.justification,
            }),
          };
        }),
      },
    ];
  });
  return {
    uuid: entityUuid(entity.ref),
    type: componentType(entity),
    title: oneLine(entity.title) || entity.ref,
    description: `${entity.kind} ${entity.ref}${
      entity.owner ? `, owned by ${entity.owner}` : ''
    }.`,
    props: [
      ...portalProp('entity-ref', entity.ref),
      ...portalProp('kind', entity.kind),
      ...portalProp('type', entity.type),
      ...portalProp('owner', entity.owner),
    ],
    ...(implementations.length > 0 && {
      'control-implementations': implementations,
    }),
  };
}
