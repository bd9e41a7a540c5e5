/**
 * The animations, by name: the post's five in the order it embeds them, then the
 * figures it still lacks, in the post's order. Also the output file names
 * (`output/<name>.gif`) and the record each reads (an animation named N reads record N).
 * A module of its own with no imports, so the editor's project and the render page can
 * list the scenes without pulling in every record's validator.
 */
export const ANIMATIONS = ['dense', 'conv', 'recurr', 'seq2seq', 'attention', 'neuron', 'activation-functions', 'filter', 'volume', 'stride', 'padding', 'dilation', 'alignment', 'scoring', 'head'] as const;

export type AnimationName = (typeof ANIMATIONS)[number];

export function isAnimationName(name: string): name is AnimationName {
  return (ANIMATIONS as readonly string[]).includes(name);
}
