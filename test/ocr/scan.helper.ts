// Generated scans of born-digital pages, spoiled the way the scanned corpus is (one scanner profile, fixed seed).
import { readFileSync } from 'node:fs';
import { finishScan, renderPages } from '../fixtures/src/document.scanner.ts';
import { createRandom } from '../fixtures/src/random.source.ts';
import type { QuarterTurn } from '../fixtures/src/page.scanner.ts';
import { planPageDegradation, planScannerProfile } from '../fixtures/src/scan.degrade.ts';
import type { DocumentScan } from '../fixtures/src/scan.planner.ts';

export const SCAN_DPI = 200;

/** Page 1 of `from` (a PDF file or its bytes), once per entry: turned and skewed as given, or a blank sheet. */
export async function scanOf(from: URL | Uint8Array, pages: Array<{ rotation: QuarterTurn; skew: number } | 'blank'>, format: DocumentScan['format']): Promise<Buffer> {
  const rng = createRandom(20261203);
  const profile = planScannerProfile(rng);
  const plan: DocumentScan = {
    format,
    quality: 80,
    device: 'test scanner',
    pages: pages.map((p) => ({
      sourcePage: p === 'blank' ? null : 1,
      rotation: p === 'blank' ? 0 : p.rotation,
      skewDegrees: p === 'blank' ? 0 : p.skew,
      degradation: planPageDegradation(rng, profile),
    })),
  };
  const source = from instanceof URL ? new Uint8Array(readFileSync(from)) : from;
  return finishScan(await renderPages(source, plan, SCAN_DPI), plan, SCAN_DPI, new Date('2026-12-03T09:00:00Z'));
}

