/**
 * The logo check behind `validate --logo`: the 70×70 px rule of LivePerson's
 * "Installing LivePerson Applications" page cannot be seen in a URI, so it is
 * checked where the image file is at hand.
 */
import { fileIssue, type FileIssue } from './file-issues.js';
import { readBytes } from './files.js';

/** LivePerson shows app logos at exactly this size ("Installing LivePerson Applications"). */
export const LOGO_SIZE = 70;

/** Logo files larger than this are refused before decoding: a 70×70 image is a few kilobytes. */
const MAX_LOGO_BYTES = 16 * 1024 * 1024;

/**
 * Checks that a local image is exactly 70×70 pixels. The image decoder
 * (image-size) is loaded here, on first use, so that only `--logo` pays for it.
 *
 * @param path - Where the image is.
 * @param name - How messages name it: the path as the user typed it.
 * @returns `undefined` if it is, otherwise a `logo_wrong_size` or `logo_unreadable` issue at `logo_uri`.
 *
 * @example
 * ```ts
 * import { checkLogo } from './logo.js';
 *
 * (await checkLogo('assets/logo.png'))?.message;
 * // 'logo "assets/logo.png" is 64x64 pixels; it must be exactly 70x70'
 * ```
 */
export async function checkLogo(path: string, name = path): Promise<FileIssue | undefined> {
  const bytes = await readBytes(path, MAX_LOGO_BYTES);
  if (!bytes.ok) {
    const { code } = bytes.issue;
    const reason =
      code === 'file_not_found' || code === 'file_is_directory' || code === 'file_too_large' ? code : 'file_unreadable';
    return fileIssue(['logo_uri'], 'logo_unreadable', { file: name, reason });
  }
  const { imageSize } = await import('image-size');
  let size: { readonly width: number; readonly height: number };
  try {
    size = imageSize(bytes.value);
  } catch {
    // image-size throws for anything it cannot decode: not an image, or a truncated one.
    return fileIssue(['logo_uri'], 'logo_unreadable', { file: name, reason: 'not_an_image' });
  }
  if (size.width === LOGO_SIZE && size.height === LOGO_SIZE) return undefined;
  return fileIssue(['logo_uri'], 'logo_wrong_size', { file: name, width: size.width, height: size.height, size: LOGO_SIZE });
}
