import { AppError } from '../errors.js';

/**
 * Thumbnails of image evidence: a WebP at most 320 px wide, turned upright
 * by its EXIF orientation and then stripped of all metadata (no GPS position
 * leaves with it). The pixel limit stops a decompression bomb (a tiny file
 * declaring a huge canvas) before it is decoded.
 */
export const THUMBNAIL = {
  width: 320,
  /** Largest image decoded, in pixels (width × height): about 12 000 × 8 000. */
  maxInputPixels: 100_000_000,
  quality: 75,
} as const;

/** libvips is loaded on the first image, not at start: an idle server does not carry it. */
type Sharp = typeof import('sharp').default;
let loading: Promise<Sharp> | undefined;

export async function makeThumbnail(bytes: Uint8Array): Promise<Buffer> {
  loading ??= import('sharp').then((module) => module.default as Sharp);
  const sharp = await loading;
  try {
    return await sharp(bytes, { limitInputPixels: THUMBNAIL.maxInputPixels, failOn: 'error' })
      .rotate()
      .resize({ width: THUMBNAIL.width, withoutEnlargement: true })
      .webp({ quality: THUMBNAIL.quality })
      .toBuffer();
  } catch {
    throw new AppError(
      'VALIDATION',
      `图片无法读取：文件已损坏，或像素尺寸超过 ${THUMBNAIL.maxInputPixels / 1_000_000} 百万像素。请用看图软件打开确认后另存，再重新上传。 ` +
        'The image cannot be read: it is damaged or has too many pixels; open it in an image viewer, save it again and upload it.',
    );
  }
}
