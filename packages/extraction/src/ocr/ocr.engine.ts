import { AppError } from '@hds/core';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { binarize, cropRaster, encodePgm, enlargeRaster, inkRatio, textRunsVertically, turnRaster, type GrayRaster } from '../raster.ts';
import { removeRulingLines } from '../rules-removal.ts';
import { findCheckboxes } from '../checkboxes.ts';
import { measureSkew, rotateRaster } from '../deskew.ts';
import { rereadDoubtfulLines } from './line-reread.ts';
import { parseHocr } from './hocr.parser.ts';
import { linesOf, ocrText, type Box, type OcrLine, type TesseractBlocks } from './ocr-layout.ts';
import { secondOpinions } from './second-opinion.ts';
import { languageDataDir } from './tessdata.ts';

export interface OcrResult {
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
  /** Clockwise degrees the page was turned to be read (0, 90, 180, 270). */
  rotation: number;
  words: number;
}

export interface OcrEngine {
  recognize(page: GrayRaster): Promise<OcrResult>;
  close(): Promise<void>;
}

/**
 * Page segmentation: "a single column of text of variable sizes" (4) keeps
 * certificate titles and names printed large, which the default single-block
 * mode drops; columns are rebuilt from word positions afterwards.
 */
const PAGE_SEGMENTATION = process.env.HDS_OCR_PSM ?? '4';
/** A doubtful line is read again alone, as "a single text line". */
const SINGLE_LINE = '7';

/** Words with their boxes, baselines and confidences, without the per-symbol detail of tesseract.js's "blocks". */
const HOCR_ONLY = { hocr: true, text: false, blocks: false } as const;

/** The bytes as a Buffer (what tesseract.js takes) without copying a 4 MB page once more. */
const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** Below this confidence a result is doubted: the page may be upside down. */
const DOUBTFUL = 60;
/** Almost no ink: a blank or noise-only page, nothing to read. */
const BLANK_INK = 0.002;

/**
 * One tesseract.js recognizer for French (LSTM, offline data) and, on
 * demand, one for English, the second opinion on words French doubted
 * (second-opinion.ts: cheaper and surer than tesseract's "fra+eng"), and
 * one orientation detector (OSD, legacy engine). Each runs in its
 * own worker thread inside tesseract.js; an engine serves one page at a time
 * and is reused across documents. Orientation: a page whose text runs up and
 * down, or whose reading is doubtful, is checked with OSD and read again
 * turned the right way. Small skew (up to 3°) is measured and levelled here
 * (deskew.ts, tens of milliseconds); tesseract's own rotateAuto cost 35 %
 * more time.
 */
