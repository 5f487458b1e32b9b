/** Colour contrast (WCAG 2.1), for a Word template's colours on the web page and the live preview. Pure; no zod, Node or DOM. */

/** Relative luminance of a hex colour (WCAG 2.1). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Contrast of a hex colour against white (WCAG 2.1): 21 for black, 1 for white. */
export const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/** A template's colour for text on the white web page, or null when it would fall short of WCAG AA's 4.5:1. */
export const readableColour = (hex: string | null): string | null => (hex && contrastOnWhite(hex) >= 4.5 ? hex : null);
