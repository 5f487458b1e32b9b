/**
 * The house style as the body's Word template sets it (see word-template.ts).
 * Pure; no Node or DOM.
 */
import { FONT_SIZE_PT, MARGIN_MM } from './house-style-values';
import type { HouseStyle } from './house-style';

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/**
 * The house style as the template sets it: its body font and size, and its
 * margins, take the place of the house style's own, so the web page and the
 * preview follow the same template as the Word file. Without a template the
 * style is returned as it is.
 */
export function styleWithTemplate(style: HouseStyle): HouseStyle {
  const look = style.wordTemplate?.look;
  if (!look) return style;
  const size = look.body.sizePt === null ? style.fontSize : clamp(Math.round(look.body.sizePt * 2) / 2, FONT_SIZE_PT.min, FONT_SIZE_PT.max);
  const m = look.page?.margins;
  const margin = (v: number) => clamp(Math.round(v * 10) / 10, MARGIN_MM.min, MARGIN_MM.max);
  return {
    ...style,
    fontFamily: look.body.font ?? style.fontFamily,
    fontSize: size,
    margins: m ? { top: margin(m.top), right: margin(m.right), bottom: margin(m.bottom), left: margin(m.left) } : style.margins,
  };
}

