/**
 * The Word writers (the docx library, an XML parser for templates), loaded
 * when the first document is written rather than when the app starts: they
 * are the largest part of the service code, and most starts write no Word
 * file. The layer test (test/integration/layers.test.ts) checks that nothing
 * else brings them into a start.
 */
import type { PageHeads } from '../../shared/minutes/page-heads';
import type { TemplateKit } from '../import/word-template';

const load = () =>
  Promise.all([import('./minutes-docx'), import('./action-log-docx')]).then(([minutes, actions]) => ({
    minutesToDocx: minutes.minutesToDocx,
    decisionSheetToDocx: minutes.decisionSheetToDocx,
    reviewCopyToDocx: minutes.reviewCopyToDocx,
    actionLogToDocx: actions.actionLogToDocx,
    /** The template's header and footer for the web page, none without a template: its XML parser is loaded only for one. */
    templateHeads: async (kit: TemplateKit | null, councilName: string): Promise<PageHeads | null> =>
      kit ? (await import('./template-heads')).templateHeads(kit, councilName) : null,
  }));

let writers: ReturnType<typeof load> | null = null;

export function wordWriters(): ReturnType<typeof load> {
  writers ??= load().catch((error: unknown) => {
    // A failed load is tried again next time, not remembered.
    writers = null;
    throw error;
  });
  return writers;
}
