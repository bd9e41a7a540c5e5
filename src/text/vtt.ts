/**
 * WebVTT caption tracks from the steps a scene reports (each CaptionLine.say on
 * the scene's reporting line is one step). Pure.
 */

/** One storyboard step: the caption shown from `time` (seconds from the start). */
export interface CaptionStep {
  time: number;
  text: string;
}

/** One cue of the track, times in seconds. */
export interface Cue {
  start: number;
  end: number;
  text: string;
}

/**
 * Cues from steps: each step's text from its start to the next step's start (the
 * last to `durationSeconds`). An empty text ends the cue before it and shows
 * nothing; consecutive steps with the same text are one cue. Steps at or after the
 * end, and cues that round to zero milliseconds, are dropped.
 */
export function stepsToCues(steps: readonly CaptionStep[], durationSeconds: number): Cue[] {
  if (!Number.isFinite(durationSeconds) || durationSeconds < 0) {
    throw new RangeError(`toWebVtt: durationSeconds must be a finite number ≥ 0, got ${durationSeconds}`);
  }
  steps.forEach((step, i) => {
    if (!Number.isFinite(step.time)) throw new RangeError(`toWebVtt: steps[${i}].time must be a finite number, got ${step.time}`);
    if (typeof step.text !== 'string') throw new TypeError(`toWebVtt: steps[${i}].text must be a string`);
  });
  // Stable sort: steps reported at the same time keep their order, and the last one wins.
  const ordered = steps
    .map((step, i) => ({time: Math.max(0, step.time), text: normalise(step.text), i}))
    .sort((a, b) => a.time - b.time || a.i - b.i)
    .filter(step => step.time < durationSeconds);

  const cues: Cue[] = [];
  ordered.forEach((step, k) => {
    const end = k + 1 < ordered.length ? ordered[k + 1].time : durationSeconds;
    if (step.text === '') return;
    const last = cues[cues.length - 1];
    if (last && last.text === step.text && last.end === step.time) last.end = end;
    else cues.push({start: step.time, end, text: step.text});
  });
  return cues.filter(cue => millis(cue.end) > millis(cue.start));
}

/** A complete WebVTT file (UTF-8 text, `\n` line ends) with one cue per shown step. */
export function toWebVtt(steps: readonly CaptionStep[], durationSeconds: number): string {
  const cues = stepsToCues(steps, durationSeconds);
  const blocks = cues.map(cue => `${formatVttTime(cue.start)} --> ${formatVttTime(cue.end)}\n${escapeCueText(cue.text)}`);
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

/** `HH:MM:SS.mmm`, rounded to the millisecond. */
export function formatVttTime(seconds: number): string {
  const total = millis(seconds);
  const ms = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60_000) % 60;
  const h = Math.floor(total / 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}.${String(ms).padStart(3, '0')}`;
}

function millis(seconds: number): number {
  return Math.round(seconds * 1000);
}

/** Trims, and collapses blank lines (a blank line would end the cue early). */
function normalise(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(line => line.trim())
    .filter(line => line !== '')
    .join('\n');
}

/** `&`, `<` and `>` are markup in cue text; escaping `>` also rules out a stray `-->`. */
function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The cues of a track that toWebVtt wrote (times, then text up to a blank line;
 * escapes decoded). Not a general WebVTT parser: no settings, notes or styles.
 */
export function parseWebVtt(vtt: string): Cue[] {
  const blocks = vtt
    .replace(/\r\n?/g, '\n')
    .trimEnd()
    .split(/\n{2,}/)
    .slice(1);
  return blocks.flatMap(block => {
    const [timing, ...text] = block.split('\n');
    const match = /^(\d+):(\d{2}):(\d{2})\.(\d{3}) --> (\d+):(\d{2}):(\d{2})\.(\d{3})$/.exec(timing.trim());
    if (!match) return [];
    const time = (h: string, m: string, s: string, ms: string) =>
      (Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(ms)) / 1000;
    return [
      {
        start: time(...(match.slice(1, 5) as [string, string, string, string])),
        end: time(...(match.slice(5, 9) as [string, string, string, string])),
        text: unescapeCueText(text.join('\n')),
      },
    ];
  });
}

function unescapeCueText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
