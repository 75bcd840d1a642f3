/**
 * The logo check behind `validate --logo`: the 70×70 px logo rule
 * cannot be seen in a URI, so it is checked where the image file is at hand.
 */
import { imageSize } from 'image-size';
import { readBytes } from './files.js';

/** LivePerson shows app logos at exactly this size (page 000). */
export const LOGO_SIZE = 70;

/** What is wrong with a logo file. */
export interface LogoProblem {
  readonly code: 'logo_wrong_size' | 'logo_unreadable';
  readonly message: string;
}

/** Logo files larger than this are refused before decoding: a 70×70 image is a few kilobytes. */
const MAX_LOGO_BYTES = 16 * 1024 * 1024;

/**
 * Checks that a local image is exactly 70×70 pixels.
 *
 * @param path - Where the image is.
 * @param name - How messages name it: the path as the user typed it.
 * @returns `undefined` if it is, otherwise what is wrong.
 *
 * @example
 * ```ts
 * await checkLogo('assets/logo.png');
 * // { code: 'logo_wrong_size', message: 'logo "assets/logo.png" is 64x64 pixels; it must be exactly 70x70' }
 * ```
 */
export async function checkLogo(path: string, name = path): Promise<LogoProblem | undefined> {
  const named = `logo ${JSON.stringify(name)}`;
  const bytes = await readBytes(path, MAX_LOGO_BYTES);
  if (!bytes.ok) return { code: 'logo_unreadable', message: `${named}: ${bytes.problem.message}` };
  let size: { readonly width: number; readonly height: number };
  try {
    size = imageSize(bytes.value);
  } catch {
    // image-size throws for anything it cannot decode: not an image, or a truncated one.
    return { code: 'logo_unreadable', message: `${named} is not an image (or not one image-size can read: PNG, JPEG, GIF, SVG, WebP…)` };
  }
  if (size.width === LOGO_SIZE && size.height === LOGO_SIZE) return undefined;
  return {
    code: 'logo_wrong_size',
    message: `${named} is ${size.width}x${size.height} pixels; it must be exactly ${LOGO_SIZE}x${LOGO_SIZE}`,
  };
}
