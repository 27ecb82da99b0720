import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { cleanFileName, EVIDENCE_LIMITS, extensionOf, sniffEvidence } from './sniff.js';
import { makeThumbnail, THUMBNAIL } from './thumbnail.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url)));
const text = (s: string) => new TextEncoder().encode(s);
const CONTENT_TYPES = text('<?xml version="1.0"?><Types/>');

const docx = () => zipSync({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': text('<w:document/>') });
const xlsx = () => zipSync({ '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': text('<workbook/>') });
const png = () =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: '#c00' } })
    .png()
    .toBuffer();

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sniffEvidence', () => {
  it('tells images, PDF, Word and Excel from their bytes', async () => {
    expect(sniffEvidence(await png(), '现场.png')).toEqual({ kind: 'png', mime: 'image/png', image: true });
    const jpeg = await sharp(await png())
      .jpeg()
      .toBuffer();
    expect(sniffEvidence(jpeg, 'a.JPG').kind).toBe('jpeg');
    expect(sniffEvidence(jpeg, 'a.jpeg').mime).toBe('image/jpeg');
    expect(sniffEvidence(text('GIF89a....'), 'a.gif').kind).toBe('gif');
    const webp = await sharp(await png())
      .webp()
      .toBuffer();
    expect(sniffEvidence(webp, 'a.webp').kind).toBe('webp');
    expect(sniffEvidence(text('%PDF-1.7\n%…'), '方案.pdf')).toEqual({
      kind: 'pdf',
      mime: 'application/pdf',
      image: false,
    });
    expect(sniffEvidence(docx(), '进展.docx').kind).toBe('docx');
    expect(sniffEvidence(xlsx(), '台账.xlsx').kind).toBe('xlsx');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(sniffEvidence(ole, '旧表.xls').mime).toBe('application/vnd.ms-excel');
    expect(sniffEvidence(ole, '旧文.doc').mime).toBe('application/msword');
  });

  it('refuses other types, whatever their name', () => {
    for (const [bytes, name] of [
      [text('MZ\x90\x00 this program cannot be run in DOS mode'), 'setup.exe'],
      [text('<!doctype html><script>alert(1)</script>'), 'photo.jpg'],
      [text('plain words'), 'notes.txt'],
      [zipSync({ 'a.txt': text('x') }), 'archive.docx'],
    ] as const) {
      const error = refusal(() => sniffEvidence(bytes, name));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(/^不支持的文件类型。请上传图片\(JPG\/PNG\/GIF\/WebP\)、PDF、Word或Excel文件/);
    }
  });

  it('refuses a name whose extension disagrees with the content', () => {
    const error = refusal(() => sniffEvidence(text('%PDF-1.4'), '现场照片.jpg'));
    expect(error.message).toContain('扩展名与文件内容不符');
    expect(error.message).toContain('.pdf');
    expect(error.details).toEqual({ fileName: '现场照片.jpg', detected: 'pdf' });
    expect(refusal(() => sniffEvidence(xlsx(), 'a.docx')).message).toContain('.xlsx');
    expect(refusal(() => sniffEvidence(text('%PDF-1.4'), 'noextension')).message).toContain('扩展名');
  });

  it('refuses empty and too large files', () => {
    expect(refusal(() => sniffEvidence(new Uint8Array(0), 'a.pdf')).message).toMatch(/^文件为空/);
    const big = new Uint8Array(EVIDENCE_LIMITS.fileBytes + 1);
    big.set(text('%PDF-1.4'));
    const error = refusal(() => sniffEvidence(big, 'a.pdf'));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(/^文件超过 20 MB/);
  });

  it('refuses zip bombs: one that declares its size, and one that lies about it', () => {
    const honest = refusal(() => sniffEvidence(fixture('bomb.docx'), 'bomb.docx'));
    expect(honest.message).toMatch(/解压后超过 100 MB.*zip 炸弹/);
    const lying = refusal(() => sniffEvidence(fixture('bomb-lying.xlsx'), 'bomb.xlsx'));
    expect(lying.message).toContain('大于声明的大小');
  });

  it('refuses a package with too many entries before inflating anything', () => {
    const files: Record<string, Uint8Array> = { '[Content_Types].xml': CONTENT_TYPES };
    for (let i = 0; i <= EVIDENCE_LIMITS.zipEntries; i++) files[`word/media/${i}.xml`] = text('x');
    expect(refusal(() => sniffEvidence(zipSync(files, { level: 0 }), 'many.docx')).message).toContain('压缩条目过多');
  });
});

describe('file names', () => {
  it('keeps the name without folders or characters file systems refuse', () => {
    expect(cleanFileName('C:\\Users\\张三\\现场:照片?.jpg')).toBe('现场_照片_.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('  ')).toBe('file');
    const long = cleanFileName(`${'很长'.repeat(200)}.pdf`);
    expect(long.length).toBe(EVIDENCE_LIMITS.fileName);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(extensionOf('a.tar.GZ')).toBe('gz');
    expect(extensionOf('.hidden')).toBe('');
  });
});

describe('makeThumbnail', () => {
  it('makes a WebP at most 320 px wide without the EXIF position', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'secret-place' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 7/1 0/1' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const thumbnail = await makeThumbnail(photo);
    const meta = await sharp(thumbnail).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(THUMBNAIL.width);
    expect(meta.height).toBe(213);
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(thumbnail).includes('secret-place')).toBe(false);
  });

  it('keeps a small image its size and refuses a broken one with a clear message', async () => {
    const small = await makeThumbnail(await png());
    expect((await sharp(small).metadata()).width).toBe(8);
    const broken = (await png()).subarray(0, 40);
    await expect(makeThumbnail(broken)).rejects.toMatchObject({ code: 'VALIDATION', message: /^图片无法读取/ });
  });

  it('refuses an image whose canvas is larger than the pixel limit before decoding it', async () => {
    // A small PNG whose header claims 20000 × 20000 pixels (400 million, over the limit).
    const bytes = Buffer.from(await png());
    bytes.writeUInt32BE(20_000, 16);
    bytes.writeUInt32BE(20_000, 20);
    bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
    expect((await sharp(bytes, { limitInputPixels: false }).metadata()).width).toBe(20_000);
    await expect(makeThumbnail(bytes)).rejects.toMatchObject({ code: 'VALIDATION', message: /百万像素/ });
  });
});
