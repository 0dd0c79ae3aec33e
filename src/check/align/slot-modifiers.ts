// Words just before a number that tell which of several figures of one subject it is: 新增 103家 vs 累计 602家.
import type { Quantity } from '../../text/numbers/quantity.js';

/** A family of mutually exclusive readings; a figure takes at most one group of each family. */
interface ModifierFamily {
  name: string;
  groups: Record<string, readonly string[]>;
  /** A reading only one side has is a different slot (月均减重4—6公斤 is not a total weight loss). */
  oneSidedClashes?: boolean;
  /** Words that only count at the very end of the window (从 in 腰围从96厘米, not in 从事). */
  endingWords?: readonly string[];
}

const FAMILIES: readonly ModifierFamily[] = [
  {
    name: 'stock',
    groups: {
      increment: ['新增', '新建', '新认定', '新培育', '新引进', '新开', '新设', '新入选', '新获批', '新签约', '新落地', '新开工', '增设', '新组建', '新评'],
      cumulative: ['累计', '总数', '总计', '合计', '共计', '总量', '共有', '总共', '累积', '存量'],
    },
  },
  {
    name: 'direction',
    groups: {
      up: ['增长', '增加', '提高', '上升', '提升', '增至', '升至', '增幅', '上涨'],
      down: ['下降', '减少', '降低', '下滑', '降至', '缩至', '减至', '降幅', '缩了'],
    },
  },
  {
    name: 'endpoint',
    groups: {
      start: ['从', '由'],
      end: ['降至', '降到', '减至', '缩至', '缩到', '增至', '增到', '升至', '升到', '提高到', '提高至', '提升到', '提升至', '延伸到', '变为'],
    },
    endingWords: ['从', '由'],
  },
  {
    name: 'average',
    groups: { average: ['月均', '年均', '日均', '人均', '平均', '户均', '均'] },
    oneSidedClashes: true,
    endingWords: ['均'],
  },
];

/** The modifier groups of a figure, one per family at most ("stock:cumulative", "endpoint:start"). */
export type SlotModifiers = ReadonlyMap<string, string>;

/**
 * Modifiers of the figure `quantity` in `clause`: read from the words between the previous figure
 * (or the clause start) and this one. A window holding only a conjunction (38家和96家) inherits the
 * previous figure's modifiers.
 */
export function slotModifiers(clause: string, quantities: readonly Quantity[], index: number): SlotModifiers {
  let position = index;
  while (position >= 0) {
    const window = modifierWindow(clause, quantities, position);
    if (!/^[\s和与及、或以]*$/.test(window) || position === 0) return modifiersIn(window);
    position -= 1;
  }
  return new Map();
}

function modifierWindow(clause: string, quantities: readonly Quantity[], index: number): string {
  const quantity = quantities[index];
  if (!quantity) return '';
  const previous = quantities[index - 1];
  return clause.slice(previous ? previous.end : 0, quantity.start);
}

function modifiersIn(window: string): SlotModifiers {
  const found = new Map<string, string>();
  for (const family of FAMILIES) {
    let best: { group: string; position: number } | null = null;
    for (const [group, words] of Object.entries(family.groups)) {
      for (const word of words) {
        const ending = family.endingWords?.includes(word) ?? false;
        const position = ending ? (window.endsWith(word) ? window.length - word.length : -1) : window.lastIndexOf(word);
        if (position >= 0 && (!best || position > best.position)) best = { group, position };
      }
    }
    if (best) found.set(family.name, best.group);
  }
  return found;
}

/** Score added for agreeing modifiers, subtracted for clashing ones (0 when neither side has any). */
export const MODIFIER_WEIGHTS = { agree: 0.15, clash: 0.25, oneSided: 0.05 } as const;

/** How well a claim figure's modifiers fit an archive figure's: positive when they agree, negative when they clash. */
export function modifierAgreement(claim: SlotModifiers, archive: SlotModifiers): number {
  let score = 0;
  for (const family of FAMILIES) {
    const claimGroup = claim.get(family.name);
    const archiveGroup = archive.get(family.name);
    if (claimGroup === undefined && archiveGroup === undefined) continue;
    if (claimGroup === archiveGroup) score += MODIFIER_WEIGHTS.agree;
    else if ((claimGroup !== undefined && archiveGroup !== undefined) || family.oneSidedClashes) score -= MODIFIER_WEIGHTS.clash;
    else score -= MODIFIER_WEIGHTS.oneSided;
  }
  return score;
}

/** Every modifier word, so they can be left out of the subject words. */
export const MODIFIER_WORDS: ReadonlySet<string> = new Set(FAMILIES.flatMap((family) => Object.values(family.groups).flat()));
