/** OSS's XML response bodies, built as the service writes them. */
import type { StoredBucket, StoredObject } from './state';

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

const el = (name: string, value: string | number | boolean): string => `<${name}>${escapeXml(String(value))}</${name}>`;
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface ErrorFields {
  readonly code: string;
  readonly message: string;
  readonly requestId: string;
  readonly hostId: string;
  /** Extra elements, e.g. Endpoint and Bucket for a bucket addressed in the wrong region. */
  readonly extra?: Readonly<Record<string, string>>;
}

export function errorXml(fields: ErrorFields): string {
  const extra = Object.entries(fields.extra ?? {})
    .map(([k, v]) => `  ${el(k, v)}\n`)
    .join('');
  return `${HEAD}<Error>\n  ${el('Code', fields.code)}\n  ${el('Message', fields.message)}\n  ${el('RequestId', fields.requestId)}\n  ${el('HostId', fields.hostId)}\n${extra}</Error>\n`;
}

export function ownerXml(owner: { id: string; displayName: string }): string {
  return `<Owner>${el('ID', owner.id)}${el('DisplayName', owner.displayName)}</Owner>`;
}

export function listBucketsXml(
  buckets: readonly StoredBucket[],
  owner: { id: string; displayName: string },
  page: { prefix: string; marker: string; maxKeys: number; isTruncated: boolean; nextMarker?: string },
): string {
  const items = buckets
    .map(
      (b) =>
        `    <Bucket>${el('CreationDate', b.creationDate.toISOString())}${el('ExtranetEndpoint', `${b.location}.aliyuncs.com`)}${el('IntranetEndpoint', `${b.location}-internal.aliyuncs.com`)}${el('Location', b.location)}${el('Name', b.name)}${el('Region', b.region)}${el('StorageClass', b.storageClass)}</Bucket>\n`,
    )
    .join('');
  const paging = `${page.prefix ? el('Prefix', page.prefix) : ''}${page.marker ? el('Marker', page.marker) : ''}${el('MaxKeys', page.maxKeys)}${el('IsTruncated', page.isTruncated)}${page.nextMarker ? el('NextMarker', page.nextMarker) : ''}`;
  return `${HEAD}<ListAllMyBucketsResult>\n  ${paging}\n  ${ownerXml(owner)}\n  <Buckets>\n${items}  </Buckets>\n</ListAllMyBucketsResult>\n`;
}

export function bucketInfoXml(bucket: StoredBucket, owner: { id: string; displayName: string }): string {
  return `${HEAD}<BucketInfo>\n  <Bucket>${el('AccessMonitor', 'Disabled')}${el('CreationDate', bucket.creationDate.toISOString())}${el('ExtranetEndpoint', `${bucket.location}.aliyuncs.com`)}${el('IntranetEndpoint', `${bucket.location}-internal.aliyuncs.com`)}${el('Location', bucket.location)}${el('StorageClass', bucket.storageClass)}${el('DataRedundancyType', 'LRS')}${el('Name', bucket.name)}${ownerXml(owner)}<AccessControlList>${el('Grant', 'private')}</AccessControlList></Bucket>\n</BucketInfo>\n`;
}

export function locationXml(bucket: StoredBucket): string {
  return `${HEAD}${el('LocationConstraint', bucket.location)}\n`;
}

export interface ListPage {
  readonly bucket: string;
  readonly prefix: string;
  readonly delimiter: string;
  readonly maxKeys: number;
  readonly objects: readonly StoredObject[];
  readonly prefixes: readonly string[];
  readonly isTruncated: boolean;
  readonly encodeKeys: boolean;
}

function contentsXml(objects: readonly StoredObject[], encode: (text: string) => string): string {
  return objects
    .map(
      (o) =>
        `  <Contents>${el('Key', encode(o.key))}${el('LastModified', o.lastModified.toISOString())}${el('ETag', o.etag)}${el('Type', 'Normal')}${el('Size', o.size)}${el('StorageClass', o.storageClass ?? 'Standard')}</Contents>\n`,
    )
    .join('');
}

export function listObjectsV2Xml(page: ListPage & { continuationToken?: string; nextContinuationToken?: string; startAfter?: string }): string {
  const encode = page.encodeKeys ? (t: string) => encodeURIComponent(t) : (t: string) => t;
  const prefixes = page.prefixes.map((p) => `  <CommonPrefixes>${el('Prefix', encode(p))}</CommonPrefixes>\n`).join('');
  return (
    `${HEAD}<ListBucketResult>\n  ${el('Name', page.bucket)}${el('Prefix', encode(page.prefix))}` +
    `${page.continuationToken ? el('ContinuationToken', page.continuationToken) : ''}${page.startAfter ? el('StartAfter', encode(page.startAfter)) : ''}` +
    `${el('MaxKeys', page.maxKeys)}${page.delimiter ? el('Delimiter', encode(page.delimiter)) : ''}${page.encodeKeys ? el('EncodingType', 'url') : ''}` +
    `${el('IsTruncated', page.isTruncated)}${page.nextContinuationToken ? el('NextContinuationToken', page.nextContinuationToken) : ''}` +
    `${el('KeyCount', page.objects.length + page.prefixes.length)}\n${contentsXml(page.objects, encode)}${prefixes}</ListBucketResult>\n`
  );
}

export function listObjectsV1Xml(page: ListPage & { marker: string; nextMarker?: string }, owner: { id: string; displayName: string }): string {
  const encode = page.encodeKeys ? (t: string) => encodeURIComponent(t) : (t: string) => t;
  const contents = page.objects
    .map(
      (o) =>
        `  <Contents>${el('Key', encode(o.key))}${el('LastModified', o.lastModified.toISOString())}${el('ETag', o.etag)}${el('Type', 'Normal')}${el('Size', o.size)}${el('StorageClass', o.storageClass ?? 'Standard')}${ownerXml(owner)}</Contents>\n`,
    )
    .join('');
  const prefixes = page.prefixes.map((p) => `  <CommonPrefixes>${el('Prefix', encode(p))}</CommonPrefixes>\n`).join('');
  return (
    `${HEAD}<ListBucketResult>\n  ${el('Name', page.bucket)}${el('Prefix', encode(page.prefix))}${el('Marker', encode(page.marker))}` +
    `${el('MaxKeys', page.maxKeys)}${page.delimiter ? el('Delimiter', encode(page.delimiter)) : ''}${el('IsTruncated', page.isTruncated)}` +
    `${page.nextMarker ? el('NextMarker', encode(page.nextMarker)) : ''}\n${contents}${prefixes}</ListBucketResult>\n`
  );
}
