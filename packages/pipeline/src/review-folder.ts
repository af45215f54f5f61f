import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { AppError, REPORT_SCHEMA_VERSION, type IsoDate, type ReportVendor, type ReviewReport } from '@hds/core';
import { createRepositories, migrateToLatest, openDatabase, type StoredSnapshot } from '@hds/db';
import { createExtractionPool } from '@hds/extraction';
import { createInlineRunner, type InlineJobEvent } from '@hds/jobs';
import type { Logger } from '@hds/logger';
import { importRegistry } from '@hds/registry';
import { summarize } from '@hds/report';
import type { RulePolicy } from '@hds/rules';
import { createFilesystemStore } from '@hds/storage';
import type { PipelineDeps } from './deps.ts';
import { scanReviewFolder } from './folder.scanner.ts';
import { createStageHandlers } from './handlers.ts';
import { ingestLocalFile } from './intake.ts';

export interface ReviewProgress {
  done: number;
  total: number;
  phase: 'reading' | 'evaluating';
}

export interface ReviewFolderOptions {
  folder: string;
  /** A registry snapshot file; undefined = a `registry.*` file at the top of the folder, if any; null = none. */
  registryFile?: string | null;
  asOf: IsoDate;
  /** Where the embedded database and object store live (reused across runs). */
  stateDir: string;
  logger: Logger;
  now?: () => Date;
  policy?: RulePolicy;
  onProgress?: (p: ReviewProgress) => void;
}

const TENANT = 'local';

/**
 * Embedded mode: reviews a folder of vendor dossiers in this process with the
 * same stage handlers the queue workers run — filesystem object store,
 * PGlite results store, in-process runner. Files already read (same sha256)
 * are not read again.
 */
export async function reviewFolder(opts: ReviewFolderOptions): Promise<ReviewReport> {
  const folder = resolve(opts.folder);
  const explicitRegistry = opts.registryFile ? resolve(opts.registryFile) : null;
  const scan = await scanReviewFolder(folder, { exclude: explicitRegistry ? [explicitRegistry] : [] });
  const registryPath = opts.registryFile === null ? null : (explicitRegistry ?? scan.registryFile);
  if (scan.ignored.length > 0) opts.logger.info({ ignored: scan.ignored.length }, 'top-level files that are not documents were ignored');

  const handle = await openDatabase({ kind: 'pglite', dataDir: join(opts.stateDir, 'db') });
  const store = createFilesystemStore(join(opts.stateDir, 'objects'));
  const extractor = createExtractionPool();
  try {
    const t0 = performance.now();
    await migrateToLatest(handle.db);
    opts.logger.info({ ms: Math.round(performance.now() - t0) }, 'results store ready');
    const repos = createRepositories(handle.db);
    const now = opts.now ?? (() => new Date());
    const deps: PipelineDeps = { repos, store, extractor, logger: opts.logger, now, ...(opts.policy ? { policy: opts.policy } : {}) };
    await repos.vendors.ensureTenant(TENANT, 'Embedded review');

    const snapshot = registryPath ? await loadRegistry(deps, registryPath) : null;
    const t1 = performance.now();

    const vendorIds: Array<{ id: string; name: string }> = [];
    const documentIds = new Set<string>();
    for (const v of scan.vendors) {
      const id = await repos.vendors.upsert(TENANT, v.name);
      const links: Array<{ documentId: string; path: string }> = [];
      for (const f of v.files) {
        const doc = await ingestLocalFile(deps, { tenantId: TENANT, filePath: f.absolutePath, fileName: basename(f.path) });
        links.push({ documentId: doc.documentId, path: f.path });
        documentIds.add(doc.documentId);
      }
      await repos.vendors.replaceDocuments(id, links);
      vendorIds.push({ id, name: v.name });
    }

    opts.logger.info({ vendors: vendorIds.length, documents: documentIds.size, ms: Math.round(performance.now() - t1) }, 'dossiers ingested');
    // Progress counts documents fully read (parsed, or failed) and vendors evaluated.
    const total = documentIds.size + vendorIds.length;
    let done = 0;
    const stuck = new Map<string, { code: string; message: string }>();
    const onEvent = (e: InlineJobEvent) => {
      if (e.type === 'retrying') return;
      const finishesDocument = e.name === 'document.parse' || (e.name === 'document.extract' && e.type === 'failed');
      if (finishesDocument || e.name === 'vendor.evaluate') {
        done++;
        opts.onProgress?.({ done, total, phase: e.name === 'vendor.evaluate' ? 'evaluating' : 'reading' });
      }
      // A job that threw until its attempts ran out leaves its document unread: record why, without making it final.
      if (e.type === 'failed' && e.outcome === undefined && e.name !== 'vendor.evaluate' && e.error) stuck.set(e.jobId.split('.')[1]!, e.error);
    };
    const runner = createInlineRunner({ handlers: createStageHandlers(deps), logger: opts.logger, onEvent, concurrency: { extract: 4, parse: 2, evaluate: 4 } });
    for (const documentId of documentIds) runner.enqueue({ name: 'document.extract', payload: { tenantId: TENANT, documentId, evaluate: false } });
    await runner.drain();
    for (const [documentId, error] of stuck) {
      await repos.documents.markFailed(documentId, { code: error.code, message: `Reading failed after retries: ${error.message}` }, null);
    }
    for (const v of vendorIds) {
      runner.enqueue({ name: 'vendor.evaluate', payload: { tenantId: TENANT, vendorId: v.id, asOf: opts.asOf, ...(snapshot ? { registrySnapshotId: snapshot.id } : {}), reason: 'review' } });
    }
    await runner.drain();

    const vendors: ReportVendor[] = [];
    for (const v of vendorIds) {
      const latest = await repos.evaluations.latest(v.id);
      if (!latest) throw new AppError('review.evaluation_missing', `Vendor ${v.name} could not be evaluated`);
      vendors.push(latest.report);
    }
    const report: ReviewReport = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      asOf: opts.asOf,
      registry: snapshot ? { source: snapshot.source, entries: snapshot.entryCount, snapshotDate: snapshot.snapshotDate, rejectedRows: snapshot.rejected.length } : null,
      vendors,
    };
    return { ...report, summary: summarize(report) };
  } finally {
    await extractor.close();
    await store.close();
    await handle.close();
  }
}

async function loadRegistry(deps: PipelineDeps, path: string): Promise<StoredSnapshot> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    throw new AppError('registry.unreadable', `Cannot read the registry file ${path}: ${(err as Error).message}`, { cause: err });
  }
  const imported = await importRegistry(bytes, { fileName: basename(path) });
  const existing = await deps.repos.registry.findBySha(TENANT, imported.sha256);
  const stored = existing ?? (await deps.repos.registry.save(TENANT, imported));
  for (const r of imported.rejected) deps.logger.warn({ line: r.line, reason: r.reason }, 'registry row not read');
  return stored;
}
