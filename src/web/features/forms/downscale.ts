/** Longest side of an uploaded photo: enough to read an A4 page, a fraction of a phone photo's bytes. */
export const MAX_SIDE_PX = 1600;
export const JPEG_QUALITY = 0.8;

/**
 * Downscales a camera photo on the device before upload (a 12 MP photo is 3–5 MB; over rural 3G that
 * is minutes). Returns a JPEG of at most MAX_SIDE_PX on its long side.
 */
export async function downscaleImage(
  file: Blob,
  maxSide = MAX_SIDE_PX,
  quality = JPEG_QUALITY,
): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2d unavailable');
    // White behind transparent PNGs: JPEG has no alpha.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', quality),
    );
  } finally {
    bitmap.close();
  }
}

export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
