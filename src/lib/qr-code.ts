import QRCode from "qrcode";

/**
 * Error correction M (15 % of the code may be lost): survives a crease in a printed card or
 * a blurry phone photo, and keeps a ~50-character link at a small module count.
 */
const options = { errorCorrectionLevel: "M", margin: 4 } as const;

/** A QR code of `text` as PNG bytes, `scale` pixels per module. */
export function qrPng(text: string, scale = 8): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...options, type: "png", scale });
}

/** A QR code of `text` as a standalone SVG document (scales to any print size). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, type: "svg" });
}
