/**
 * Notes for the author: the post's slips, each with the line of the post to change and what to
 * change it to. The figures never draw them (they speak of the layer, not of the post); the
 * gallery and the README list them. Every number comes from a record, none is typed in here.
 */
import {formatValue} from '../shared/format';
import type {ActivationRecords} from '../animations/registry';

export interface AuthorNote {
  /** The figure whose record shows the slip. */
  figure: string;
  /** What is wrong. */
  slip: string;
  /** The post's line(s) to change, quoted. */
  line: string;
  /** What to write instead. */
  change: string;
}

/** The notes the given records support (a note whose record is absent, or shows no slip, is left out). */
export function authorNotes(records: Partial<Pick<ActivationRecords, 'filter' | 'attention' | 'conv'>>): AuthorNote[] {
  const notes: AuthorNote[] = [];
  if (records.conv) {
    notes.push({
      figure: 'conv',
      slip: 'The Conv2D example’s model ends in a softmax, yet the output it prints is negative and its rows do not sum to 1: those are the logits, before the softmax. Drop the softmax (or print the softmax’s output, rows that sum to 1).',
      line: "out = Dense(2, activation='softmax')(flat)",
      change: 'out = Dense(2)(flat)  # logits, as printed below',
    });
  }
  const filter = records.filter;
  const slip = filter?.cases.find(c => c.postPrints !== undefined && c.postPrints !== c.response);
  const owner = slip && filter!.cases.find(c => c.image === slip.image && c.response === slip.postPrints);
  if (slip && owner) {
    const sum = (v: number) => formatValue(v, 1);
    notes.push({
      figure: 'filter',
      slip: `On the second image the post prints ${sum(slip.postPrints!)} under np.sum(img * ${slip.filter}), but ${slip.filter} gives ${sum(slip.response)} there; ${sum(slip.postPrints!)} is ${owner.filter}’s response, the stronger one the text means (the comment above the line says “second filter” too).`,
      line: `np.sum(img * ${slip.filter})\n#  ${sum(slip.postPrints!)}`,
      change: `np.sum(img * ${owner.filter})\n#  ${sum(owner.response)}`,
    });
  }
  const attention = records.attention;
  if (attention) {
    const soft = attention.output.map(v => formatValue(v, 3)).join(', ');
    const hard = attention.hardLookup.value.map(v => String(v)).join(', ');
    const weights = attention.weights.map(w => formatValue(w, 3)).join(' and ');
    notes.push({
      figure: 'attention',
      slip: `database.similarity(query) prints [${hard}], the value of the closest key alone; soft attention weighs the keys ${weights} and returns [${soft}]. Either print the soft result, or call [${hard}] the closest key’s value: a hard lookup, not attention.`,
      line: `database.similarity(query)\n#  [${hard}]`,
      change: `database.similarity(query)\n#  [${soft}]`,
    });
  }
  return notes;
}

/** The notes as the README's section body: one bullet per slip, the lines in code blocks. */
export function authorNotesMarkdown(notes: readonly AuthorNote[]): string {
  const block = (code: string) => ['  ```python', ...code.split('\n').map(l => `  ${l}`), '  ```'].join('\n');
  return notes.map(n => `- **${n.figure}.** ${n.slip} Change\n\n${block(n.line)}\n\n  to\n\n${block(n.change)}`).join('\n');
}
