import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { JSON_SCHEMA_EDITOR_KEYWORDS, manifestJsonSchema, validateManifest, type Profile } from '../../../src/index.js';

/** The options the differential test compiles with: `strict` fails on any keyword ajv does not know. */
export const AJV_OPTIONS = { allErrors: true, strict: true, unicodeRegExp: true } as const;

/** A strict ajv that knows draft 2020-12 only: it refuses the editor keywords. */
export const strictAjvWithoutEditorKeywords = (): InstanceType<typeof Ajv2020.default> => new Ajv2020.default(AJV_OPTIONS);

/**
 * A fresh ajv instance with {@link AJV_OPTIONS} that knows the editor keywords of VS Code's JSON
 * language service (`patternErrorMessage`, `markdownDescription`, …) as annotations: a vocabulary of
 * keywords that carry text for editors and change no verdict (ajv's `addVocabulary` with names only).
 * Every other unknown keyword still fails, as strict mode wants.
 */
export const newAjv = (): InstanceType<typeof Ajv2020.default> => {
  const ajv = strictAjvWithoutEditorKeywords();
  ajv.addVocabulary([...JSON_SCHEMA_EDITOR_KEYWORDS]);
  return ajv;
};

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
