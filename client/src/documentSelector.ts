import type { DocumentSelector } from 'vscode-languageclient';
import { LANGUAGE_ID } from './constants';

/**
 * Our language in any scheme (unsaved files, vscode-vfs:// on github.dev, ...), plus job files on disk that a
 * user has re-associated with another language (e.g. "yaml" for Red Hat's extension).
 */
export const documentSelector: DocumentSelector = [
  { language: LANGUAGE_ID },
  { scheme: 'file', pattern: '**/*.highlight.{yaml,yml}' },
];
