// French is read first and English is the second opinion on doubtful words
// (packages/extraction/src/ocr/second-opinion.ts): an English page, as some
// foreign hosts' certificates and annexes are, must still read well.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, extractText, type OcrEngine } from '@hds/extraction';
import { characterErrorRate } from '../bench/text-distance.ts';
import { createCanvas } from '../fixtures/src/pdf.canvas.ts';
import { scanOf } from './scan.helper.ts';

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
