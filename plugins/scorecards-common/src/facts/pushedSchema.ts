/*
 * The shape of a pushed fact's declaration file, as a zod schema. It checks
 * structure and that each field suits the fact's type; ids are checked
 * against the file's name and the other declarations by loadPushedFacts.
 */
import { z } from 'zod';
import { CHECK_API_VERSION, lowerCaseEnum, text } from '../checks/schema';
import { FACT_ID, FACT_TYPES, FactType } from './types';

/** The kind of a pushed fact's declaration file. */
export const FACT_KIND = 'ScorecardFact';

const NUMBER_FIELDS = ['unit', 'minimum', 'maximum', 'integer'] as const;

const subjects = z.preprocess(
  value => (typeof value === 'string' ? [value] : value),
  z
    .array(
      text.regex(/^\S+$/, {
        error: 'expected the subject of a service token, without spaces',
      }),
      { error: 'expected a subject or a list of subjects' },
    )
    .min(1, { error: 'must name at least one' }),
);

const bound = z.number({ error: 'expected a number' });

/** A pushed fact's declaration file as written. */
export const factFileSchema = z.strictObject(
  {
    apiVersion: z.literal(CHECK_API_VERSION, {
      error: `expected ${CHECK_API_VERSION}`,
    }),
    kind: z.literal(FACT_KIND, { error: `expected ${FACT_KIND}` }),
    metadata: z.strictObject(
      {
        id: text.regex(FACT_ID, {
          error:
            'expected lower-case words joined by "-", in parts joined by ".", such as ci.coverage.line',
        }),
        title: text,
      },
      { error: 'expected an object with id and title' },
    ),
    spec: z
      .strictObject(
        {
          description: text,
          type: lowerCaseEnum(FACT_TYPES as readonly [FactType, ...FactType[]]),
          unit: text.optional(),
          minimum: bound.optional(),
          maximum: bound.optional(),
          integer: z.boolean({ error: 'expected true or false' }).optional(),
          values: z
            .array(text, { error: 'expected a list of strings' })
            .min(1, { error: 'must list at least one value' })
            .optional(),
          pushedBy: subjects,
        },
        {
          error:
            'expected an object with description, type, pushedBy and the fields of the type',
        },
      )
      .superRefine((spec, ctx) => {
        for (const field of NUMBER_FIELDS) {
          if (spec.type !== 'number' && spec[field] !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [field],
              message: `only a number fact has ${field}; this one is a ${spec.type}`,
            });
          }
        }
        if (spec.type !== 'string' && spec.values !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['values'],
            message: `only a string fact lists values; this one is a ${spec.type}`,
          });
        }
        if (
          spec.minimum !== undefined &&
          spec.maximum !== undefined &&
          spec.maximum < spec.minimum
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['maximum'],
            message: `${spec.maximum} is below the minimum ${spec.minimum}`,
          });
        }
        spec.values?.forEach((value, i) => {
          if (spec.values!.indexOf(value) !== i) {
            ctx.addIssue({
              code: 'custom',
              path: ['values', i],
              message: `"${value}" is listed twice`,
            });
          }
        });
      }),
  },
  { error: `expected a ${FACT_KIND} document` },
);
