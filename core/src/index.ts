/**
 * The core's one door: everything server/, client/, cli/, api/ and bench/ may use of the language core. Tests may
 * import deeper modules to pin them; product code outside core/ imports only this file (scripts/check-imports.mjs).
 * Re-exports only: esbuild keeps of them what a bundle uses, so a bundle is no larger for importing this file.
 */
export type { BucketAnswer, CheckFailure, CheckFailureReason, CloudAnswers, CloudCandidates, MediaAnswer, ObjectAnswer, ProjectAnswer } from './cloud/answers';
export { cloudChecksAtLeast, effectiveCloudCheckMode } from './cloud/checkMode';
export type { AudioStreamFacts, ColdStorageClass, MediaFacts, MediaReadCost, VideoStreamFacts } from './cloud/mediaFacts';
export type { CloudCheckMode } from './cloud/checkMode';
export { cloudCompletionContext } from './cloud/context';
export type { BucketContext, CloudCompletionContext, FolderContext, ProjectContext } from './cloud/context';
export { cloudDiagnostics, failureReasonOf } from './cloud/diagnostics';
export { folderOf, folderUriOf } from './cloud/fixes';
export { formatSize } from './cloud/format';
export { CLOUD_CONTEXT_REQUEST } from './cloud/protocol';
export type { CloudContextParams, CloudContextResult } from './cloud/protocol';
export { shiftRangeThrough } from './cloud/rangeShift';
export { sortTextOf } from './cloud/ranking';
export { cloudChecksMoot, cloudResources, planCloudChecks, splitOssUri } from './cloud/resources';
export type { CloudCheckPlan } from './cloud/resources';
export { codeActions, quickFixes } from './features/codeActions';
export type { CodeActionSettings } from './features/codeActions';
export { complete } from './features/completion';
export { spaceCanStartCompletion } from './features/completionTrigger';
export type { CompletionOptions } from './features/completion';
export { formattingRefusal } from './features/formatRefusal';
export { formatDocument } from './features/formatting';
export { hover } from './features/hover';
export type { HoverOptions } from './features/hover';
export { documentSymbols } from './features/symbols';
export { MAX_DOCUMENT_LENGTH, parseJob } from './parse/document';
export type { JobDocument } from './parse/document';
export { keyRange, valueRange } from './parse/locate';
export { offsetOf } from './parse/positions';
export { COMMAND_LINE_TEXT, shellOf, SHELLS } from './request/commandLine';
export type { CommandLineOptions, Shell } from './request/commandLine';
export { previewRequest } from './request/preview';
export type { RequestPreview } from './request/preview';
export { API_ACTION, API_VERSION, RequestBuildError, toRequest } from './request/request';
export type { CreateHighlightTaskRequest } from './request/request';
export { SNIPPETS } from './schema/snippets';
export type { JobSnippet } from './schema/snippets';
export { CliCode, CloudCode, DIAGNOSTIC_SOURCE } from './shared/codes';
export { isJobDocument, JOB_FILE_GLOB, JOB_FILE_GLOB_ANY_CASE, JOB_LANGUAGE_ID } from './shared/jobFiles';
export { t } from './shared/l10n';
export { localeFromEnvironment, localeOf, useLocale } from './shared/locale';
export type { Locale, MessageBundle } from './shared/locale';
export { ossUriProblem } from './shared/ossUri';
export { validateJob } from './validate/validate';
export { parserMessagesOf, YAML_ERROR_MESSAGES } from './validate/yamlErrors';
