import { t } from '../shared/l10n';
/** How the cloud's answers become diagnostics at the exact values; each code's severity is the registry's (shared/codes.ts). */
import type { Diagnostic } from 'vscode-languageserver-types';
import { CloudCode } from '../shared/codes';
import { cloudFinding as diagnostic } from './finding';
import type { CheckFailure, CloudAnswers } from './answers';
import { CLOUD_MESSAGES, type CloudMessageTable } from './messages';
import type { CloudResources, OssResource } from './resources';
import { formatSize } from './format';
import type { DiagnosticData, FixHint } from '../fixes/hint';
import { closestObjectFix, closestProjectFix, folderUriOf, freeOutputFix } from './fixes';
import { jobMediaDiagnostics, objectMediaDiagnostics } from './mediaChecks';
import { MEDIA_MESSAGES } from './mediaMessages';

/** Content types that say nothing about the content: no warning for them. */
const UNLABELLED = new Set(['application/octet-stream', 'binary/octet-stream', '']);

/** A finding with its quick fixes as `data`, the shape core/src/features/codeActions.ts reads. */
function withFixes(found: Diagnostic, fixes: readonly (FixHint | undefined)[]): Diagnostic {
  const present = fixes.filter((fix): fix is FixHint => fix !== undefined);
  return present.length ? { ...found, data: { fixes: present } satisfies DiagnosticData } : found;
}

/** Why a cloud-check-failed diagnostic's check could not run. */
export function failureReasonOf(d: Diagnostic): CheckFailure['reason'] | undefined {
  const data = d.data as { reason?: CheckFailure['reason'] } | undefined;
  return d.code === CloudCode.CheckFailed ? data?.reason : undefined;
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** `Fri, 20 Nov 2026 08:00:00 GMT` -> `2026-11-20 08:00 UTC`; text that is not a date is kept. */
function formatDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function cloudDiagnostics(resources: CloudResources, answers: CloudAnswers, messages: CloudMessageTable = CLOUD_MESSAGES): Diagnostic[] {
  const out: Diagnostic[] = [];

  if (answers.failure) {
    const range = resources.project?.range ?? resources.uris[0]?.range;
    if (range)
      out.push(
        diagnostic(
          range,
          CloudCode.CheckFailed,
          messages[CloudCode.CheckFailed]({ subject: t('this job against the cloud'), failure: answers.failure }),
          answers.failure,
        ),
      );
    return out;
  }

  const project = resources.project;
  if (project && answers.project) {
    if (answers.project.state === 'missing') {
      const found = diagnostic(
        project.range,
        CloudCode.ProjectNotFound,
        messages[CloudCode.ProjectNotFound]({ project: project.name, region: answers.region }),
      );
      out.push(withFixes(found, [answers.candidates?.projects && closestProjectFix(project.name, answers.candidates.projects)]));
    } else if (answers.project.state === 'failed') {
      out.push(
        diagnostic(
          project.range,
          CloudCode.CheckFailed,
          messages[CloudCode.CheckFailed]({ subject: t('IMM project "{0}"', project.name), failure: answers.project.failure }),
          answers.project.failure,
        ),
      );
    }
  }

  // A bucket problem is reported once per URI (each is a place to fix), the check failure once per bucket.
  const failedBuckets = new Set<string>();
  for (const uri of resources.uris) {
    const bucket = answers.buckets.get(uri.bucket);
    if (!bucket) continue;
    if (bucket.state === 'missing') {
      out.push(diagnostic(uri.bucketRange, CloudCode.BucketNotFound, messages[CloudCode.BucketNotFound]({ bucket: uri.bucket })));
      continue;
    }
    if (bucket.state === 'other-region' || (bucket.state === 'found' && bucket.region !== answers.region)) {
      out.push(
        diagnostic(
          uri.bucketRange,
          CloudCode.BucketOtherRegion,
          messages[CloudCode.BucketOtherRegion]({ bucket: uri.bucket, bucketRegion: bucket.region, region: answers.region }),
        ),
      );
      continue;
    }
    if (bucket.state === 'failed') {
      if (!failedBuckets.has(uri.bucket)) {
        failedBuckets.add(uri.bucket);
        out.push(
          diagnostic(
            uri.bucketRange,
            CloudCode.CheckFailed,
            messages[CloudCode.CheckFailed]({ subject: t('OSS bucket "{0}"', uri.bucket), failure: bucket.failure }),
            bucket.failure,
          ),
        );
      }
      continue;
    }
    out.push(...objectDiagnostics(uri, answers, messages));
  }
  out.push(...jobMediaDiagnostics(resources, answers));
  return out;
}

function objectDiagnostics(uri: OssResource, answers: CloudAnswers, messages: CloudMessageTable): Diagnostic[] {
  if (uri.field === 'other') return [];
  const object = answers.objects.get(uri.uri);
  if (!object) return [];
  const folderKeys = answers.candidates?.folders?.get(folderUriOf(uri.bucket, uri.key));
  if (object.state === 'failed') {
    return [diagnostic(uri.range, CloudCode.CheckFailed, messages[CloudCode.CheckFailed]({ subject: uri.uri, failure: object.failure }), object.failure)];
  }
  if (uri.field === 'output') {
    if (object.state !== 'found') return [];
    const found = diagnostic(
      uri.range,
      CloudCode.OutputExists,
      messages[CloudCode.OutputExists]({
        uri: uri.uri,
        size: object.size === undefined ? undefined : formatSize(object.size),
        lastModified: formatDate(object.lastModified),
      }),
    );
    return [withFixes(found, [folderKeys && freeOutputFix(uri, folderKeys)])];
  }
  if (object.state === 'missing') {
    const found = diagnostic(
      uri.range,
      CloudCode.ObjectNotFound,
      messages[CloudCode.ObjectNotFound]({ uri: uri.uri, what: uri.field === 'music' ? 'music' : 'video' }),
    );
    return [withFixes(found, [folderKeys && closestObjectFix(uri, folderKeys)])];
  }
  const media = objectMediaDiagnostics(uri, answers.media?.get(uri.uri), MEDIA_MESSAGES, messages);
  if (media.replacesGuess) return media.found;
  return [...media.found, ...contentTypeDiagnostics(uri, object.contentType, messages)];
}

/** The guess from the Content-Type, made while the media facts are not known. */
function contentTypeDiagnostics(uri: OssResource, contentType: string | undefined, messages: CloudMessageTable): Diagnostic[] {
  const type = mediaType(contentType);
  if (UNLABELLED.has(type)) return [];
  if (uri.field === 'source' && !type.startsWith('video/')) {
    return [diagnostic(uri.range, CloudCode.NotVideo, messages[CloudCode.NotVideo]({ uri: uri.uri, contentType: type }))];
  }
  if (uri.field === 'music' && !type.startsWith('audio/')) {
    return [diagnostic(uri.range, CloudCode.NotAudio, messages[CloudCode.NotAudio]({ uri: uri.uri, contentType: type }))];
  }
  return [];
}
