/**
 * What makes a file a job, defined once for the server, the client and the CLI; package.json
 * `contributes.languages` says the same (test/unit/package/manifest.test.ts ties them).
 */

/** The language id of job files (package.json `contributes.languages[0].id`). */
export const JOB_LANGUAGE_ID = 'imm-highlight';

/** The endings of a job file's name (package.json `extensions`); VS Code matches them case-insensitively, and so do we. */
export const JOB_FILE_EXTENSIONS = ['.highlight.yaml', '.highlight.yml'] as const;

/** Job files at any depth below a folder, as a glob (`**\/*.highlight.{yaml,yml}`); match it ignoring case. */
export const JOB_FILE_GLOB = '**/*.highlight.{yaml,yml}';

/** JOB_FILE_GLOB for matchers without an ignore-case option (VS Code's document selectors): each letter a `[xX]` class. */
export const JOB_FILE_GLOB_ANY_CASE = JOB_FILE_GLOB.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);

/** Whether a path or URI names a job file: `a.highlight.yaml`, `JOB.HIGHLIGHT.YML`; not `a.yaml`, not `a.highlight.yaml.bak`. */
export function isJobFileName(pathOrUri: string): boolean {
  const lower = pathOrUri.toLowerCase();
  return JOB_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * A document is a job when it has our language, or a job file's name whatever language the user gave it (e.g.
 * `yaml`, for Red Hat's extension).
 */
export function isJobDocument(languageId: string, pathOrUri: string): boolean {
  return languageId === JOB_LANGUAGE_ID || isJobFileName(pathOrUri);
}
