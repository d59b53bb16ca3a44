/**
 * Gets a picked file or a camera photo ready to store and send: photos are
 * decoded on the device, turned upright, shrunk to at most 2000 px on the
 * long side and saved again as JPEG, the picture format every office
 * system opens (which also drops hidden data such as the GPS position),
 * with a small thumbnail; PDFs are checked and kept as they are. The name
 * the person's file had is kept. A weak link can then carry them, and the
 * limits are checked on what will be sent, not on the original.
 */
import { ATTACHMENT_LIMITS, type NewAttachment } from '../storage/attachments';

export const MAX_LONG_SIDE = 2000;
export const THUMB_LONG_SIDE = 240;
export const JPEG_QUALITY = 0.7;
const THUMB_QUALITY = 0.7;

/** What the file picker asks for. HEIC is listed so iPhones offer their photos. */
export const ACCEPT = 'image/*,application/pdf,.pdf,.heic,.heif';

export type FileKind = 'pdf' | 'image' | 'heic' | 'unsupported';

export type PrepareErrorCode = 'type' | 'heic_unsupported' | 'unreadable' | 'empty' | 'file_too_large' | 'pdf_invalid';

export type PrepareResult = { ok: true; file: NewAttachment } | { ok: false; code: PrepareErrorCode };

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export function fileKind(file: { name: string; type: string }): FileKind {
  const type = file.type.toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (type === 'application/pdf' || (type === '' && ext === 'pdf')) return 'pdf';
  if (type === 'image/heic' || type === 'image/heif' || ext === 'heic' || ext === 'heif') return 'heic';
  if (IMAGE_TYPES.includes(type) || (type === '' && ['jpg', 'jpeg', 'png', 'webp'].includes(ext))) return 'image';
  return 'unsupported';
}

/** Scales (width, height) down so the long side is at most `max`; never up. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= max) return { width, height };
  const scale = max / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

type SavedType = 'image/jpeg' | 'image/png' | 'application/pdf';

const EXTENSIONS: Record<SavedType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'application/pdf': ['pdf'],
};

/**
 * The file's own name while it still says what the file is ("IMG_0042.JPG"
 * stays as it is: the office and the person know it by that name); else its
 * name with the extension of what it now is ("IMG_0042.HEIC" → "IMG_0042.jpg").
 */
export function keptName(name: string, type: SavedType): string {
  const extensions = EXTENSIONS[type];
  const trimmed = name.trim();
  const match = /^(.*[^.\s])\.([^./\\]+)$/.exec(trimmed);
  if (match && extensions.includes(match[2]!.toLowerCase())) return trimmed;
  const base = trimmed.replace(/\.[^./\\]*$/, '').trim() || 'photo';
  return `${base}.${extensions[0]}`;
}

/**
 * What a picture may be saved as, best first. Always JPEG, what office
 * systems open (WebP, though smaller, is not opened by many of them). A PNG,
 * mostly a screenshot of a letter or a web page, may stay PNG when that
 * comes out smaller: flat colour and text keep sharp and often shrink more
 * without loss than as JPEG. Never WebP.
 */
export function encodingsFor(file: { name: string; type: string }): ('image/jpeg' | 'image/png')[] {
  const png = file.type.toLowerCase() === 'image/png' || (file.type === '' && /\.png$/i.test(file.name));
  return png ? ['image/jpeg', 'image/png'] : ['image/jpeg'];
}

interface Decoded {
  source: CanvasImageSource;
  width: number;
  height: number;
  close: () => void;
}

async function decodeWithBitmap(file: Blob): Promise<Decoded> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
}

/** Safari before 17 and some WebViews decode more formats through <img> than createImageBitmap. */
async function decodeWithImg(file: Blob): Promise<Decoded> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
  } catch (err) {
    URL.revokeObjectURL(url);
    throw err;
  }
}

async function decode(file: Blob): Promise<Decoded> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await decodeWithBitmap(file);
    } catch {
      /* try the <img> path below */
    }
  }
  if (typeof Image === 'undefined') throw new Error('no image decoder');
  return decodeWithImg(file);
}

/** The smallest of the allowed encodings; a browser that cannot write one hands back a PNG, which is told apart by its type. */
async function encodeSmallest(
  image: Decoded,
  size: { width: number; height: number },
  quality: number,
  types: readonly ('image/jpeg' | 'image/png')[],
): Promise<Blob> {
  let best: Blob | null = null;
  for (const type of types) {
    const blob = await encodeImage(image, size, quality, type);
    if (blob.type === type && (!best || blob.size < best.size)) best = blob;
  }
  if (!best) throw new Error('no encoding');
  return best;
}

async function encodeImage(
  image: Decoded,
  size: { width: number; height: number },
  quality: number,
  type: 'image/jpeg' | 'image/png',
): Promise<Blob> {
  const draw = (ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D) => {
    // Photos of papers need no transparency: a transparent PNG gets white paper, not black.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(image.source, 0, 0, size.width, size.height);
  };
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      draw(ctx);
      return canvas.convertToBlob({ type, quality });
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  draw(ctx);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))), type, quality),
  );
}

async function isPdf(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  // "%PDF-" near the start (some writers put a few bytes before it).
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

export async function prepareFile(file: File): Promise<PrepareResult> {
  if (file.size === 0) return { ok: false, code: 'empty' };
  const kind = fileKind(file);
  if (kind === 'unsupported') return { ok: false, code: 'type' };
  if (kind === 'pdf') {
    if (!(await isPdf(file))) return { ok: false, code: 'pdf_invalid' };
    if (file.size > ATTACHMENT_LIMITS.fileBytes) return { ok: false, code: 'file_too_large' };
    return { ok: true, file: { name: keptName(file.name, 'application/pdf'), type: 'application/pdf', blob: file } };
  }
  let image: Decoded;
  try {
    image = await decode(file);
  } catch {
    return { ok: false, code: kind === 'heic' ? 'heic_unsupported' : 'unreadable' };
  }
  try {
    if (!image.width || !image.height) return { ok: false, code: 'unreadable' };
    const size = fitWithin(image.width, image.height, MAX_LONG_SIDE);
    const blob = await encodeSmallest(image, size, JPEG_QUALITY, encodingsFor(file));
    const thumb = await encodeSmallest(image, fitWithin(image.width, image.height, THUMB_LONG_SIDE), THUMB_QUALITY, ['image/jpeg']);
    if (blob.size > ATTACHMENT_LIMITS.fileBytes) return { ok: false, code: 'file_too_large' };
    const type = blob.type === 'image/png' ? 'image/png' : 'image/jpeg';
    return {
      ok: true,
      file: { name: keptName(file.name, type), type, blob, thumb, width: size.width, height: size.height },
    };
  } catch {
    return { ok: false, code: 'unreadable' };
  } finally {
    image.close();
  }
}
