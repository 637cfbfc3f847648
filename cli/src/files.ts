/** Turns the file arguments (paths, directories, globs) into a sorted list of job files. */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
// A require, not an import: esbuild then bundles tinyglobby's CommonJS build. Its ESM build (through fdir)
// calls createRequire(import.meta.url), which is undefined in our CommonJS bundle and crashes at start-up.
import tinyglobby = require('tinyglobby');
const { glob, isDynamicPattern } = tinyglobby;
import { t } from '../../core/src/l10n';
import { UsageError } from './io';

const JOB_PATTERN = '**/*.highlight.{yaml,yml}';
const IGNORE = ['**/node_modules/**', '**/.git/**'];

/** Paths as the user should read them: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

export async function expandFiles(args: readonly string[], cwd: string): Promise<string[]> {
  if (args.length === 0) throw new UsageError(t('Give at least one file, directory or glob, e.g. highlight-task validate "jobs/**/*.highlight.yaml".'));
  const found = new Set<string>();
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) {
      found.add(path);
    } else if (info?.isDirectory()) {
      for (const file of await glob(JOB_PATTERN, { cwd: path, absolute: true, ignore: IGNORE })) found.add(file);
    } else if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, absolute: true, ignore: IGNORE, onlyFiles: true });
      if (matches.length === 0) throw new UsageError(t('No files match {0}.', arg));
      for (const file of matches) found.add(file);
    } else {
      throw new UsageError(t('{0}: no such file or directory.', arg));
    }
  }
  if (found.size === 0) throw new UsageError(t('No *.highlight.yaml files found in {0}.', args.join(', ')));
  return [...found].sort();
}

export async function readJobFile(path: string, cwd: string): Promise<string> {
  try {
    // Editors drop a byte order mark before they show the text; so does the CLI, or line 1's columns would be off by one.
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? t('no such file') : code === 'EACCES' ? t('permission denied') : code === 'EISDIR' ? t('is a directory') : (code ?? t('cannot be read'));
    throw new UsageError(`${displayPath(path, cwd)}: ${why}.`);
  }
}
