/**
 * House style: how one council prints its minutes. The Word writer and the
 * live preview both follow it. Pure data and a zod schema (built at its first
 * use, shared/lazy-schema.ts); no Node or DOM.
 */
import { z } from 'zod';
import { lazy, once } from '../lazy-schema';
import { describeSize, MAX_LOGO_BASE64, MAX_LOGO_BYTES, TEXT_CHARS } from '../limits';
import { wordTemplateRefSchema } from './word-template';
import { isBase64 } from '../base64';
import { CHAIR_TITLES, FONT_SIZE_PT, LOGO_MIME_TYPES, MARGIN_MM, type LogoMimeType } from './house-style-values';

export { CHAIR_TITLES, FONT_SIZE_PT, LOGO_MAX_BYTES, LOGO_MIME_TYPES, MARGIN_MM, type ChairTitle, type LogoMimeType } from './house-style-values';

/** The first bytes of each image type, as they start in base64. */
const BASE64_MAGIC: Record<LogoMimeType, string> = {
  'image/png': 'iVBORw0KGgo', // 89 50 4E 47 0D 0A 1A 0A
  'image/jpeg': '/9j/', // FF D8 FF
};

const marginMm = z
  .number()
  .min(MARGIN_MM.min, `Margins must be at least ${MARGIN_MM.min} mm`)
  .max(MARGIN_MM.max, `Margins must be at most ${MARGIN_MM.max} mm`);

export const logoSchema = lazy(() =>
  z
    .strictObject({
      mime: z.enum(LOGO_MIME_TYPES),
      /** The image file, base64 encoded (no "data:" prefix). */
      data: z
        .string()
        .max(MAX_LOGO_BASE64, `Logo must be at most ${describeSize(MAX_LOGO_BYTES)}`)
        .refine(isBase64, { message: 'Logo must be base64 image data', abort: true }),
    })
    .refine((logo) => logo.data.startsWith(BASE64_MAGIC[logo.mime]), {
      message: 'Logo must be a PNG or JPEG image matching its type',
      path: ['data'],
    }),
);
export type Logo = z.infer<typeof logoSchema>;

const houseStyleFields = once(() => ({
  /** Printed above the minutes and used as the document's author; '' leaves it out. */
  councilName: z.string().trim().max(TEXT_CHARS.councilName, `Council name must be at most ${TEXT_CHARS.councilName} characters`),
  chairTitle: z.enum(CHAIR_TITLES),
  fontFamily: z
    .string()
    .trim()
    .min(1, 'Font is required')
    .max(TEXT_CHARS.fontFamily, `Font must be at most ${TEXT_CHARS.fontFamily} characters`)
    .regex(/^[\p{L}\p{N} .'&()-]+$/u, 'Font name has characters a font name cannot have'),
  /** Body text size in points; half points allowed (10.5). */
  fontSize: z
    .number()
    .min(FONT_SIZE_PT.min, `Font size must be at least ${FONT_SIZE_PT.min} pt`)
    .max(FONT_SIZE_PT.max, `Font size must be at most ${FONT_SIZE_PT.max} pt`)
    .multipleOf(0.5, 'Font size must be a whole or half point'),
  margins: z.strictObject({ top: marginMm, right: marginMm, bottom: marginMm, left: marginMm }),
  logo: logoSchema.nullable(),
}));

/** A stored style: anything missing takes its default. */
export const houseStyleSchema = lazy(() => z.strictObject({
  councilName: houseStyleFields().councilName.default(''),
  chairTitle: houseStyleFields().chairTitle.default('Chairman'),
  fontFamily: houseStyleFields().fontFamily.default('Arial'),
  fontSize: houseStyleFields().fontSize.default(FONT_SIZE_PT.default),
  margins: houseStyleFields().margins.default({ top: MARGIN_MM.default, right: MARGIN_MM.default, bottom: MARGIN_MM.default, left: MARGIN_MM.default }),
  logo: houseStyleFields().logo.default(null),
  /**
   * The council's own Word template, or null for the built-in style. Set by
   * bodies.setWordTemplate only (never by a house style patch): the file is
   * read in the parsing worker and its parts kept by hash.
   */
  wordTemplate: wordTemplateRefSchema.nullable().default(null),
}));

/** A style sent to be saved: every field given, so nothing falls back to a default unseen. */
/** A change to a style, field by field: what is not given stays as stored, so two windows changing different fields both keep theirs. */
export const houseStyleInputSchema = lazy(() =>
  z
    .strictObject({
      ...houseStyleFields(),
      /**
       * A style read and sent back whole carries its template: accepted only as
       * it is stored (bodies.update refuses a different one), since a template
       * is chosen by bodies.setWordTemplate, which reads the file.
       */
      wordTemplate: wordTemplateRefSchema.nullable(),
    })
    .partial()
    .refine((change) => Object.values(change).some((value) => value !== undefined), 'houseStyle: give at least one house style field to change'),
);

export type HouseStyle = z.output<typeof houseStyleSchema>;
export type HouseStyleInput = z.input<typeof houseStyleSchema>;

export const DEFAULT_HOUSE_STYLE_FULL: HouseStyle = {
  councilName: '',
  chairTitle: 'Chairman',
  fontFamily: 'Arial',
  fontSize: FONT_SIZE_PT.default,
  margins: { top: MARGIN_MM.default, right: MARGIN_MM.default, bottom: MARGIN_MM.default, left: MARGIN_MM.default },
  logo: null,
  wordTemplate: null,
};
