/**
 * A tiny German→English parallel set written for this project's seq2seq animation.
 * Word-level, case kept, no punctuation. It includes the post's two sentences and
 * sentences that share their words, so the words are seen in more than one place.
 */

/** `[German, English]` pairs. The first two are the post's sentences. */
export const DE_EN: readonly (readonly [string, string])[] = [
  ['Ich bin eine Maschine', 'I am a machine'],
  ['Ich habe ein bisschen Deutsch gelernt', 'I have learnt a little German'],
  ['Ich bin ein Mensch', 'I am a human'],
  ['Du bist eine Maschine', 'You are a machine'],
  ['Er ist ein Hund', 'He is a dog'],
  ['Sie ist eine Katze', 'She is a cat'],
  ['Ich bin müde', 'I am tired'],
  ['Du bist müde', 'You are tired'],
  ['Wir sind hier', 'We are here'],
  ['Ich habe einen Hund', 'I have a dog'],
  ['Du hast eine Katze', 'You have a cat'],
  ['Ich habe Deutsch gelernt', 'I have learnt German'],
  ['Er hat Englisch gelernt', 'He has learnt English'],
  ['Wir haben ein bisschen Englisch gelernt', 'We have learnt a little English'],
  ['Ich spreche ein bisschen Deutsch', 'I speak a little German'],
  ['Sie spricht Englisch', 'She speaks English'],
  ['Die Maschine ist neu', 'The machine is new'],
  ['Der Hund ist alt', 'The dog is old'],
  ['Die Katze ist klein', 'The cat is small'],
  ['Ich lerne Deutsch', 'I learn German'],
  ['Ich bin hier', 'I am here'],
  ['Er ist müde', 'He is tired'],
  ['Ich habe ein Buch', 'I have a book'],
  ['Das Buch ist neu', 'The book is new'],
  ['Ich lese ein Buch', 'I read a book'],
  ['Die Maschine lernt', 'The machine learns'],
  ['Die Maschine hat gelernt', 'The machine has learnt'],
  ['Ich bin nicht müde', 'I am not tired'],
  ['Du bist eine gute Maschine', 'You are a good machine'],
  ['Er hat ein bisschen gelernt', 'He has learnt a little'],
  ['Ich habe viel gelernt', 'I have learnt a lot'],
  ['Wir lernen Deutsch', 'We learn German'],
  ['Sie sind Maschinen', 'They are machines'],
  ['Ich bin ein Student', 'I am a student'],
  ['Du bist ein Lehrer', 'You are a teacher'],
  ['Ich habe eine Frage', 'I have a question'],
  ['Das ist gut', 'That is good'],
  ['Das ist eine Maschine', 'That is a machine'],
  ['Ich verstehe ein bisschen Deutsch', 'I understand a little German'],
  ['Guten Morgen', 'Good morning'],
];
