/*
 * Validators of the official OSCAL 1.2.1 JSON schemas (NIST, public domain;
 * see the README beside them in the corpus), read through the test corpus.
 */
import fs from 'node:fs';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { corpusPath } from '@readiness/test-corpus';

export type OscalModel = 'assessment-results' | 'component';

const validators = new Map<OscalModel, ValidateFunction>();

/** A validator of one OSCAL model's JSON schema, compiled once. */
export function oscalValidator(model: OscalModel): ValidateFunction {
  let validate = validators.get(model);
  if (!validate) {
    const schema = JSON.parse(
      fs.readFileSync(
        corpusPath('oscal', 'schemas-1.2.1', `oscal_${model}_schema.json`),
        'utf8',
      ),
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
    validators.set(model, validate);
  }
  return validate;
}

/** The schema's complaints about a document, empty when it is valid. */
export function oscalErrors(model: OscalModel, document: unknown): string[] {
  const validate = oscalValidator(model);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`,
  );
}
