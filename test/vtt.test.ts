import {describe, expect, it} from 'vitest';
import {formatVttTime, parseWebVtt, stepsToCues, toWebVtt} from '../src/text/vtt';

describe('formatVttTime', () => {
  it('writes hours, minutes, seconds and milliseconds with fixed widths', () => {
    expect(formatVttTime(0)).toBe('00:00:00.000');
    expect(formatVttTime(1.5)).toBe('00:00:01.500');
    expect(formatVttTime(61.25)).toBe('00:01:01.250');
    expect(formatVttTime(3725.007)).toBe('01:02:05.007');
  });

  it('rounds to the nearest millisecond, carrying into the seconds', () => {
    expect(formatVttTime(2.0004)).toBe('00:00:02.000');
    expect(formatVttTime(2.0006)).toBe('00:00:02.001');
    expect(formatVttTime(59.9996)).toBe('00:01:00.000');
    // 1/3 s of a 30 fps frame count, as the scenes report them.
    expect(formatVttTime(10 / 30)).toBe('00:00:00.333');
  });
});

describe('toWebVtt', () => {
  it('gives each step a cue from its start to the next step, the last one to the end', () => {
    const vtt = toWebVtt(
      [
        {time: 0, text: 'A dictionary needs the exact key'},
        {time: 2.5, text: 'Scores: q · k'},
        {time: 4.2, text: 'Softmax turns scores into weights'},
      ],
      11.3,
    );
    expect(vtt).toBe(
      'WEBVTT\n' +
        '\n' +
        '00:00:00.000 --> 00:00:02.500\n' +
        'A dictionary needs the exact key\n' +
        '\n' +
        '00:00:02.500 --> 00:00:04.200\n' +
        'Scores: q · k\n' +
        '\n' +
        '00:00:04.200 --> 00:00:11.300\n' +
        'Softmax turns scores into weights\n',
    );
  });

  it('skips empty texts: the cue before ends where the empty step starts', () => {
    const vtt = toWebVtt(
      [
        {time: 0.5, text: 'one'},
        {time: 2, text: ''},
        {time: 3, text: '   '},
        {time: 4, text: 'two'},
      ],
      6,
    );
    expect(vtt).toBe('WEBVTT\n\n00:00:00.500 --> 00:00:02.000\none\n\n00:00:04.000 --> 00:00:06.000\ntwo\n');
  });

  it('merges consecutive steps with identical text into one cue', () => {
    const vtt = toWebVtt(
      [
        {time: 0, text: 'same'},
        {time: 1, text: 'same'},
        {time: 2, text: 'other'},
        {time: 3, text: 'same'},
      ],
      4,
    );
    expect(vtt).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nsame\n\n00:00:02.000 --> 00:00:03.000\nother\n\n00:00:03.000 --> 00:00:04.000\nsame\n',
    );
  });

  it('does not merge identical texts separated by an empty step', () => {
    expect(
      stepsToCues(
        [
          {time: 0, text: 'x'},
          {time: 1, text: ''},
          {time: 2, text: 'x'},
        ],
        3,
      ),
    ).toEqual([
      {start: 0, end: 1, text: 'x'},
      {start: 2, end: 3, text: 'x'},
    ]);
  });

  it('sorts steps by time, and at equal times the later report wins', () => {
    expect(
      stepsToCues(
        [
          {time: 3, text: 'c'},
          {time: 0, text: 'a'},
          {time: 1, text: 'first at 1'},
          {time: 1, text: 'b'},
        ],
        5,
      ),
    ).toEqual([
      {start: 0, end: 1, text: 'a'},
      {start: 1, end: 3, text: 'b'},
      {start: 3, end: 5, text: 'c'},
    ]);
  });

  it('drops steps at or after the end and clamps the last cue to the duration', () => {
    expect(
      toWebVtt(
        [
          {time: 0, text: 'in'},
          {time: 2, text: 'at the end'},
          {time: 9, text: 'after'},
        ],
        2,
      ),
    ).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nin\n');
  });

  it('escapes markup characters so tokens like <end> and arrows show as text', () => {
    expect(toWebVtt([{time: 0, text: 'I → am --> <end> & done'}], 1)).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nI → am --&gt; &lt;end&gt; &amp; done\n',
    );
  });

  it('keeps single line breaks but removes blank lines, which would end a cue', () => {
    expect(toWebVtt([{time: 0, text: ' first line \n\n\nsecond line\r\n'}], 1)).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nfirst line\nsecond line\n',
    );
  });

  it('writes only the header when there is nothing to show', () => {
    expect(toWebVtt([], 10)).toBe('WEBVTT\n');
    expect(toWebVtt([{time: 0, text: ''}], 10)).toBe('WEBVTT\n');
  });

  it('drops cues shorter than a millisecond', () => {
    expect(
      stepsToCues(
        [
          {time: 1, text: 'blink'},
          {time: 1.0002, text: 'stays'},
        ],
        2,
      ),
    ).toEqual([{start: 1.0002, end: 2, text: 'stays'}]);
  });

  it('rejects a duration or time that is not a finite number', () => {
    expect(() => toWebVtt([], Number.NaN)).toThrow(/durationSeconds/);
    expect(() => toWebVtt([], -1)).toThrow(/durationSeconds/);
    expect(() => toWebVtt([{time: Number.POSITIVE_INFINITY, text: 'x'}], 1)).toThrow(/steps\[0\]\.time/);
  });
});

describe('parseWebVtt', () => {
  it('reads back the cues toWebVtt wrote: times to the millisecond, multi-line text, escapes decoded', () => {
    const steps = [
      {time: 0, text: 'q · k < 0.5 & more'},
      {time: 0.6654, text: 'two\nlines'},
      {time: 3725.007, text: 'last'},
    ];
    expect(parseWebVtt(toWebVtt(steps, 3726))).toEqual([
      {start: 0, end: 0.665, text: 'q · k < 0.5 & more'},
      {start: 0.665, end: 3725.007, text: 'two\nlines'},
      {start: 3725.007, end: 3726, text: 'last'},
    ]);
  });

  it('reads CRLF files and finds no cues in a header-only track', () => {
    expect(parseWebVtt('WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.500\r\nhi\r\n')).toEqual([{start: 1, end: 2.5, text: 'hi'}]);
    expect(parseWebVtt('WEBVTT\n')).toEqual([]);
  });
});
