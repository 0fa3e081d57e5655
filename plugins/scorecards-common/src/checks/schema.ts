/*
 * The shape of a check file, as a zod schema. It checks structure only
 * (fields, types, one test per rule node); what needs the fact catalogue
 * (known facts, values of the fact's type) is checked by readCheckFile
 * after it, so every problem names its JSON pointer.
 */
import { HumanDuration } from '@backstage/types';
import { z } from 'zod';
import { DURATION_UNITS, parseIsoDuration } from '@readiness/data-files';
import {
  COMPARISON_OPERATORS,
  SCORECARD_CATEGORIES,
  SCORECARD_LEVELS,
} from './types';

/** The apiVersion and kind of a check file. */
export const CHECK_API_VERSION = 'readiness.dev/v1';
export const CHECK_KIND = 'ScorecardCheck';

/** Check ids: lower-case words joined by `-`. */
export const CHECK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const DOCS_PAGE = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*(#[a-z0-9-]+)?$/;
const HTTPS_URL = /^https:\/\/[^\s/]+(\/\S*)?$/;

export const text = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, { error: 'must not be empty' });

/** One string or a list of them, read as a list. */
export const textList = z.preprocess(
  value => (typeof value === 'string' ? [value] : value),
  z
    .array(text, { error: 'expected a string or a list of strings' })
    .min(1, { error: 'must name at least one' }),
);

/** Lower-cases a string before an enum, so `Gold` and `API` read too. */
export function lowerCaseEnum<T extends readonly [string, ...string[]]>(
  values: T,
) {
  return z.preprocess(
    value => (typeof value === 'string' ? value.toLowerCase() : value),
    z.enum(values, {
      error: `expected one of ${values.join(', ')}`,
    }),
  );
}

const humanDuration = z
  .strictObject(
    Object.fromEntries(
      DURATION_UNITS.map(unit => [
        unit,
        z
          .number({ error: `expected a whole number of ${unit}` })
          .int({ error: `expected a whole number of ${unit}` })
          .min(0, { error: `expected a whole number of ${unit}` })
          .optional(),
      ]),
    ) as Record<keyof HumanDuration, z.ZodOptional<z.ZodNumber>>,
    { error: 'expected an ISO 8601 duration such as P30D or { days: 30 }' },
  )
  .refine(
    duration => Object.values(duration).some(amount => (amount ?? 0) > 0),
    {
      error: 'expected a duration longer than zero, such as { days: 30 }',
      // an unknown unit is the problem to report, not the missing length
      when: payload => payload.issues.length === 0,
    },
  );

