import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { manifestJsonSchema, validateManifest, type Profile } from '../../../src/index.js';

/** The options the differential test compiles with: `strict` fails on any keyword ajv does not know. */
export const AJV_OPTIONS = { allErrors: true, strict: true, unicodeRegExp: true } as const;

/** A fresh ajv instance with {@link AJV_OPTIONS}. */
export const newAjv = (): InstanceType<typeof Ajv2020.default> => new Ajv2020.default(AJV_OPTIONS);

const compiled = new Map<Profile, ValidateFunction>();

/** The profile's schema compiled by ajv (once per profile). */
export function schemaValidator(profile: Profile): ValidateFunction {
  let validate = compiled.get(profile);
  if (validate === undefined) {
    validate = newAjv().compile(manifestJsonSchema(profile));
    compiled.set(profile, validate);
  }
  return validate;
}

export interface Verdicts {
  readonly schema: boolean;
  readonly validator: boolean;
  /** Both sides' reasons, for a failure message. */
  readonly explain: () => string;
}

/** What ajv (with the generated schema) and `validateManifest()` say about one value. */
export function verdicts(value: unknown, profile: Profile): Verdicts {
  const validate = schemaValidator(profile);
  const schema = validate(value);
  const errors: readonly ErrorObject[] = validate.errors ?? [];
  const result = validateManifest(value, { profile });
  return {
    schema,
    validator: result.ok,
    explain: () =>
      [
        `profile ${profile}: ajv says ${schema ? 'valid' : 'invalid'}, validateManifest says ${result.ok ? 'valid' : 'invalid'}`,
        ...errors.map((e) => `  ajv: ${e.instancePath || '(root)'} ${e.message ?? e.keyword} [${e.schemaPath}]`),
        ...(result.ok ? [] : result.issues.map((i) => `  validator: ${i.path || '(root)'} ${i.message} [${i.code}]`)),
        `  input: ${JSON.stringify(value)}`,
      ].join('\n'),
  };
}
