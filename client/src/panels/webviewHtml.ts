/** What a webview page needs from the host to load its bundle under a strict CSP. */
export interface WebviewPage {
  title: string;
  /** The webview's `cspSource` (the origin local resources are served from). */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/** A fresh nonce for one page load: 32 characters from a CSPRNG. */
export function createNonce(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The HTML shell of a webview: no inline script or style, scripts only with this load's nonce,
 * styles, images and fonts only from the extension's own files, no network at all.
 */
export function renderWebviewHtml(page: WebviewPage): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${page.nonce}'`,
    `style-src ${page.cspSource}`,
    `img-src ${page.cspSource} data:`,
    `font-src ${page.cspSource}`,
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttribute(page.title)}</title>
<link rel="stylesheet" href="${escapeAttribute(page.styleUri)}">
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${page.nonce}" src="${escapeAttribute(page.scriptUri)}"></script>
</body>
</html>`;
}
