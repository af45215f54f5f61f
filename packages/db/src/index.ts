export { openDatabase, type DatabaseConfig, type DatabaseHandle } from './database.ts';
export { migrateToLatest, type MigrationOutcome } from './migrator.ts';
export { splitSqlStatements } from './sql-splitter.ts';
export type { Database, DocumentStatus } from './schema.ts';
export { createDocumentsRepository, type CertificateFields, type DocumentRow, type DocumentsRepository, type DocumentState } from './documents.repository.ts';
export { createVendorsRepository, type VendorDocumentRow, type VendorsRepository } from './vendors.repository.ts';
export { createRegistryRepository, type RegistryRepository, type StoredSnapshot } from './registry.repository.ts';
export { createEvaluationsRepository, type EvaluationsRepository, type FindingChanges, type FindingWithFingerprint, type SaveEvaluationInput } from './evaluations.repository.ts';
export { createRepositories, type Repositories } from './repositories.ts';
