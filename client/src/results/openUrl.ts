/**
 * Opens an http(s) URL (a presigned URL, the OSS console) in the browser exactly as it was built.
 *
 * VS Code opens a Uri given to env.openExternal as `encodeURI(uri.toString(true))`: a key's `#` or `?`, already
 * `%23`/`%3F` in the URL, comes out as `%2523`/`%253F` (encoded twice) and the signature no longer matches. A
 * string it does not need to change (no port forwarding) is opened as is; the API accepts one at run time
 * (ExtHostWindow.openUri takes `string | Uri`), so the URL goes as a string.
 */
import * as vscode from 'vscode';

export function openUrl(url: string): Thenable<boolean> {
  return vscode.env.openExternal(url as unknown as vscode.Uri);
}
