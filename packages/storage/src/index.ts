export { assertValidKey, documentKey, type ObjectInfo, type ObjectStore } from './object-store.port.ts';
export { createFilesystemStore } from './filesystem.store.ts';
export { createS3Store, type S3StoreConfig } from './s3.store.ts';
