/**
 * Photos leave the device as JPEG (what office systems open) under the
 * name the person's file had, shrunk to 2000 px on the long side; a PNG
 * screenshot stays PNG only when that is smaller. Never WebP.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodingsFor, keptName, MAX_LONG_SIDE, prepareFile } from '../../src/requests/images';

/** A canvas that records what it was asked to write, and answers with blobs of the given sizes per type. */
function fakeCanvas(sizes: Partial<Record<string, number>>) {
  const asked: { type: string; width: number; height: number }[] = [];
  class FakeOffscreenCanvas {
    constructor(
      readonly width: number,
      readonly height: number,
    ) {}
    getContext() {
      return { fillRect() {}, drawImage() {}, fillStyle: '', imageSmoothingEnabled: false, imageSmoothingQuality: 'low' };
    }
    async convertToBlob(options: { type: string }) {
      asked.push({ type: options.type, width: this.width, height: this.height });
      // A type the canvas cannot write comes back as PNG, as browsers do.
      const size = sizes[options.type];
      return size === undefined ? new Blob([new Uint8Array(10)], { type: 'image/png' }) : new Blob([new Uint8Array(size)], { type: options.type });
    }
  }
  vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
  vi.stubGlobal('createImageBitmap', async () => ({ width: 4032, height: 3024, close() {} }));
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('a picture made ready to send', () => {
  it('is a JPEG under its own name, shrunk to 2000 px, even where the browser could write a smaller WebP', async () => {
    const asked = fakeCanvas({ 'image/jpeg': 300, 'image/webp': 100, 'image/png': 900 });
    const result = await prepareFile(new File([new Uint8Array(50)], 'IMG_0042.JPG', { type: 'image/jpeg' }));
    expect(result.ok && result.file).toMatchObject({ name: 'IMG_0042.JPG', type: 'image/jpeg', width: MAX_LONG_SIDE, height: 1500 });
    expect(result.ok && result.file.blob.type).toBe('image/jpeg');
    expect(asked.map((a) => a.type)).not.toContain('image/webp');
    expect(asked[0]).toEqual({ type: 'image/jpeg', width: 2000, height: 1500 });
  });

  it('turns an iPhone photo into a JPEG named after it', async () => {
    fakeCanvas({ 'image/jpeg': 300 });
    const result = await prepareFile(new File([new Uint8Array(50)], 'IMG_0042.HEIC', { type: 'image/heic' }));
    expect(result.ok && result.file).toMatchObject({ name: 'IMG_0042.jpg', type: 'image/jpeg' });
  });

  it('keeps a screenshot PNG when that is smaller, and makes it a JPEG when not', async () => {
    fakeCanvas({ 'image/jpeg': 300, 'image/png': 120 });
    const small = await prepareFile(new File([new Uint8Array(50)], 'Screenshot 2025-05-02.png', { type: 'image/png' }));
    expect(small.ok && small.file).toMatchObject({ name: 'Screenshot 2025-05-02.png', type: 'image/png' });
    fakeCanvas({ 'image/jpeg': 300, 'image/png': 4000 });
    const photo = await prepareFile(new File([new Uint8Array(50)], 'scan.png', { type: 'image/png' }));
    expect(photo.ok && photo.file).toMatchObject({ name: 'scan.jpg', type: 'image/jpeg' });
  });
});

describe('the encodings a picture may be saved as', () => {
  it('are JPEG for photos, JPEG or PNG for a PNG', () => {
    expect(encodingsFor({ name: 'a.jpg', type: 'image/jpeg' })).toEqual(['image/jpeg']);
    expect(encodingsFor({ name: 'a.webp', type: 'image/webp' })).toEqual(['image/jpeg']);
    expect(encodingsFor({ name: 'a.heic', type: '' })).toEqual(['image/jpeg']);
    expect(encodingsFor({ name: 'a.png', type: 'image/png' })).toEqual(['image/jpeg', 'image/png']);
    expect(encodingsFor({ name: 'a.PNG', type: '' })).toEqual(['image/jpeg', 'image/png']);
  });
});

describe('the name a file keeps', () => {
  it('is its own while it says what the file is', () => {
    expect(keptName('IMG_0042.JPG', 'image/jpeg')).toBe('IMG_0042.JPG');
    expect(keptName('recibo de USCIS.jpeg', 'image/jpeg')).toBe('recibo de USCIS.jpeg');
    expect(keptName('Letter.PDF', 'application/pdf')).toBe('Letter.PDF');
    expect(keptName('screen.png', 'image/png')).toBe('screen.png');
  });
  it('gets the extension of what the file now is otherwise', () => {
    expect(keptName('IMG_0042.HEIC', 'image/jpeg')).toBe('IMG_0042.jpg');
    expect(keptName('scan.final.png', 'image/jpeg')).toBe('scan.final.jpg');
    expect(keptName('photo.webp', 'image/jpeg')).toBe('photo.jpg');
    expect(keptName('scan', 'application/pdf')).toBe('scan.pdf');
    expect(keptName('.png', 'image/jpeg')).toBe('photo.jpg');
    expect(keptName('.jpg', 'image/jpeg')).toBe('photo.jpg');
  });
});
