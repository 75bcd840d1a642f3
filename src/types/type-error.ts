/**
 * A type that no value has, put where a wrong argument goes so that the
 * compiler's error message reads as the explanation (Kysely's `KyselyTypeError`).
 *
 * @example
 * ```ts
 * import { ManifestBuilder, type ManifestTypeError } from 'lp-app-manifest';
 *
 * const draft = ManifestBuilder.general();
 * // Not a method until clientName(...) is set: `draft.build()` is a compile error,
 * // error TS2349: This expression is not callable.
 * //   Type 'ManifestTypeError<"build() needs clientName(...) first">' has no call signatures.
 * const build: ManifestTypeError<'build() needs clientName(...) first'> = draft.build;
 * const manifest = draft.clientName('Acme').build();
 * ```
 */
export interface ManifestTypeError<TMessage extends string> {
  /** The explanation, shown by the compiler where the wrong argument is. */
  readonly __manifestTypeError: TMessage;
}
