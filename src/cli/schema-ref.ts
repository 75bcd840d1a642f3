/**
 * The `"$schema"` that `init` and `build --out` write: a relative path from the manifest's folder to
 * the shipped schema of its profile in the project's installed package, so that editors find it and
 * `validate`, `plan` and `apply` read the profile from it (by its file name, profile.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Profile } from '../index.js';
import { PROGRAM } from './args.js';

/** Where the `"$schema"` points, and whether the package is installed there. */
export interface SchemaReference {
  /** The value to write: `./node_modules/lp-app-manifest/schema/connector.schema.json`, `../node_modules/…`. */
  readonly ref: string;
  /** `false` when no installed package was found from the folder up: `ref` is then where `npm install` will put it. */
  readonly installed: boolean;
}

/** A relative URI reference (`/` separated, starting `./` or `../`) from a folder to a file. */
function relativeRef(from: string, to: string): string {
  const path = relative(from, to).split(sep).join('/');
  return path.startsWith('../') ? path : `./${path}`;
}

/** Whether `dir` is this package's own folder (its clone: the examples point at `schema/` there). */
function isThisPackage(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === PROGRAM;
  } catch {
    return false;
  }
}

/**
 * The `"$schema"` for a manifest of `profile` written in `folder` (absolute): the relative path to
 * `schema/<profile>.schema.json` of the package as Node.js would find it from there (the nearest
 * `node_modules/lp-app-manifest` from the folder up, not following symbolic links, so the path stays
 * inside the project), or of the package's own clone. When neither is found, the path where
 * `npm install` puts it: `node_modules` beside the nearest `package.json` (else in the folder itself),
 * with `installed: false`, for the command to say so.
 *
 * @example
 * ```ts
 * import { schemaReference } from './schema-ref.js';
 *
 * schemaReference('connector', '/work/project/manifests').ref; // '../node_modules/lp-app-manifest/schema/connector.schema.json'
 * ```
 */
export function schemaReference(profile: Profile, folder: string): SchemaReference {
  const file = join('schema', `${profile}.schema.json`);
  let root: string | undefined;
  for (let dir = folder; ; dir = dirname(dir)) {
    const installed = join(dir, 'node_modules', PROGRAM, file);
    if (existsSync(installed)) return { ref: relativeRef(folder, installed), installed: true };
    if (isThisPackage(dir) && existsSync(join(dir, file))) return { ref: relativeRef(folder, join(dir, file)), installed: true };
    root ??= existsSync(join(dir, 'package.json')) ? dir : undefined;
    if (dirname(dir) === dir) break;
  }
  return { ref: relativeRef(folder, join(root ?? folder, 'node_modules', PROGRAM, file)), installed: false };
}

/**
 * What a command says on stderr when the package is not installed where the manifest is: the
 * `"$schema"` it wrote points where `npm install` will put the package; the profile travels anyway.
 */
export const notInstalledNote = (target: string, ref: string): string =>
  `${target}: note: ${PROGRAM} is not installed in this project, so "$schema" (${ref}) points where npm install --save-dev ${PROGRAM} will put it; editors find the schema once it is there, and validate, plan and apply read the profile from its file name either way`;
