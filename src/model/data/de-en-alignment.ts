/**
 * Pairs the alignment model trains on besides the shared set (`de-en.ts`, which also
 * feeds seq2seq's vocabulary, weight shapes and cache, so it stays as it is).
 */

/** `[German, English]` pairs added for the alignment model only. */
export const ALIGNMENT_EXTRA: readonly (readonly [string, string])[] = [
  ['Ich habe ein bisschen Englisch gelernt', 'I have learnt a little English'],
  ['Ich spreche ein bisschen Englisch', 'I speak a little English'],
  ['Ich verstehe Englisch', 'I understand English'],
  ['Du hast ein bisschen Deutsch gelernt', 'You have learnt a little German'],
  ['Ich habe ein Buch gelesen', 'I have read a book'],
  ['Er hat ein Buch gelesen', 'He has read a book'],
  ['Ich habe eine Katze gesehen', 'I have seen a cat'],
  ['Du hast einen Hund gesehen', 'You have seen a dog'],
  ['Wir haben eine Maschine gesehen', 'We have seen a machine'],
  ['Sie hat ein bisschen Deutsch gelernt', 'She has learnt a little German'],
];
