/**
 * A council's own Word template (.docx or .dotx) as the house style names it:
 * its file name, the SHA-256 of its bytes (the key of the parts kept in the
 * database, see electron/services/word-templates.ts) and its look, read from
 * its styles and page set-up in the parsing worker. The Word export uses the
 * template's own parts; the look is what carries over to the web page, the
 * PDF made from it and the live preview, as far as it applies (fonts, sizes,
 * heading colours, page size and margins). Pure data and zod; no Node or DOM.
 */
import { z } from 'zod';
import { lazy } from '../lazy-schema';
import { TEXT_CHARS } from '../limits';

/** A font name as the house style allows one (the same characters as its own font field). */
export const FONT_NAME = /^[\p{L}\p{N} .'&()-]+$/u;

const fontName = z.string().max(TEXT_CHARS.fontFamily).regex(FONT_NAME).nullable();
const colour = z.string().regex(/^[0-9A-F]{6}$/).nullable();

/** How one style's text looks; null where the template does not say. */
export const textLookSchema = lazy(() => z.strictObject({
  font: fontName,
  sizePt: z.number().min(1).max(400).nullable(),
  colour,
  bold: z.boolean(),
  italic: z.boolean(),
}));
export type TextLook = z.infer<typeof textLookSchema>;

const mm = z.number().min(0).max(1000);

export const templateLookSchema = lazy(() => z.strictObject({
  body: textLookSchema,
  title: textLookSchema,
  heading1: textLookSchema,
  heading2: textLookSchema,
  heading3: textLookSchema,
  /** The page of the template's last section, in millimetres; null when it sets none. */
  page: z
    .strictObject({
      widthMm: mm,
      heightMm: mm,
      margins: z.strictObject({ top: mm, right: mm, bottom: mm, left: mm }),
    })
    .nullable(),
  /** The words of its header and footer (shown to the clerk; the Word export carries the parts themselves). */
  headerText: z.string().max(TEXT_CHARS.line),
  footerText: z.string().max(TEXT_CHARS.line),
}));
export type TemplateLook = z.infer<typeof templateLookSchema>;

export const TEMPLATE_KINDS = ['docx', 'dotx'] as const;

export const wordTemplateRefSchema = lazy(() => z.strictObject({
  /** The file name the clerk chose, as shown in the House style section. */
  fileName: z.string().min(1).max(TEXT_CHARS.name),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(TEMPLATE_KINDS),
  look: templateLookSchema,
  /** What of the template could not be carried over, in words for the clerk. */
  notes: z.array(z.string().max(TEXT_CHARS.line)).max(10).default([]),
}));
export type WordTemplateRef = z.infer<typeof wordTemplateRefSchema>;

export { contrastOnWhite, readableColour } from './colour';