/** A Backstage duration object, or an ISO 8601 duration string. */
export const durationSchema = z.preprocess((value, ctx) => {
  if (typeof value !== 'string') return value;
  const parsed = parseIsoDuration(value);
  if (!parsed) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not an ISO 8601 duration such as P30D, PT12H or P1Y6M`,
    });
    return z.NEVER;
  }
  return parsed;
}, humanDuration);

const TESTS = [...COMPARISON_OPERATORS, 'exists', 'youngerThan'] as const;
const COMBINATORS = ['all', 'any', 'not'] as const;

const comparable = z.union([z.number(), z.boolean(), z.string()], {
  error: 'expected a number, a boolean or a string',
});

/** A rule node as written, before it is checked against the fact catalogue. */
export type RuleNodeInput = {
  fact?: string;
  eq?: number | boolean | string;
  ne?: number | boolean | string;
  lt?: number | boolean | string;
  lte?: number | boolean | string;
  gt?: number | boolean | string;
  gte?: number | boolean | string;
  exists?: boolean;
  youngerThan?: HumanDuration;
  all?: RuleNodeInput[];
  any?: RuleNodeInput[];
  not?: RuleNodeInput;
};

export const ruleSchema: z.ZodType<RuleNodeInput> = z
  .strictObject(
    {
      fact: text.optional(),
      eq: comparable.optional(),
      ne: comparable.optional(),
      lt: comparable.optional(),
      lte: comparable.optional(),
      gt: comparable.optional(),
      gte: comparable.optional(),
      exists: z.boolean({ error: 'expected true or false' }).optional(),
      youngerThan: durationSchema.optional(),
      get all() {
        return z
          .array(ruleSchema, { error: 'expected a list of rules' })
          .min(1, { error: 'must hold at least one rule' })
          .optional();
      },
      get any() {
        return z
          .array(ruleSchema, { error: 'expected a list of rules' })
          .min(1, { error: 'must hold at least one rule' })
          .optional();
      },
      get not() {
        return ruleSchema.optional();
      },
    },
    { error: 'expected a rule: { fact, <test> }, { all }, { any } or { not }' },
  )
  .superRefine((node, ctx) => {
    const combinators = COMBINATORS.filter(key => node[key] !== undefined);
    const tests = TESTS.filter(key => node[key] !== undefined);
    if (node.fact === undefined && combinators.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          tests.length > 0
            ? `${tests.join(', ')} needs a fact to test`
            : `expected a rule: give fact with one of ${TESTS.join(
                ', ',
              )}, or one of all, any, not`,
      });
      return;
    }
    if (combinators.length + (node.fact === undefined ? 0 : 1) > 1) {
      const given = [
        ...(node.fact === undefined ? [] : ['fact']),
        ...combinators,
      ];
      ctx.addIssue({
        code: 'custom',
        message: `gives ${given.join(
          ' and ',
        )}; a rule is one of them (combine rules in all or any)`,
      });
      return;
    }
    if (node.fact === undefined) {
      if (tests.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${tests.join(', ')} belongs beside a fact, not beside ${
            combinators[0]
          }`,
        });
      }
      return;
    }
    if (tests.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `tests nothing of the fact; give one of ${TESTS.join(', ')}`,
      });
    } else if (tests.length > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `gives ${tests.join(
          ' and ',
        )}; test a fact one way per rule and combine rules in all`,
      });
    }
  });

const selectorSchema = z.strictObject(
  {
    kind: textList.optional(),
    type: textList.optional(),
    lifecycle: textList.optional(),
    tags: textList.optional(),
  },
  { error: 'expected an object with kind, type, lifecycle or tags' },
);

/** A check file as written. */
export const checkFileSchema = z.strictObject(
  {
    apiVersion: z.literal(CHECK_API_VERSION, {
      error: `expected ${CHECK_API_VERSION}`,
    }),
    kind: z.literal(CHECK_KIND, { error: `expected ${CHECK_KIND}` }),
    metadata: z.strictObject(
      {
        id: text.regex(CHECK_ID, {
          error: 'expected lower-case words joined by "-"',
        }),
        title: text,
      },
      { error: 'expected an object with id and title' },
    ),
    spec: z.strictObject(
      {
        category: lowerCaseEnum(SCORECARD_CATEGORIES),
        level: lowerCaseEnum(SCORECARD_LEVELS),
        weight: z
          .number({ error: 'expected a whole number from 1 to 100' })
          .int({ error: 'expected a whole number from 1 to 100' })
          .min(1, { error: 'expected a whole number from 1 to 100' })
          .max(100, { error: 'expected a whole number from 1 to 100' }),
        why: text,
        howToFix: z.strictObject(
          {
            text,
            docs: text.refine(
              docs => HTTPS_URL.test(docs) || DOCS_PAGE.test(docs),
              {
                error:
                  'expected a page of the portal docs (reliability/slos#objectives) or an https URL',
              },
            ),
          },
          { error: 'expected an object with text and docs' },
        ),
        appliesTo: selectorSchema.optional(),
        rule: ruleSchema,
      },
      {
        error:
          'expected an object with category, level, weight, why, howToFix, appliesTo and rule',
      },
    ),
  },
  { error: `expected a ${CHECK_KIND} document` },
);

/** A check file as the schema reads it. */
export type CheckFileInput = z.output<typeof checkFileSchema>;
