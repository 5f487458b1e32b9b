import { formatMoment } from '../../../../shared/format';

/** "12 June 2026, 9.30 am": a moment shown in British form (shared/format.ts). */
export const when = (iso: string) => formatMoment(iso);
