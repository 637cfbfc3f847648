/** Turns the file arguments (paths, directories, globs) into a sorted list of job files. */
import { constants, readdir, type Dirent } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
// A require, not an import: esbuild then bundles tinyglobby's CommonJS build. Its ESM build (through fdir)
// calls createRequire(import.meta.url), which is undefined in our CommonJS bundle and crashes at start-up.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build on purpose (above)
import tinyglobby = require('tinyglobby');
const { glob, isDynamicPattern } = tinyglobby;
import { t, JOB_FILE_GLOB, MAX_DOCUMENT_LENGTH } from '../../core/src/index';
import { UsageError } from './io';

/** Messages of this feature, in one place for translation. */
export const FILE_TEXT = {
  symlink: () => t('is a symbolic link; links are not followed'),
  notRegular: (what: string) => t('is {0}, not a regular file', what),
  tooLarge: (bytes: number) =>
    t('has {0} bytes; files over {1} bytes (4 MiB) are not read', bytes.toLocaleString('en-US'), MAX_DOCUMENT_LENGTH.toLocaleString('en-US')),
  missing: () => t('no such file'),
  denied: () => t('permission denied'),
  unreadable: (code: string) => t('cannot be read ({0})', code),
};

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/** Paths as the user should read them: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/**
 * A link, FIFO, socket or device as the entry it is, never a directory to enter: the walk lists it like a file
 * (its glob keeps files only), and readJobText reports why it was not read.
 */
function oddAsFile(entry: Dirent): Dirent {
  if (entry.isFile() || entry.isDirectory()) return entry;
  return Object.assign(Object.create(entry) as Dirent, { isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false });
}

/** The walker's readdir, with links and special files listed (so each skipped one is reported), links not followed. */
const WALK_FS = {
  readdir: ((path: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, entries?: Dirent[]) => void) =>
    readdir(path, { withFileTypes: true }, (error, entries) => callback(error, entries?.map(oddAsFile)))) as unknown as typeof readdir,
};

/**
 * Directories and globs are walked without following symbolic links, so a link cannot lead the walk out of the
 * given folders (or round the whole disk); what they find is read by readJobText, which skips anything that is
 * not a regular file.
 */
export async function expandFiles(args: readonly string[], cwd: string): Promise<string[]> {
  if (args.length === 0) throw new UsageError(t('Give at least one file, directory or glob, e.g. highlight-task validate "jobs/**/*.highlight.yaml".'));
  const found = new Set<string>();
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = await lstat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      // Any letter case, as the editor and the language server count job files (a glob the user wrote keeps its case).
      for (const file of await glob(JOB_FILE_GLOB, {
        cwd: path,
        absolute: true,
        ignore: IGNORE,
        caseSensitiveMatch: false,
        followSymbolicLinks: false,
        fs: WALK_FS,
      }))
        found.add(file);
    } else if (info) {
      // A file, or anything else named explicitly (a link, a FIFO): readJobText reports what it is.
      found.add(path);
    } else if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, absolute: true, ignore: IGNORE, onlyFiles: true, followSymbolicLinks: false, fs: WALK_FS });
      if (matches.length === 0) throw new UsageError(t('No files match {0}.', arg));
      for (const file of matches) found.add(file);
    } else {
      throw new UsageError(t('{0}: no such file or directory.', arg));
    }
  }
  if (found.size === 0) throw new UsageError(t('No *.highlight.yaml files found in {0}.', args.join(', ')));
  return [...found].sort();
}

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return t('a directory');
  if (info.isFIFO()) return t('a named pipe');
  if (info.isCharacterDevice() || info.isBlockDevice()) return t('a device');
  if (info.isSocket()) return t('a socket');
  return t('not a file');
}

/**
 * A job file's text, or why it was not read: symbolic links are not followed, only regular files are read
 * (opened without blocking, so a FIFO cannot hang the run), and the size is checked before reading.
 */
export async function readJobText(path: string): Promise<{ text: string } | { problem: string }> {
  try {
    const link = await lstat(path);
    if (link.isSymbolicLink()) return { problem: FILE_TEXT.symlink() };
    if (!link.isFile()) return { problem: FILE_TEXT.notRegular(kindOf(link)) };
    // O_NOFOLLOW and fstat: the file checked is the file read, even if the path changes in between.
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      if (!info.isFile()) return { problem: FILE_TEXT.notRegular(kindOf(info)) };
      if (info.size > MAX_DOCUMENT_LENGTH) return { problem: FILE_TEXT.tooLarge(info.size) };
      const buffer = Buffer.alloc(MAX_DOCUMENT_LENGTH + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > MAX_DOCUMENT_LENGTH) return { problem: FILE_TEXT.tooLarge(length) };
      }
      // Editors drop a byte order mark before they show the text; so does the CLI, or line 1's columns would be off by one.
      return {
        text: buffer
          .subarray(0, length)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { problem: FILE_TEXT.symlink() };
    return {
      problem:
        code === 'ENOENT'
          ? FILE_TEXT.missing()
          : code === 'EACCES'
            ? FILE_TEXT.denied()
            : code === 'EISDIR'
              ? FILE_TEXT.notRegular(t('a directory'))
              : FILE_TEXT.unreadable(code ?? 'error'),
    };
  }
}

/** For a single named job (submit): the text, or a usage error that says why it was not read. */
export async function readJobFile(path: string, cwd: string): Promise<string> {
  const read = await readJobText(path);
  if ('problem' in read) throw new UsageError(`${displayPath(path, cwd)}: ${read.problem}.`);
  return read.text;
}
