import sharp from 'sharp';
import { AppError } from '../../../lib/errors.js';

// A cover picture as the portal and link previews need it: re-encoded by sharp (so only pixels survive: EXIF
// with GPS, XMP and IPTC are dropped), turned upright, at most 1200 × 1200 (Open Graph's preferred width), JPEG.

export async function resizeCover(data: Buffer): Promise<Buffer> {
  try {
    const image = sharp(data, { limitInputPixels: 50_000_000, failOn: 'error' });
    const meta = await image.metadata();
    if (!meta.format || !['jpeg', 'png', 'webp', 'heif'].includes(meta.format)) throw new Error('format');
    return await image
      .rotate()
      .resize({ width: 1200, height: 1200, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detailKey: 'news.not_image' });
  }
}
