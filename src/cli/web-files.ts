/**
 * The web page's files and the policy they are served under: one owner for `npm run web` (which
 * writes the policy into the page's `<meta>`) and `lp-app-manifest web` (which sends it as a header).
 */

/**
 * The page's Content-Security-Policy: nothing but its own script, style sheet and images, and no
 * connection of any kind (`default-src 'none'` covers `connect-src`, `form-action` is separate), so
 * the manifest cannot leave the tab even through a bug. CodeMirror's styles need no `'unsafe-inline'`:
 * style-mod adds them as a constructed style sheet (`adoptedStyleSheets`), which `style-src` does not
 * govern (the browser test records every policy violation).
 */
export const WEB_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** Each file of the built page (dist/web/), by name, with its media type. Nothing else is served. */
export const WEB_FILES = {
  'index.html': 'text/html; charset=utf-8',
  'page.js': 'text/javascript; charset=utf-8',
  'page.css': 'text/css; charset=utf-8',
} as const satisfies Readonly<Record<string, string>>;
