// The real OCR path (tesseract.js, offline data) on generated scans of a real
// contract page: upright, turned a quarter, half and three quarters, and a
// blank sheet, each skewed and spoiled the way the scanned corpus is.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageText } from '@hds/core';
import { analyzeDocument } from '@hds/analysis';
import { createOcrEngine, extractText, type OcrEngine } from '@hds/extraction';
import { characterErrorRate } from '../bench/text-distance.ts';
import { createCanvas } from '../fixtures/src/pdf.canvas.ts';
import { scanOf } from './scan.helper.ts';

const SOURCE = new URL('../../examples/Cardiolink Services/Contrat Cardiolink IaaS Santé.pdf', import.meta.url);
// A landscape certificate: scanned sideways it is a portrait image, and its frame hides that its text runs up and down.
const LANDSCAPE = new URL('../../examples/Pédiatis Systèmes/Certificat HDS.pdf', import.meta.url);
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('scanned pages through the real OCR engine', () => {
  let ocr: OcrEngine;
  let truth: string;
  let pdf: PageText[];
  let tiff: PageText[];
  let certificate: { born: PageText[]; scanned: PageText[] };

  beforeAll(async () => {
    ocr = await createOcrEngine();
    truth = (await extractText(new Uint8Array(readFileSync(SOURCE)), { fileName: 'contrat.pdf' })).pages[0]!.text;
    const turns = [
      { rotation: 0, skew: 0.7 },
      { rotation: 90, skew: -0.4 },
      { rotation: 180, skew: 1.2 },
      'blank',
      { rotation: 270, skew: 0.5 },
    ] as const;
    pdf = (await extractText(await scanOf(SOURCE, [...turns], 'pdf'), { fileName: 'contrat-scanne.pdf', ocr })).pages;
    tiff = (await extractText(await scanOf(SOURCE, [{ rotation: 90, skew: -1.1 }], 'tiff'), { fileName: 'contrat.tif', ocr })).pages;
    certificate = {
      born: (await extractText(new Uint8Array(readFileSync(LANDSCAPE)), { fileName: 'certificat.pdf' })).pages,
      scanned: (await extractText(await scanOf(LANDSCAPE, [{ rotation: 270, skew: 0.6 }], 'jpeg'), { fileName: 'certificat.jpg', ocr })).pages,
    };
  }, 180_000);

  afterAll(async () => {
    await ocr?.close();
  });

  it('keeps the text layer of the born-digital page (the reference)', () => {
    expect(truth.length).toBeGreaterThan(800);
  });

  it('reads every turned page the right way up, whole, and says how sure it is', () => {
    const read = [pdf[0]!, pdf[1]!, pdf[2]!, pdf[4]!, tiff[0]!];
    const lines = truth.split('\n').map(words).filter((l) => l.length > 20);
    for (const page of read) {
      expect(page.source).toBe('ocr');
      expect(page.confidence).toBeGreaterThan(80);
      expect(characterErrorRate(words(truth), words(page.text))).toBeLessThan(0.05);
      // A sideways page turned inside its own canvas lost its top and bottom lines: both must be there.
      expect(words(page.text)).toContain(lines[0]!.slice(0, 20));
      expect(words(page.text)).toContain(lines.at(-1)!.slice(-20));
    }
  });

  it('records a blank sheet as a page with no text, not as an OCR page', () => {
    expect(pdf.map((p) => p.page)).toEqual([1, 2, 3, 4, 5]);
    expect(pdf[3]).toEqual({ page: 4, text: '', source: 'none', confidence: null });
  });

  it('reads a landscape certificate scanned sideways as the born-digital one', () => {
    expect(certificate.scanned[0]!.source).toBe('ocr');
    const born = analyzeDocument(certificate.born, { fileName: 'certificat.pdf' }).certificate!;
    const read = analyzeDocument(certificate.scanned, { fileName: 'certificat.jpg' }).certificate!;
    expect(born.number).not.toBeNull();
    expect([read.number, read.activities, read.issuedOn, read.expiresOn, read.referential]).toEqual([born.number, born.activities, born.issuedOn, born.expiresOn, born.referential]);
  });

  it('turns a page whose upright reading kept no word, however sure tesseract was of it', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('./fixtures/icts-certificate-sideways.jpg', import.meta.url)));
    const { pages } = await extractText(bytes, { fileName: 'certificat.jpg', ocr });
    expect(pages[0]!.source).toBe('ocr');
    const cert = analyzeDocument(pages, { fileName: 'certificat.jpg' }).certificate!;
    expect([cert.number, cert.activities, cert.issuedOn, cert.expiresOn]).toEqual(['ICTS-HDS-24-3576', [3, 4, 5], '2024-11-11', '2027-11-10']);
  }, 60_000);
});

// French is read first and English is the second opinion on doubtful words
// (packages/extraction/src/ocr/second-opinion.ts): an English page, as some
// foreign hosts' certificates and annexes are, must still read well. In this
// file, not one of its own: OCR files run one after the other, not side by
// side with the timing- and memory-sensitive service tests.
async function englishPage(): Promise<Uint8Array> {
  const c = createCanvas({ title: 'Certificate', author: 'test', creationDate: '2026-12-03' });
  c.write('CERTIFICATE OF CONFORMITY', { font: 'sans-b', size: 20, after: 12 });
  c.write('Certificate number: EX-4471-HDS', { size: 11, after: 10 });
  for (const p of [
    'This is to certify that the information security management system of Northwind Health Cloud Ltd, 12 Harbour Street, Dublin, has been assessed and found to comply with the requirements of the health data hosting standard.',
    'The certificate covers the following activities: provision and maintenance of the physical infrastructure, of the virtual infrastructure and of the hosting platform; backup of health data; operation of the information system.',
    'The validity of this certificate depends on the successful outcome of the annual surveillance audits. It was issued on the seventh of March, and it remains valid until the sixth of March, three years later.',
    'Any questions about this certificate should be sent to the certification body, which keeps the register of the certificates it has issued, withdrawn or suspended.',
  ]) c.write(p, { size: 11, after: 10 });
  return new Uint8Array(await c.finish());
}

describe('an English page through the French-first OCR engine', () => {
  let ocr: OcrEngine;
  let truth: string;
  let read: { text: string; source: string; confidence: number | null };

  beforeAll(async () => {
    ocr = await createOcrEngine();
    const born = await englishPage();
    truth = (await extractText(born.slice(), { fileName: 'certificate.pdf' })).pages[0]!.text;
    read = (await extractText(await scanOf(born, [{ rotation: 0, skew: 0.8 }], 'jpeg'), { fileName: 'certificate.jpg', ocr })).pages[0]!;
  }, 120_000);

  afterAll(async () => {
    await ocr?.close();
  });

  it('reads it as closely as the born-digital text, words and numbers', () => {
    expect(read.source).toBe('ocr');
    expect(characterErrorRate(truth, read.text)).toBeLessThan(0.03);
    expect(read.text).toContain('EX-4471-HDS');
    expect(read.text.replace(/\s+/g, ' ')).toContain('has been assessed and found to comply with the requirements');
    expect(read.confidence).toBeGreaterThan(80);
  });
});