export async function createOcrEngine(): Promise<OcrEngine> {
  const langPath = languageDataDir();
  const options = { langPath, cacheMethod: 'none', gzip: true, logger: () => undefined, errorHandler: () => undefined };
  // Tesseract prints diagnostics ("Detected 166 diacritics", resolution
  // warnings) on the process's stdout, where the report goes: send them to /dev/null.
  const quiet = async (w: Worker) => {
    await w.setParameters({ debug_file: '/dev/null' });
    return w;
  };
  const newReader = async (lang: string) => quiet(await createWorker(lang, OEM.LSTM_ONLY, options));
  let reader: Worker = await newReader('fra');
  let english: Worker | null = null;
  let osd: Worker | null = null;

  interface Reading {
    data: TesseractBlocks;
    upright: GrayRaster;
    rotation: number;
    /** Tesseract's mean confidence. */
    engineConfidence: number;
    /** The same, 0 when no word is kept. */
    confidence: number;
  }

  async function read(page: GrayRaster, pgm: Uint8Array, rotation: number): Promise<Reading> {
    await reader.setParameters({ user_defined_dpi: String(Math.round(page.dpi)), tessedit_pageseg_mode: PAGE_SEGMENTATION as never });
    // The page is turned here, not by tesseract (whose rotation keeps the canvas and crops a sideways page);
    // word boxes and tick boxes are then in the coordinates of the page as read, whatever the turn.
    const upright = turnRaster(page, rotation);
    const image = asBuffer(rotation === 0 ? pgm : encodePgm(upright));
    const { data } = await reader.recognize(image, {}, HOCR_ONLY);
    const blocks = parseHocr(data.hocr ?? '');
    // A reading none of whose words survive (noise lines, specks) is no reading, however sure tesseract was of them.
    const { words } = ocrText(blocks, upright.width, upright.height);
    return { data: blocks, upright, rotation, engineConfidence: data.confidence, confidence: words === 0 ? 0 : data.confidence };
  }

  /** The page text of the reading kept (doubtful lines read again first: not worth it on a page read the wrong way up). */
  async function finish({ data, upright, rotation, engineConfidence }: Reading): Promise<OcrResult> {
    // A doubtful line alone, enlarged and cleaned of the scan's grain: tesseract read "n° 1, 2, 3, 4, 5 et 6."
    // as "n°12315 et6." (0 %) from the page's grey, and as "n° 1, 2, 3,4,5et6." (87 %) from clean strokes 1.5× larger.
    await rereadDoubtfulLines(data, async (r) => readRegion(reader, upright, r, { enlarge: 1.5, clean: true }), upright);
    await secondOpinions(data, async (r) => {
      const engine = (english ??= await newReader('eng'));
      try {
        return (await readRegion(engine, upright, r)).flatMap((l) => l.words);
      } catch {
        // A second opinion that fails leaves the French reading; the English engine is started afresh when next needed.
        if (english === engine) english = null;
        await engine.terminate().catch(() => undefined);
        return [];
      }
    }, upright);
    const { text, words } = ocrText(data, upright.width, upright.height, findCheckboxes(upright));
    return { text, confidence: words === 0 ? 0 : engineConfidence, rotation, words };
  }

  /**
   * One region of the page read alone as a single line, lines back in page coordinates. The region is cut
   * out, not passed as a rectangle: tesseract.js would copy and decode the whole page for each one.
   */
  async function readRegion(worker: Worker, page: GrayRaster, r: Box, opts: { enlarge?: number; clean?: boolean } = {}): Promise<OcrLine[]> {
    const f = opts.enlarge ?? 1;
    const cut = cropRaster(page, r);
    // Tesseract.js throws on an image it cannot read; a sliver is nothing to read anyway.
    if (cut.width < 4 || cut.height < 4) return [];
    const large = f === 1 ? cut : enlargeRaster(cut, f);
    const region = opts.clean ? binarize(large) : large;
    const { data } = await worker.recognize(asBuffer(encodePgm(region)), { user_defined_dpi: String(Math.round(region.dpi)), tessedit_pageseg_mode: SINGLE_LINE } as never, HOCR_ONLY);
    const back = (b: Box): Box => ({ x0: b.x0 / f + r.x0, y0: b.y0 / f + r.y0, x1: b.x1 / f + r.x0, y1: b.y1 / f + r.y0 });
    return linesOf(parseHocr(data.hocr ?? '')).map((l) => ({ bbox: back(l.bbox), baseline: l.baseline && back(l.baseline), words: l.words.map((w) => ({ ...w, bbox: back(w.bbox) })) }));
  }

  async function orientation(pgm: Uint8Array): Promise<number | null> {
    osd ??= await quiet(await createWorker('osd', OEM.TESSERACT_ONLY, { ...options, legacyCore: true, legacyLang: true }));
    const { data } = await osd.detect(asBuffer(pgm));
    // OSD reports how far the page is turned; low confidence means it could not tell.
    return data.orientation_degrees !== null && (data.orientation_confidence ?? 0) >= 2 ? data.orientation_degrees : null;
  }

  async function recognizeOnce(scan: GrayRaster): Promise<OcrResult> {
    if (inkRatio(scan) < BLANK_INK) return { text: '', confidence: 0, rotation: 0, words: 0 };
    // Tesseract (page segmentation 4) cuts the lines of a skewed page into
    // pieces and drops some (the right half of a paragraph): the page is
    // levelled first, at a few percent of the OCR time.
    const vertical = textRunsVertically(scan);
    const level = rotateRaster(scan, measureSkew(scan, vertical));
    // Table borders make tesseract drop what is inside the cells (ticks, numbers).
    const page = removeRulingLines(level);
    const pgm = encodePgm(page);
    let tried: number | null = null;
    if (vertical) tried = await orientation(pgm);
    let best = await read(page, pgm, tried ?? 0);
    if (best.confidence < DOUBTFUL) {
      const detected = tried ?? (await orientation(pgm));
      if (detected !== null && detected !== best.rotation) {
        const again = await read(page, pgm, detected);
        if (again.confidence > best.confidence) best = again;
      }
    }
    return finish(best);
  }

  return {
    async recognize(page) {
      try {
        return await recognizeOnce(page);
      } catch (first) {
        // A failed engine (out of memory, wasm abort) is replaced and the page read once more.
        await Promise.all([reader.terminate().catch(() => undefined), english?.terminate().catch(() => undefined)]);
        english = null;
        reader = await newReader('fra');
        try {
          return await recognizeOnce(page);
        } catch (err) {
          throw new AppError('ocr.failed', `OCR failed on a page twice (${(err as Error).message ?? String(err)})`, { cause: first });
        }
      }
    },
    async close() {
      await Promise.all([reader.terminate().catch(() => undefined), english?.terminate().catch(() => undefined), osd?.terminate().catch(() => undefined)]);
    },
  };
}
