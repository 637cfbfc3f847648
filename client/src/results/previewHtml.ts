/**
 * The HTML of the Preview Output webview: a `<video>` on a presigned URL, with a Content-Security-Policy that
 * allows media only from that URL's origin and nothing else (no scripts beyond the nonce'd one that posts the
 * Open in Browser click). No vscode import, so it is unit-tested as plain text; its words go through `t`.
 */
import { isPlaylistOrPrefix } from '../../../api/src/results/jobOutput';
import { t } from '../../../core/src/index';
import { escapeHtml } from '../htmlText';

export interface PreviewContent {
  /** The presigned GET URL (a secret while it lives: it is only put into the page, never logged). */
  readonly url: string;
  /** `oss://bucket/key`, shown as the title. */
  readonly ossUri: string;
  readonly expiresAt: Date;
  /** A random token for the one inline script. */
  readonly nonce: string;
}

/** HLS and DASH do not play in VS Code webviews (Media Source is missing): such outputs go to the browser. */
export function playsInWebview(key: string): boolean {
  return !isPlaylistOrPrefix(key);
}

export function previewHtml(content: PreviewContent): string {
  const origin = new URL(content.url).origin;
  const csp = [`default-src 'none'`, `media-src ${origin}`, `style-src 'unsafe-inline'`, `script-src 'nonce-${content.nonce}'`].join('; ');
  const src = escapeHtml(content.url);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(content.ossUri)}</title>
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 12px; }
  video { max-width: 100%; max-height: 75vh; background: #000; }
  .note { color: var(--vscode-descriptionForeground); margin: 8px 0; }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 0; padding: 4px 12px; cursor: pointer; }
</style>
</head>
<body>
<h3>${escapeHtml(content.ossUri)}</h3>
<video id="output" controls preload="metadata" src="${src}"></video>
<p class="note">${escapeHtml(t('VS Code webviews cannot decode AAC audio (microsoft/vscode#162062), so most MP4 results play silent here, and they do not play HLS or DASH. Open the result in the browser to hear it.'))}</p>
<p class="note">${escapeHtml(t('The link is valid until {0}.', content.expiresAt.toLocaleString()))}</p>
<button id="browser">${escapeHtml(t('Open in Browser'))}</button>
<script nonce="${escapeHtml(content.nonce)}">
  const vscode = acquireVsCodeApi();
  document.getElementById('browser').addEventListener('click', () => vscode.postMessage({ type: 'openInBrowser' }));
</script>
</body>
</html>`;
}
