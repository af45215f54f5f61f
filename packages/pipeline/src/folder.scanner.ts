import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { AppError } from '@hds/core';

export interface ScannedFile {
  /** Path relative to the reviewed folder, with `/`. */
  path: string;
  absolutePath: string;
}

export interface ScannedVendor {
  name: string;
  files: ScannedFile[];
}

export interface FolderScan {
  vendors: ScannedVendor[];
  /** A registry file found at the top of the folder (`registry.*`, `registre.*`). */
  registryFile: string | null;
  /** Top-level files that are neither a document nor the registry (README…). */
  ignored: string[];
}

const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff']);
const REGISTRY_NAME = /^(registry|registre)([-_. ].*)?\.(csv|json|xlsx)$/i;

const isHidden = (name: string) => name.startsWith('.') || name.startsWith('~$') || name === 'Thumbs.db';

async function walkFiles(dir: string, root: string): Promise<ScannedFile[]> {
  const out: ScannedFile[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (isHidden(e.name)) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walkFiles(full, root)));
    else if (e.isFile()) out.push({ path: relative(root, full).split(sep).join('/'), absolutePath: full });
  }
  return out;
}

/**
 * The folder convention: one sub-folder per vendor (its name is the vendor's
 * name; every file inside counts, however deep); a document file directly
 * at the top is a vendor dossier of its own, named after the file.
 */
export async function scanReviewFolder(folder: string, opts: { exclude?: string[] } = {}): Promise<FolderScan> {
  let entries;
  try {
    if (!(await stat(folder)).isDirectory()) throw new Error('not a directory');
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    throw new AppError('review.folder_unreadable', `Cannot read the folder ${folder}: ${(err as Error).message}`, { cause: err });
  }
  const exclude = new Set((opts.exclude ?? []).map((p) => join(p)));
  const vendors: ScannedVendor[] = [];
  const ignored: string[] = [];
  let registryFile: string | null = null;
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (isHidden(e.name)) continue;
    const full = join(folder, e.name);
    if (exclude.has(join(full))) continue;
    if (e.isDirectory()) {
      vendors.push({ name: e.name.normalize('NFC'), files: await walkFiles(full, folder) });
    } else if (e.isFile()) {
      if (REGISTRY_NAME.test(e.name) && registryFile === null) registryFile = full;
      else if (DOCUMENT_EXTENSIONS.has(extname(e.name).toLowerCase())) {
        vendors.push({ name: basename(e.name, extname(e.name)).normalize('NFC'), files: [{ path: e.name, absolutePath: full }] });
      } else ignored.push(e.name);
    }
  }
  return { vendors, registryFile, ignored };
}
