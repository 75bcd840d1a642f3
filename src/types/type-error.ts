/**
 * A type that no value has, put where a wrong argument goes so that the
 * compiler's error message reads as the explanation (Kysely's `KyselyTypeError`).
 *
 * @example
 * ```ts
 * // error TS2349: This expression is not callable.
 * //   Type 'ManifestTypeError<"build() needs clientName(...) first">' has no call signatures.
 * ManifestBuilder.general().build();
 * ```
 */
export interface ManifestTypeError<TMessage extends string> {
/** The explanation, shown by the compiler where the wrong argument is. */
  readonly __manifestTypeError: TMessage;
}
