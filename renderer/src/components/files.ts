import { describeSize, MAX_IMPORT_FILE_BYTES } from '../../../shared/limits';

/** Reading a chosen file in the renderer: its bytes as base64 for the API, or its text. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The largest file the import screens send (the service checks again). */
export { MAX_IMPORT_FILE_BYTES };

export function describeTooLarge(file: File): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_IMPORT_FILE_BYTES) return `${file.name} is ${describeSize(file.size)}; files to import must be at most ${describeSize(MAX_IMPORT_FILE_BYTES)}.`;
  return null;
}

/** Hands a file to the browser's download (Electron shows its Save dialog for it). */
export function downloadFile(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
