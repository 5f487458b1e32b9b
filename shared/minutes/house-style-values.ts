/**
 * The house style's fixed values (the chair's titles, the logo's types, the
 * ranges of margins and font sizes), apart from its zod schema
 * (house-style.ts), so the renderer can show them without carrying zod: the
 * renderer never validates a call, the service layer does.
 */
import { MAX_LOGO_BYTES } from '../limits';

export const CHAIR_TITLES = ['Chairman', 'Chair'] as const;
export type ChairTitle = (typeof CHAIR_TITLES)[number];

export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoMimeType = (typeof LOGO_MIME_TYPES)[number];

/** Margins in millimetres; 25.4 mm is Word's one inch. */
export const MARGIN_MM = { min: 5, max: 60, default: 25.4 } as const;
export const FONT_SIZE_PT = { min: 8, max: 20, default: 12 } as const;
/** A logo is printed small; 1 MB of image is plenty (see shared/limits.ts). */
export const LOGO_MAX_BYTES = MAX_LOGO_BYTES;
