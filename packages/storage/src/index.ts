export { assertValidKey, documentKey, type ObjectInfo, type ObjectStore } from './object-store.port.ts';
export { createFilesystemStore } from './filesystem.store.ts';
