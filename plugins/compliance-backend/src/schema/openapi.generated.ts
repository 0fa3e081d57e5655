// Generated from openapi.yaml by scripts/openapi/generate.mjs; do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'compliance',
    version: '1',
    description:
      'The compliance record of catalog entities: the controls that apply to an entity with their state today and the coverage per framework, and append-only evidence filed by people and pipelines. Nothing is deleted; a withdrawal is a record of its own. Partners are refused every route (403), for every entity alike; a caller allowed on some entities only gets 404 for the others, as for an entity that does not exist. Every write is audited. Errors are Backstage error bodies; a bad field is named in the message.',
    license: {
      name: 'UNLICENSED',
    },
    contact: {},
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    examples: {},
    headers: {},
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      evidenceId: {
        name: 'evidenceId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          format: 'uuid',
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        required: false,
        description: 'The nextCursor of the previous page',
        schema: {
          type: 'string',
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 100,
          default: 20,
        },
      },
      framework: {
        name: 'framework',
        in: 'query',
        required: false,
        description:
          "A loaded framework's id (SOC2, ISO27001, or an OSCAL catalog's); the first loaded when absent.",
        schema: {
          type: 'string',
          maxLength: 100,
        },
      },
      groupBy: {
        name: 'groupBy',
        in: 'query',
        required: false,
        description: "Rows by the entities' system or by their owner.",
        schema: {
          type: 'string',
          enum: ['system', 'owner'],
          default: 'system',
        },
      },
      system: {
        name: 'system',
        in: 'query',
        required: false,
        description:
          "A System's entity ref (system:default/filing-platform; the kind and namespace default to system and default); every system when absent.",
        schema: {
          type: 'string',
          maxLength: 300,
        },
      },
    },
    requestBodies: {},
    responses: {
      ErrorResponse: {
        description: 'An error response from the backend.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
          },
          request: {
            type: 'object',
          },
          response: {
            type: 'object',
          },
        },
        required: ['error', 'response'],
      },
      ControlState: {
        type: 'string',
        enum: [
          'fresh',
          'expiring',
          'expired',
          'failing',
          'missing',
          'not-applicable',
        ],
      },
      EvidenceSource: {
        type: 'string',
        enum: [
          'manual',
          'pipeline',
          'drill',
          'backup',
          'gate',
          'api-lint',
          'scorecard',
          'external',
        ],
      },
      EvidenceResult: {
        type: 'string',
        enum: ['satisfied', 'not-satisfied', 'informational'],
      },
      EntityControl: {
        type: 'object',
        properties: {
          control: {
            type: 'string',
            description: 'The control, e.g. SOC2:CC8.1.',
          },
          framework: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/ControlState',
          },
          rules: {
            type: 'array',
            description:
              'The applicability rules that put the control in scope.',
            items: {
              type: 'string',
            },
          },
          justification: {
            type: 'string',
            description: 'Why the entity declares the control not applicable.',
          },
          evidence: {
            type: 'object',
            description:
              'The item the state rests on: for failing the newest failure, otherwise the satisfied item that expires last.',
            properties: {
              id: {
                type: 'string',
              },
              expiresAt: {
                type: 'string',
                format: 'date-time',
              },
              through: {
                type: 'string',
                description:
                  'The control the item was filed for, when it counts through a mapping.',
              },
              mapping: {
                type: 'string',
              },
            },
            required: ['id', 'expiresAt'],
          },
        },
        required: ['control', 'framework', 'title', 'state', 'rules'],
      },
      FrameworkCoverage: {
        type: 'object',
        properties: {
          framework: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          applicable: {
            type: 'integer',
          },
          covered: {
            type: 'integer',
            description:
              'Applicable controls whose evidence is fresh or expiring.',
          },
          ratio: {
            type: 'number',
          },
          states: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
        },
        required: [
          'framework',
          'title',
          'applicable',
          'covered',
          'ratio',
          'states',
        ],
      },
      EntityComplianceRecord: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          asOf: {
            type: 'string',
            format: 'date-time',
          },
          controls: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityControl',
            },
          },
          coverage: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FrameworkCoverage',
            },
          },
          problems: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                entityRef: {
                  type: 'string',
                },
                path: {
                  type: 'string',
                },
                message: {
                  type: 'string',
                },
              },
              required: ['entityRef', 'path', 'message'],
            },
          },
        },
        required: ['entityRef', 'asOf', 'controls', 'coverage', 'problems'],
      },
      Withdrawal: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          evidenceId: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          withdrawnBy: {
            type: 'string',
          },
          withdrawnAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['id', 'evidenceId', 'reason', 'withdrawnBy', 'withdrawnAt'],
      },
      EvidenceItem: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          controls: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          source: {
            $ref: '#/components/schemas/EvidenceSource',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          link: {
            type: 'string',
          },
          attachment: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              mediaType: {
                type: 'string',
              },
              sizeBytes: {
                type: 'integer',
              },
              sha256: {
                type: 'string',
              },
            },
            required: ['name', 'mediaType', 'sizeBytes', 'sha256'],
          },
          collectedAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          result: {
            $ref: '#/components/schemas/EvidenceResult',
          },
          filedBy: {
            type: 'string',
            description: 'A user entity ref, or service:<subject> for a token.',
          },
          filedAt: {
            type: 'string',
            format: 'date-time',
          },
          idempotencyKey: {
            type: 'string',
          },
          withdrawal: {
            $ref: '#/components/schemas/Withdrawal',
          },
        },
        required: [
          'id',
          'entityRef',
          'controls',
          'source',
          'title',
          'collectedAt',
          'expiresAt',
          'result',
          'filedBy',
          'filedAt',
        ],
      },
      EvidencePage: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EvidenceItem',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
        required: ['items'],
      },
      DataFileProblem: {
        type: 'object',
        description: 'Something wrong in a file, at its JSON pointer and line.',
        properties: {
          file: {
            type: 'string',
          },
          path: {
            type: 'string',
            description:
              'JSON pointer into the file; empty for the whole file.',
          },
          line: {
            type: 'integer',
          },
          message: {
            type: 'string',
          },
        },
        required: ['file', 'path', 'message'],
      },
      GdprDuration: {
        type: 'object',
        description: 'A duration in Backstage units, such as { years: 10 }.',
        additionalProperties: {
          type: 'integer',
        },
      },
      ProcessingRecord: {
        type: 'object',
        description:
          "A record of processing activities (GDPR Art. 30) as read from the file the entity's readiness.dev/gdpr annotation names.",
        properties: {
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          role: {
            type: 'string',
            enum: ['controller', 'processor'],
          },
          controller: {
            type: 'string',
          },
          activities: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
                description: {
                  type: 'string',
                },
                purposes: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                lawfulBasis: {
                  type: 'string',
                  enum: [
                    'consent',
                    'contract',
                    'legal-obligation',
                    'vital-interests',
                    'public-task',
                    'legitimate-interests',
                  ],
                },
                dataSubjects: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                categories: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      name: {
                        type: 'string',
                      },
                      special: {
                        type: 'boolean',
                        description: 'A special category of Art. 9.',
                      },
                    },
                    required: ['name', 'special'],
                  },
                },
                retention: {
                  type: 'object',
                  properties: {
                    period: {
                      $ref: '#/components/schemas/GdprDuration',
                    },
                    rule: {
                      type: 'string',
                    },
                    maximum: {
                      $ref: '#/components/schemas/GdprDuration',
                    },
                    deletion: {
                      type: 'string',
                    },
                  },
                },
              },
              required: [
                'id',
                'purposes',
                'lawfulBasis',
                'dataSubjects',
                'categories',
              ],
            },
          },
          processors: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: {
                  type: 'string',
                },
                entityRef: {
                  type: 'string',
                },
                purpose: {
                  type: 'string',
                },
                categories: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                dpa: {
                  type: 'object',
                  properties: {
                    evidence: {
                      type: 'string',
                      description: "The title of the DPA's evidence item.",
                    },
                    control: {
                      type: 'string',
                    },
                  },
                  required: ['evidence'],
                },
              },
              required: ['name', 'categories'],
            },
          },
          recipients: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: {
                  type: 'string',
                },
                entityRef: {
                  type: 'string',
                },
                purpose: {
                  type: 'string',
                },
                categories: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
              required: ['name', 'categories'],
            },
          },
          transfers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                to: {
                  type: 'string',
                },
                country: {
                  type: 'string',
                },
                safeguard: {
                  type: 'string',
                  enum: [
                    'adequacy-decision',
                    'standard-contractual-clauses',
                    'binding-corporate-rules',
                    'derogation',
                  ],
                },
                note: {
                  type: 'string',
                },
              },
              required: ['to', 'country'],
            },
          },
          flows: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                to: {
                  type: 'string',
                },
                categories: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                channel: {
                  type: 'string',
                },
                purpose: {
                  type: 'string',
                },
              },
              required: ['to', 'categories'],
            },
          },
        },
        required: [
          'role',
          'activities',
          'processors',
          'recipients',
          'transfers',
          'flows',
        ],
      },
      GdprFinding: {
        type: 'object',
        properties: {
          kind: {
            type: 'string',
            enum: [
              'missing-retention',
              'retention-beyond-maximum',
              'processor-without-dpa',
              'transfer-without-safeguard',
            ],
          },
          subject: {
            type: 'string',
            description:
              "The activity's id, the processor's name or the transfer's recipient.",
          },
          message: {
            type: 'string',
          },
        },
        required: ['kind', 'subject', 'message'],
      },
      DataFlow: {
        type: 'object',
        properties: {
          from: {
            type: 'string',
          },
          to: {
            type: 'string',
          },
          source: {
            type: 'string',
            enum: ['catalog', 'declared'],
          },
          relation: {
            type: 'string',
            enum: ['dependsOn', 'consumesApi'],
          },
          api: {
            type: 'string',
          },
          categories: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          channel: {
            type: 'string',
          },
          purpose: {
            type: 'string',
          },
        },
        required: ['from', 'to', 'source'],
      },
      EntityGdprRecord: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          file: {
            type: 'string',
            description:
              "The annotation's value; absent when the entity has no record.",
          },
          record: {
            $ref: '#/components/schemas/ProcessingRecord',
          },
          problems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DataFileProblem',
            },
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/GdprFinding',
            },
          },
          flows: {
            type: 'object',
            properties: {
              in: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/DataFlow',
                },
              },
              out: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/DataFlow',
                },
              },
            },
            required: ['in', 'out'],
          },
          catalogAsOf: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'entityRef',
          'title',
          'problems',
          'findings',
          'flows',
          'catalogAsOf',
        ],
      },
      GdprRegister: {
        type: 'object',
        properties: {
          asOf: {
            type: 'string',
            format: 'date-time',
          },
          catalogAsOf: {
            type: 'string',
            format: 'date-time',
          },
          entries: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                entityRef: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                owner: {
                  type: 'string',
                },
                file: {
                  type: 'string',
                },
                record: {
                  $ref: '#/components/schemas/ProcessingRecord',
                },
                problems: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/DataFileProblem',
                  },
                },
                findings: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/GdprFinding',
                  },
                },
              },
              required: [
                'entityRef',
                'title',
                'owner',
                'file',
                'problems',
                'findings',
              ],
            },
          },
        },
        required: ['asOf', 'catalogAsOf', 'entries'],
      },
      NewEvidence: {
        type: 'object',
        description:
          "Unknown fields are refused by name. Controls must be controls of the loaded frameworks; the link must be an absolute http(s) URL; the attachment's media type must be one the portal accepts and its size within the configured limit (1 MiB by default).",
        properties: {
          entityRef: {
            type: 'string',
            description:
              'An entity in the catalog, e.g. component:default/ledger.',
          },
          controls: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'string',
            },
            description: 'Controls such as SOC2:CC8.1 and ISO27001:8.32.',
          },
          source: {
            $ref: '#/components/schemas/EvidenceSource',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          link: {
            type: 'string',
          },
          attachment: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              mediaType: {
                type: 'string',
              },
              content: {
                type: 'string',
                description: 'The file, base64.',
              },
            },
          },
          collectedAt: {
            type: 'string',
            description: 'ISO 8601 with a time zone; not in the future.',
          },
          expiresAt: {
            type: 'string',
            description:
              'After collectedAt; by default collectedAt plus the shortest validity of the controls.',
          },
          result: {
            $ref: '#/components/schemas/EvidenceResult',
          },
          idempotencyKey: {
            type: 'string',
            description:
              'A retry with the same key answers the stored item (200).',
          },
          portalKind: {
            type: 'string',
            enum: [
              'drill-within-targets',
              'backup-restore-tested',
              'gate-passed',
              'api-lint-clean',
            ],
            description:
              "Only for the portal's own plugins (service principals such as plugin:reliability): evidence of this kind of event, filed for the source and controls compliance/portal-evidence.yaml maps the kind to. Such a filing names neither controls, source nor expiresAt and requires an idempotencyKey; result defaults to satisfied. A kind the file does not map files nothing (200 without an item).",
          },
        },
        required: ['entityRef', 'title', 'collectedAt'],
      },
      FiledEvidence: {
        type: 'object',
        properties: {
          item: {
            $ref: '#/components/schemas/EvidenceItem',
            description:
              'The item; absent only for a portal filing of a kind the portal evidence file does not map.',
          },
          created: {
            type: 'boolean',
            description:
              'False when the idempotency key (or the withdrawal) was already stored.',
          },
        },
        required: ['created'],
      },
      NewWithdrawal: {
        type: 'object',
        properties: {
          reason: {
            type: 'string',
            description:
              'Why the evidence no longer counts; 10 to 1000 characters.',
          },
        },
        required: ['reason'],
      },
      FrameworkSummary: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
            description: 'The id the matrix takes as its framework (SOC2).',
          },
          title: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          controls: {
            type: 'integer',
            description: 'How many controls the framework defines.',
          },
        },
        required: ['id', 'title', 'controls'],
      },
      FrameworkList: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            description:
              'In the order they load; the matrix defaults to the first.',
            items: {
              $ref: '#/components/schemas/FrameworkSummary',
            },
          },
        },
        required: ['items'],
      },
      EntityComplianceSummary: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          asOf: {
            type: 'string',
            format: 'date-time',
          },
          coverage: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FrameworkCoverage',
            },
          },
          problems: {
            type: 'array',
            description: 'What is wrong in how the entity declares its scope.',
            items: {
              type: 'object',
            },
          },
          newestEvidence: {
            type: 'object',
            description: 'The newest item not withdrawn, by collection time.',
            properties: {
              id: {
                type: 'string',
              },
              title: {
                type: 'string',
              },
              source: {
                $ref: '#/components/schemas/EvidenceSource',
              },
              collectedAt: {
                type: 'string',
                format: 'date-time',
              },
              result: {
                $ref: '#/components/schemas/EvidenceResult',
              },
              link: {
                type: 'string',
              },
            },
            required: ['id', 'title', 'source', 'collectedAt', 'result'],
          },
        },
        required: ['entityRef', 'asOf', 'coverage', 'problems'],
      },
      MatrixCoverage: {
        type: 'object',
        properties: {
          applicable: {
            type: 'integer',
            description: 'Entity × control pairs not declared not applicable.',
          },
          covered: {
            type: 'integer',
            description: 'Applicable pairs with fresh or expiring evidence.',
          },
          ratio: {
            type: 'number',
            description: 'covered / applicable; 1 when nothing applies.',
          },
        },
        required: ['applicable', 'covered', 'ratio'],
      },
      MatrixCell: {
        type: 'array',
        nullable: true,
        description:
          "Entities of the row per state for the column's control, in the order fresh, expiring, expired, failing, missing, not-applicable; null when the control is in the scope of none of the row's entities.",
        minItems: 6,
        maxItems: 6,
        items: {
          type: 'integer',
        },
      },
      ComplianceMatrix: {
        type: 'object',
        properties: {
          framework: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          groupBy: {
            type: 'string',
            enum: ['system', 'owner'],
          },
          asOf: {
            type: 'string',
            format: 'date-time',
          },
          catalogAsOf: {
            type: 'string',
            format: 'date-time',
            description:
              'When the catalog was last read for the entities and their scope.',
          },
          controls: {
            type: 'array',
            description: "The columns, in the framework's order.",
            items: {
              allOf: [
                {
                  $ref: '#/components/schemas/MatrixCoverage',
                },
                {
                  type: 'object',
                  properties: {
                    control: {
                      type: 'string',
                    },
                    title: {
                      type: 'string',
                    },
                  },
                  required: ['control', 'title'],
                },
              ],
            },
          },
          groups: {
            type: 'array',
            description:
              'The rows; entities without a system or owner last (group empty).',
            items: {
              allOf: [
                {
                  $ref: '#/components/schemas/MatrixCoverage',
                },
                {
                  type: 'object',
                  properties: {
                    group: {
                      type: 'string',
                    },
                    title: {
                      type: 'string',
                    },
                    entities: {
                      type: 'integer',
                    },
                    cells: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/MatrixCell',
                      },
                    },
                  },
                  required: ['group', 'title', 'entities', 'cells'],
                },
              ],
            },
          },
          totals: {
            allOf: [
              {
                $ref: '#/components/schemas/MatrixCoverage',
              },
              {
                type: 'object',
                properties: {
                  entities: {
                    type: 'integer',
                  },
                  states: {
                    $ref: '#/components/schemas/MatrixCell',
                  },
                },
                required: ['entities', 'states'],
              },
            ],
          },
        },
        required: [
          'framework',
          'title',
          'groupBy',
          'asOf',
          'catalogAsOf',
          'controls',
          'groups',
          'totals',
        ],
      },
      ComplianceMatrixGroup: {
        type: 'object',
        properties: {
          framework: {
            type: 'string',
          },
          groupBy: {
            type: 'string',
            enum: ['system', 'owner'],
          },
          group: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          asOf: {
            type: 'string',
            format: 'date-time',
          },
          catalogAsOf: {
            type: 'string',
            format: 'date-time',
          },
          controls: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                control: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
              },
              required: ['control', 'title'],
            },
          },
          entities: {
            type: 'array',
            items: {
              allOf: [
                {
                  $ref: '#/components/schemas/MatrixCoverage',
                },
                {
                  type: 'object',
                  properties: {
                    entityRef: {
                      type: 'string',
                    },
                    title: {
                      type: 'string',
                    },
                    kind: {
                      type: 'string',
                    },
                    states: {
                      type: 'object',
                      additionalProperties: {
                        $ref: '#/components/schemas/ControlState',
                      },
                    },
                  },
                  required: ['entityRef', 'title', 'kind', 'states'],
                },
              ],
            },
          },
        },
        required: [
          'framework',
          'groupBy',
          'group',
          'title',
          'asOf',
          'catalogAsOf',
          'controls',
          'entities',
        ],
      },
    },
    securitySchemes: {
      JWT: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
    },
  },
  paths: {
    '/v1/entities/{kind}/{namespace}/{name}/controls': {
      get: {
        operationId: 'GetEntityControls',
        summary: 'The controls of an entity with their state',
        description:
          'Every control that applies to the entity, in framework order, with its state today (fresh, expiring, expired, failing, missing, not-applicable) and the item it rests on, and the coverage per framework.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: "The entity's compliance record.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityComplianceRecord',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/summary': {
      get: {
        operationId: 'GetEntityComplianceSummary',
        summary: "What the entity's overview card shows",
        description:
          'The coverage per framework (as the controls route counts it) and the newest evidence item that is not withdrawn, in one small answer.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: "The entity's compliance summary.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityComplianceSummary',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/evidence': {
      get: {
        operationId: 'ListEntityEvidence',
        summary: 'The evidence of an entity',
        description:
          'Every item filed for the entity, withdrawn ones included (with their withdrawal), newest collected first.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'One page of evidence.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EvidencePage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/gdpr': {
      get: {
        operationId: 'GetEntityGdpr',
        summary:
          'The GDPR record of an entity with its findings and data flows',
        description:
          "The record of processing the entity's readiness.dev/gdpr annotation names (absent when it has none), the problems of its file at file, JSON pointer and line (a broken record answers its problems), its findings against the entity's evidence today, and the flows of data in and out of the entity from the catalog's relations (dependsOn, consumesApi) and the records' declared flows. The catalog and the records are read at most once a minute.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: "The entity's GDPR record.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityGdprRecord',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/gdpr/register': {
      get: {
        operationId: 'GetGdprRegister',
        summary: 'The register of processing activities (GDPR Art. 30)',
        description:
          'The records of every entity with a readiness.dev/gdpr annotation that the caller may read, sorted by entity ref, each with its problems and findings.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            description: 'The register.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/GdprRegister',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/gdpr/register.csv': {
      get: {
        operationId: 'ExportGdprRegisterCsv',
        summary: 'The register of processing activities as CSV',
        description:
          'The register as RFC 4180 CSV, one record per processing activity (and one per entity whose record does not read, with its problems), with a header record; text that a spreadsheet would read as a formula starts with an apostrophe.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            description: 'The CSV file.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/evidence': {
      post: {
        operationId: 'FileEvidence',
        summary: 'File evidence',
        description:
          "Files one evidence item for controls of an entity: people with compliance.evidence.file, pipelines with a token that holds it, and the portal's own plugins with a portalKind (controls and source then come from the portal evidence file, never from the caller). With an idempotency key, a retry answers the stored item with 200; the same key with other content is a 409.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/NewEvidence',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The item already stored under the idempotency key.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FiledEvidence',
                },
              },
            },
          },
          '201': {
            description: 'The item.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FiledEvidence',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/evidence/{evidenceId}/withdrawals': {
      post: {
        operationId: 'WithdrawEvidence',
        summary: 'Withdraw evidence',
        description:
          'Takes an item out of counting, with a reason. The item stays listed with its withdrawal; withdrawing it again answers the first withdrawal with 200.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/evidenceId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/NewWithdrawal',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The item, already withdrawn before.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FiledEvidence',
                },
              },
            },
          },
          '201': {
            description: 'The item with its withdrawal.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FiledEvidence',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/frameworks': {
      get: {
        operationId: 'ListComplianceFrameworks',
        summary: 'The loaded frameworks',
        description:
          'The frameworks compliance.frameworks loads, in their order, for the framework selector of the matrix: their id, title, version and how many controls each defines.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            description: 'The frameworks.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FrameworkList',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/matrix': {
      get: {
        operationId: 'GetComplianceMatrix',
        summary: "A framework's controls × systems or owners",
        description:
          "For the caller's entities with a control of the framework in scope: one row per system (or owner), one column per control, and in each cell how many of the row's entities are in each state. Evidence filed or withdrawn through any replica counts at once; the catalog (entities, their scope, system and owner) is read at most once a minute (catalogAsOf).",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/framework',
          },
          {
            $ref: '#/components/parameters/groupBy',
          },
        ],
        responses: {
          '200': {
            description: 'The matrix.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ComplianceMatrix',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/matrix/entities': {
      get: {
        operationId: 'GetComplianceMatrixGroup',
        summary: 'The entities of one row of the matrix',
        description:
          "The caller's entities of one system (or owner) with the state of each control of the framework in their scope. An unknown group, or one of only entities the caller may not read, has no entities.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/framework',
          },
          {
            $ref: '#/components/parameters/groupBy',
          },
          {
            name: 'group',
            in: 'query',
            required: true,
            description:
              "The row's system or owner entity ref (system:default/ledger); empty for the entities without one.",
            schema: {
              type: 'string',
              maxLength: 300,
            },
          },
        ],
        responses: {
          '200': {
            description: "The row's entities.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ComplianceMatrixGroup',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/exports/assessment-results': {
      get: {
        operationId: 'ExportAssessmentResults',
        summary: 'OSCAL assessment results of a framework',
        description:
          "An OSCAL 1.2.1 assessment-results document (JSON, as an attachment) for the caller's entities, of one system or of the whole portal: one finding per entity and control of the framework with its state (satisfied or not), and one observation per evidence item that counts for the framework (withdrawn items left out). Streamed; each export is audited.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'framework',
            in: 'query',
            required: true,
            description: "A loaded framework's id (SOC2, ISO27001).",
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            $ref: '#/components/parameters/system',
          },
        ],
        responses: {
          '200': {
            description: 'The document.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/exports/component-definitions/{namespace}/{name}': {
      get: {
        operationId: 'ExportComponentDefinition',
        summary: 'OSCAL component definition of a System',
        description:
          'An OSCAL 1.2.1 component-definition document (JSON, as an attachment): one component per entity of the System with a control in scope that the caller may read, with per framework the implemented requirement of each control, its state and, for a control declared not applicable, the justification. Each export is audited.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The document.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/exports/evidence.csv': {
      get: {
        operationId: 'ExportEvidenceCsv',
        summary: 'The evidence as CSV',
        description:
          "Every evidence item of the caller's entities, withdrawn ones with their withdrawal and its reason, one record per item (RFC 4180, with a header record), ordered by entity and collection time; with a framework, the items filed for its controls or for controls mapped to them. Text a spreadsheet would run as a formula is prefixed with an apostrophe. Streamed; each export is audited.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'framework',
            in: 'query',
            required: false,
            description: "A loaded framework's id; every item when absent.",
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            $ref: '#/components/parameters/system',
          },
        ],
        responses: {
          '200': {
            description: 'The CSV file.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/exports/matrix.csv': {
      get: {
        operationId: 'ExportMatrixCsv',
        summary: 'The framework matrix as CSV',
        description:
          "One record per entity of the caller's with a control of the framework in scope, under its system (or owner): its counts and the state of each control of the framework in anyone's scope, one column per control (empty where the control is not in the entity's scope). Each export is audited.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/framework',
          },
          {
            $ref: '#/components/parameters/groupBy',
          },
        ],
        responses: {
          '200': {
            description: 'The CSV file.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
