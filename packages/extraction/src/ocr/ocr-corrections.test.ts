import { describe, expect, it } from 'vitest';
import { correctOcrText } from './ocr-corrections.ts';

describe('OCR corrections', () => {
  it('reads digit look-alikes inside numbers and dates as digits', () => {
    expect(correctOcrText('valable du l5/03/2O25 au 14.O3.2028')).toBe('valable du 15/03/2025 au 14.03.2028');
    expect(correctOcrText('N° FR0945O4 et HDS-2O24-0153')).toBe('N° FR094504 et HDS-2024-0153');
    expect(correctOcrText('SIREN 8l2 345 678')).toBe('SIREN 812 345 678');
  });
  it('reads "ler" before a month as "1er"', () => {
    expect(correctOcrText("Ce certificat est valable jusqu'au :   ler mai 2027")).toBe("Ce certificat est valable jusqu'au :   1er mai 2027");
    expect(correctOcrText('du Ier février 2024 au 1°r mars 2027')).toBe('du 1er février 2024 au 1er mars 2027');
    expect(correctOcrText('le premier mai, ler étage')).toBe('le premier mai, ler étage');
  });
  it('leaves words alone', () => {
    expect(correctOcrText('Organisme IO et Lille, article 10')).toBe('Organisme IO et Lille, article 10');
    expect(correctOcrText('COFRAC n° 5-0617 ; page 2/5')).toBe('COFRAC n° 5-0617 ; page 2/5');
  });
  it('sets apart an "à" glued to the word before it, not the words that end in à', () => {
    expect(correctOcrText("le Titulaire remetà l'Établissement, Conformémentà l'article")).toBe("le Titulaire remet à l'Établissement, Conformément à l'article");
    expect(correctOcrText('Déjà, voilà, au-delà, là, holà')).toBe('Déjà, voilà, au-delà, là, holà');
  });
  it('drops an apostrophe OCR left at the end of a word, not elisions or quotes', () => {
    expect(correctOcrText("à restituer, à la fin de' la prestation, la totalité")).toBe('à restituer, à la fin de la prestation, la totalité');
    expect(correctOcrText("le terme 'Client' désigne l'Établissement d'hébergement")).toBe("le terme 'Client' désigne l'Établissement d'hébergement");
  });
  it("turns I' before a vowel into French l'", () => {
    expect(correctOcrText("atteste que I'organisme et 1'hébergeur, I'm fine? no: |'Établissement")).toBe("atteste que l'organisme et l'hébergeur, I'm fine? no: l'Établissement");
  });
});
