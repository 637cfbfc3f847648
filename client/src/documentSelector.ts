import type { DocumentSelector } from 'vscode-languageclient';
import { JOB_FILE_GLOB_ANY_CASE, JOB_LANGUAGE_ID } from '../../core/src/index';

/**
 * Our language in any scheme (unsaved files, vscode-vfs:// on github.dev, ...), plus job files on disk that a
 * user has re-associated with another language (e.g. "yaml" for Red Hat's extension).
 */
export const documentSelector: DocumentSelector = [{ language: JOB_LANGUAGE_ID }, { scheme: 'file', pattern: JOB_FILE_GLOB_ANY_CASE }];
