import { describe, expect, it } from 'vitest';
import { parseHocr } from './hocr.parser.ts';

// Trimmed from tesseract.js 7 output on a generated certificate scan.
const HOCR = `<div class='ocr_page' id='page_1' title='image "unknown"; bbox 0 0 1654 2339; ppageno 0; scan_res 200 200'>
 <div class='ocr_separator' id='block_1_1' title="bbox 34 38 1581 70"></div>
 <div class='ocr_carea' id='block_1_2' title="bbox 302 171 645 238">
  <p class='ocr_par' id='par_1_1' lang='fra' title="bbox 302 171 645 238">
   <span class='ocr_line' id='line_1_1' title="bbox 303 171 645 203; baseline -0.015 0; x_size 34.4; x_descenders 7.4; x_ascenders 7.4">
    <span class='ocrx_word' id='word_1_1' title='bbox 303 174 462 203; x_wconf 96'>BUREAU</span>
    <span class='ocrx_word' id='word_1_2' title='bbox 478 171 645 200; x_wconf 41'><strong>R&amp;D</strong></span>
   </span>
   <span class='ocr_header' id='line_1_2' title="bbox 302 217 451 238; x_size 24.3">
    <span class='ocrx_word' id='word_1_3' title='bbox 302 217 451 238; x_wconf 9'>l&#39;h&#xF4;te</span>
   </span>
  </p>
 </div>
 <div class='ocr_carea' id='block_1_3' title="bbox 563 344 1066 406">
  <p class='ocr_par' id='par_1_2' lang='fra' title="bbox 563 344 1066 406">
   <span class='ocr_line' id='line_1_3' title="bbox 563 344 1066 406; baseline 0.01 -5; x_size 72.7">
    <span class='ocrx_word' id='word_1_4' title='bbox 563 344 1066 406; x_wconf 96'>CERTIFICAT</span>
   </span>
  </p>
 </div>
</div>`;

describe('hOCR read back into blocks, lines and words', () => {
  const { blocks } = parseHocr(HOCR);

  it('keeps the block / paragraph / line structure, every word with its box and confidence', () => {
    expect(blocks).toHaveLength(2);
    const [first, second] = blocks!.map((b) => b.paragraphs[0]!.lines);
    expect(first!.map((l) => l.words.map((w) => w.text))).toEqual([['BUREAU', 'R&D'], ["l'hôte"]]);
    expect(first![0]!.words[1]).toEqual({ text: 'R&D', confidence: 41, bbox: { x0: 478, y0: 171, x1: 645, y1: 200 } });
    expect(second![0]!.bbox).toEqual({ x0: 563, y0: 344, x1: 1066, y1: 406 });
  });

  it('turns "baseline slope offset" into the segment under the line, and leaves it out when hOCR gives none', () => {
    const [line, header] = blocks![0]!.paragraphs[0]!.lines;
    expect(line!.baseline!.y0).toBe(203);
    expect(line!.baseline!.y1).toBeCloseTo(203 - 0.015 * 342, 5);
    expect(header!.baseline).toBeUndefined();
    expect(blocks![1]!.paragraphs[0]!.lines[0]!.baseline).toMatchObject({ x0: 563, y0: 401, x1: 1066 });
  });

  it('reads an empty page as no blocks', () => {
    expect(parseHocr("<div class='ocr_page' id='page_1' title='bbox 0 0 10 10'>\n</div>\n").blocks).toEqual([]);
  });
});
