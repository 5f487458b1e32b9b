/**
 * The decision sheet: the minutes cut down to what was decided, for quick
 * publication before the full minutes are approved. Pure; the Word writer
 * prints it like the minutes.
 */
import type { Block, MinutesDocument } from './document';

/**
 * Keeps the opening line (reworded "Decisions of a meeting of ..."), and for
 * each minute with at least one decision its heading and decision blocks, in
 * order. Attendance, discussion, the closing line and the signature block are
 * left out, and so are minutes that decided nothing.
 */
export function decisionSheet(doc: MinutesDocument): MinutesDocument {
  const blocks: Block[] = [];
  let heading: Block | null = null;
  let headingUsed = false;
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'opening':
        blocks.push({ ...block, text: block.text.replace(/^Minutes of\b/, 'Decisions of') });
        break;
      case 'minute-heading':
        heading = block;
        headingUsed = false;
        break;
      case 'decision':
        // A decision before the first minute has no heading to sit under; it is still a decision.
        if (heading && !headingUsed) blocks.push(heading);
        headingUsed = true;
        blocks.push(block);
        break;
      default:
        break;
    }
  }
  return {
    ...doc,
    title: doc.title.replace(/^Minutes of\b/, 'Decisions of'),
    blocks,
  };
}
