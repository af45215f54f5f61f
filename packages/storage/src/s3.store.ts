import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { AppError } from '@hds/core';
import { assertValidKey, notFound, unavailable, type ObjectInfo, type ObjectStore } from './object-store.port.ts';

export interface S3StoreConfig {
  /** S3-compatible endpoint (MinIO, Ceph RGW, …); omit for AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path rather than the host name; defaults to true when an endpoint is given. */
  forcePathStyle?: boolean;
  /** Create the bucket if missing (on first use). */
  ensureBucket?: boolean;
  /** How long a request may make no progress before it fails (and is retried); default 10 s. */
  requestTimeoutMs?: number;
  /** Attempts per operation, the first included; default 3. */
  maxAttempts?: number;
}

// Streams go up in parts of this size, at most QUEUE_SIZE at a time: an
// upload holds at most 16 MiB in memory whatever the document's size.
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;
// A host that is down or unreachable never completes the TCP handshake; no
// reason to wait as long for that as for a slow transfer.
const CONNECT_TIMEOUT_MS = 3000;

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const statusOf = (err: unknown) => (err as SdkError | undefined)?.$metadata?.httpStatusCode;

/**
 * Objects in one bucket of any S3-compatible store (distributed mode).
 * Every failure other than a missing object is a retryable
 * `storage.unavailable`: with bounded timeouts and attempts, an outage
 * surfaces as an error within seconds instead of a hung job.
 */
export function createS3Store(config: S3StoreConfig): ObjectStore {
  const Bucket = config.bucket;
  const timeoutMs = config.requestTimeoutMs ?? 10_000;
  const client = new S3Client({
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    forcePathStyle: config.forcePathStyle ?? config.endpoint !== undefined,
    maxAttempts: config.maxAttempts ?? 3,
    // Options, not a NodeHttpHandler instance: the SDK builds its own handler
    // from them, and @smithy/node-http-handler is not a dependency of ours.
    // socketTimeout is an inactivity bound, so a large transfer that keeps
    // moving is never cut, while a server that stops answering is.
    requestHandler: { connectionTimeout: Math.min(CONNECT_TIMEOUT_MS, timeoutMs), socketTimeout: timeoutMs },
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
  });

  // The SDK's errors may carry what the server echoed of the signed request;
  // only the name, status and message travel on, with the keys masked in case.
  const sanitize = (err: unknown): Error => {
    const e = (err ?? {}) as SdkError;
    const status = statusOf(err);
    let message = `${e.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${e.message ?? String(err)}`;
    for (const secret of [config.secretAccessKey, config.accessKeyId]) {
      if (secret) message = message.split(secret).join('***');
    }
    return new Error(message);
  };

  const isNotFound = (err: unknown) => {
    const name = (err as SdkError | undefined)?.name;
    return name === 'NoSuchKey' || name === 'NotFound' || (statusOf(err) === 404 && name !== 'NoSuchBucket');
  };

  const fail = (op: string, key: string, err: unknown): AppError => {
    if (err instanceof AppError) return err;
    if (isNotFound(err)) return notFound(key, sanitize(err));
    return unavailable(`${op} ${key} in bucket ${Bucket}`, sanitize(err));
  };

  let bucketReady: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    if (!config.ensureBucket) return Promise.resolve();
    // Once per store; a failed attempt is forgotten so the next call tries again.
    bucketReady ??= ensureBucket().catch((err: unknown) => {
      bucketReady = undefined;
      throw err;
    });
    return bucketReady;
  };

  async function ensureBucket(): Promise<void> {
    try {
      await client.send(new HeadBucketCommand({ Bucket }));
      return;
    } catch (err) {
      if (statusOf(err) !== 404) throw unavailable(`check of bucket ${Bucket}`, sanitize(err));
    }
    try {
      await client.send(new CreateBucketCommand({ Bucket }));
    } catch (err) {
      // Another process may have created it between our check and our create.
      if ((err as SdkError).name !== 'BucketAlreadyOwnedByYou') throw unavailable(`creation of bucket ${Bucket}`, sanitize(err));
    }
  }

  // Errors while the caller reads the body become the same AppErrors as the
  // rest of the port, so a job runner sees `storage.unavailable` and retries.
  async function* relay(body: AsyncIterable<Uint8Array>, key: string): AsyncGenerator<Uint8Array> {
    try {
      yield* body;
    } catch (err) {
      throw fail('get', key, err);
    }
  }

  async function getObject(key: string) {
    assertValidKey(key);
    await ready();
    const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
    if (!res.Body) throw new Error('response without a body');
    return res.Body;
  }

  return {
    kind: 's3',
    async put(key, body, opts) {
      assertValidKey(key);
      try {
        await ready();
        const ContentType = opts?.contentType;
        if (body instanceof Uint8Array) {
          await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentLength: body.byteLength, ContentType }));
        } else {
          // Upload aborts the multipart upload on failure, leaving no orphan parts.
          await new Upload({ client, params: { Bucket, Key: key, Body: body, ContentType }, partSize: PART_SIZE, queueSize: QUEUE_SIZE }).done();
        }
      } catch (err) {
        // As with a file write, a failed put must not leave the source open.
        if (!(body instanceof Uint8Array)) body.destroy();
        throw fail('put', key, err);
      }
    },
    async get(key) {
      try {
        return await (await getObject(key)).transformToByteArray();
      } catch (err) {
        throw fail('get', key, err);
      }
    },
    async getStream(key) {
      try {
        const body = (await getObject(key)) as unknown as Readable;
        return Readable.from(relay(body, key), { objectMode: false });
      } catch (err) {
        throw fail('get', key, err);
      }
    },
    async head(key) {
      assertValidKey(key);
      try {
        await ready();
        const res = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { key, size: res.ContentLength ?? 0 };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw fail('head', key, err);
      }
    },
    async copy(fromKey, toKey) {
      assertValidKey(fromKey);
      assertValidKey(toKey);
      try {
        await ready();
        // CopySource is "bucket/key", URL-encoded segment by segment.
        const CopySource = [Bucket, ...fromKey.split('/')].map(encodeURIComponent).join('/');
        await client.send(new CopyObjectCommand({ Bucket, Key: toKey, CopySource }));
      } catch (err) {
        throw fail('copy', fromKey, err);
      }
    },
    async delete(key) {
      assertValidKey(key);
      try {
        await ready();
        // S3 answers 204 for a missing key too; the catch covers stores that say 404.
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (err) {
        if (isNotFound(err)) return;
        throw fail('delete', key, err);
      }
    },
    async *list(prefix): AsyncIterable<ObjectInfo> {
      let ContinuationToken: string | undefined;
      do {
        let res;
        try {
          await ready();
          res = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
        } catch (err) {
          // A 404 here is a missing bucket, never a missing object.
          throw err instanceof AppError ? err : unavailable(`list ${prefix} in bucket ${Bucket}`, sanitize(err));
        }
        for (const o of res.Contents ?? []) if (o.Key) yield { key: o.Key, size: o.Size ?? 0 };
        ContinuationToken = res.IsTruncated ? res.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async close() {
      client.destroy();
    },
  };
}
