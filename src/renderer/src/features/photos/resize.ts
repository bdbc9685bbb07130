import { fitWithin, JPEG_QUALITIES, PHOTO_MAX_BYTES, PHOTO_MAX_SIDE } from '@shared/photos'
import { fileToBase64 } from '../../shell/download'

/** Why a chosen file could not be made into a photo (translated as `photos.problems.<code>`). */
export type PreparedProblem = 'not_image' | 'too_large'

/**
 * A chosen picture as the JPEG core stores: decoded by the browser with its EXIF orientation applied
 * (a phone photo taken upright is stored upright), scaled so its longer side is at most 1920 px, and
 * encoded at a lower quality step by step until it fits PHOTO_MAX_BYTES (then smaller, as a last resort).
 * A PNG screenshot becomes a JPEG too. Core checks the result again; nothing here is trusted.
 */
export async function preparePhoto(file: File): Promise<{ ok: true; base64: string } | { ok: false; problem: PreparedProblem }> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return { ok: false, problem: 'not_image' }
  }
  try {
    for (let side = PHOTO_MAX_SIDE; side >= 480; side = Math.round(side * 0.75)) {
      const { width, height } = fitWithin(bitmap.width, bitmap.height, side)
      const canvas = document.createElement('canvas')
      canvas.width = width
      canvas.height = height
      const context = canvas.getContext('2d')
      if (!context) return { ok: false, problem: 'not_image' }
      // A transparent screenshot gets a white background, as it would look on paper.
      context.fillStyle = '#ffffff'
      context.fillRect(0, 0, width, height)
      context.imageSmoothingQuality = 'high'
      context.drawImage(bitmap, 0, 0, width, height)
      for (const quality of JPEG_QUALITIES) {
        const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
        if (blob && blob.size <= PHOTO_MAX_BYTES) return { ok: true, base64: await fileToBase64(blob) }
      }
    }
    return { ok: false, problem: 'too_large' }
  } finally {
    bitmap.close()
  }
}
