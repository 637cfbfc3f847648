/**
 * The storyboard webview's page: a shell with a strict Content-Security-Policy that loads one nonce'd script and
 * one stylesheet from the extension's media/storyboard folder. The drawing itself arrives by message
 * (protocol.ts), so neither the job's texts nor a presigned URL is ever part of this HTML. No vscode import: it is
 * unit-tested as plain text.
 */
import { escapeHtml } from '../htmlText';

export interface StoryboardPageSources {
  /** `webview.cspSource`: where the extension's own files are served from. */
  readonly cspSource: string;
  /** media/storyboard/storyboard.js and .css through `webview.asWebviewUri`. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** A fresh random token per page for the one script. */
  readonly nonce: string;
  /** Origins (`https://bucket.oss-….aliyuncs.com`) that thumbnails load from; empty when thumbnails are off. */
  readonly imageOrigins: readonly string[];
  /** The display language, for `<html lang>`. */
  readonly language: string;
  /** The page's title (the job's file name is not put here: it comes by message). */
  readonly title: string;
}

/** Only plain origins make it into the policy: a value with a space, a quote or a semicolon would widen it. */
const isOrigin = (origin: string): boolean => /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?$/.test(origin);

export function storyboardCsp(sources: Pick<StoryboardPageSources, 'cspSource' | 'nonce' | 'imageOrigins'>): string {
  const images = sources.imageOrigins.filter(isOrigin);
  return [
    `default-src 'none'`,
    `script-src 'nonce-${sources.nonce}'`,
    `style-src ${sources.cspSource}`,
    ...(images.length ? [`img-src ${images.join(' ')}`] : []),
  ].join('; ');
}

export function storyboardHtml(sources: StoryboardPageSources): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(sources.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${storyboardCsp(sources).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(sources.title)}</title>
<link rel="stylesheet" href="${escapeHtml(sources.styleUri)}">
</head>
<body>
<main id="storyboard" aria-live="polite"></main>
<script nonce="${escapeHtml(sources.nonce)}" src="${escapeHtml(sources.scriptUri)}"></script>
</body>
</html>`;
}
