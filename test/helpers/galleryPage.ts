/** A caption track and how the gallery page spells it, and a reader for the page's attributes: shared by the gallery tests. */
export const VTT =
  'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nA softmax turns the scores into weights\n\n00:00:01.500 --> 00:00:02.250\n“Ich” → q · k &lt; 1\n';
/** The steps the player gets from VTT, as the page's data-steps attribute spells them. */
export const STEPS_ATTR =
  '[{&quot;start&quot;:0,&quot;end&quot;:1.5,&quot;text&quot;:&quot;A softmax turns the scores into weights&quot;},{&quot;start&quot;:1.5,&quot;end&quot;:2.25,&quot;text&quot;:&quot;“Ich” → q · k &lt; 1&quot;}]';

export function attrs(html: string, tag: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`, 'g'))].map(m => m[1]);
}
