/** What the filter animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import type {FilterCase, FilterRecord} from './record';
import type {AnimationText} from '../../text/animationText';
import {list} from '../../shared/words';

/** Sums print with one decimal, as numpy prints the post's `np.sum(img * f)`. */
const sum = (v: number) => formatValue(v, 1);

export const filterText: AnimationText<FilterRecord> = {
  title: 'A filter: multiply, then sum',
  alt: r => {
    const [first, second] = r.images.map(img => responses(r, img.name));
    return (
      `The post's two 3×3 filters multiply an image cell by cell and sum the products: on np.eye(3), ${first}; ` +
      `on the second image, ${second}, so each filter answers most to its own pattern.`
    );
  },
  describe: r => {
    const parts = r.images.map((img, i) => {
      const cases = r.cases.filter(c => c.image === img.name);
      const best = strongest(cases);
      return (
        `${i === 0 ? 'First' : 'Then'} the image ${img.code.replace(/^img = /, '')}: ` +
        cases.map(c => `${c.filter} keeps ${nonZero(c)} non-zero and sums to ${sum(c.response)}`).join(', while ') +
        `; ${best.filter} answers more strongly.`
      );
    });
    const slip = r.cases.find(c => c.postPrints !== undefined && c.postPrints !== c.response);
    const truth = slip && r.cases.find(c => c.image === slip.image && c.response === slip.postPrints);
    return (
      `The post's filter example as an animation. Two 3×3 filters, ${list(r.filters.map(f => `${f.name} (${f.code.replace(/^\w+ = /, '')})`))}, ` +
      `are laid over a 3×3 image; each cell of the image is multiplied by the filter cell on top of it, and the nine products are summed into one response. ` +
      parts.join(' ') +
      (slip && truth
        ? ` The post's code prints ${sum(slip.postPrints!)} for np.sum(img * ${slip.filter}) on the second image, but ${slip.filter} gives ${sum(slip.response)} there: ` +
          `the ${sum(slip.postPrints!)} is ${truth.filter}'s response, as the post's text says, and the animation shows the true numbers.`
        : '')
    );
  },
};

/** `f1 gives 1.0 and f2 gives 3.0`. */
function responses(r: FilterRecord, image: string): string {
  return list(r.cases.filter(c => c.image === image).map(c => `${c.filter} gives ${sum(c.response)}`));
}

function strongest(cases: FilterCase[]): FilterCase {
  return cases.reduce((best, c) => (c.response > best.response ? c : best));
}

/** How many of the products are not zero: `1 of its 9 products`. */
function nonZero(c: FilterCase): string {
  const all = c.products.flat();
  return `${all.filter(v => v !== 0).length} of its ${all.length} products`;
}
