// The basic analyser's lexicon shape. Phrases are matched by Snowball stem (`цена` finds цену, цене),
// or by the start of a word when written `word*`; words of a phrase may have up to two others between.
import type { Intent, ObjectionType } from "../analysis";

export type Lexicon = {
  /** Words that negate what follows within three words of the same clause: «не дорого», "not expensive". */
  negators: string[];
  objections: Record<ObjectionType, string[]>;
  /** A clause that waves a concern away («цена не проблема», "not against switching") raises no objection. */
  dismissals: string[];
  /** One point each; a message that objects counts towards purchase too (it is a sales conversation). */
  intents: Record<Intent, string[]>;
  /** Two points towards complaint each. */
  strongComplaint: string[];
  positive: string[];
  negative: string[];
  /** Markers of irony: with a complaint or trouble around them, the praise words count as negative. */
  sarcasm: string[];
};
