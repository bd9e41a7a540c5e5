/*
 * <figure-player>: plays one figure's video and steps through it, one step per cue.
 * Plain browser script, no imports, no requests of its own: it is shipped beside the
 * renders as figure-player.js and inlined by the gallery (file:// pages cannot load
 * module scripts). Its children, which it copies into its own <video>: <source>
 * elements (MP4 first, then WebM for browsers without H.264), an optional <track> with
 * one cue per step, and a <noscript> with a <picture> (the AVIF with the GIF <img>),
 * which is what a reader without JavaScript sees, and what the player shows when no
 * source plays. The poster attribute is the video's poster. The README's "Embedding"
 * section has the full markup.
 *
 * Instead of the <track>, data-steps may hold the steps as JSON, [{"start","end","text"}]
 * in seconds (a file:// page cannot load a sibling .vtt). Keys when focused: space plays
 * or pauses, left and right arrows go to the previous or next step. With
 * prefers-reduced-motion: reduce it shows the poster and moves only when asked.
 * Events: "steplanded" (detail {index, mediaTime}) once a requested step's first frame shows.
 */
(function () {
  'use strict';
  if (!window.customElements || window.customElements.get('figure-player')) return;

  // Cue times are rounded to the millisecond, so a frame this far before a cue still belongs to it.
  const TOLERANCE = 0.001;
  // A seek to a cue's start shows the frame before it when the start falls between frames;
  // seeking again this much later, doubling up to the limit, lands on the step's first frame.
  const FIRST_NUDGE = 0.004;
  const LAST_NUDGE = 0.25;

  // Non-ASCII only as escapes: a host may serve this file without a charset.
  const SHADOW = `<style>
    :host { display: block; max-width: 100%; } :host(:focus-visible) { outline: 2px solid currentColor; outline-offset: 2px; }
    video { display: block; width: 100%; height: auto; border-radius: 4px; }
    .controls { display: flex; align-items: center; gap: 6px; margin-top: 6px; } .bar { position: relative; flex: 1; display: flex; align-items: center; }
    button { font: inherit; min-width: 2.2em; padding: 2px 6px; border: 1px solid currentColor; border-radius: 4px; background: transparent; color: inherit; cursor: pointer; }
    .scrub { width: 100%; margin: 0; accent-color: currentColor; } .ticks { position: absolute; left: 8px; right: 8px; top: 0; bottom: 0; pointer-events: none; }
    .tick { position: absolute; top: 15%; bottom: 15%; width: 2px; margin-left: -1px; background: currentColor; opacity: .6; }
    .count { font-variant-numeric: tabular-nums; font-size: .85em; } .captions { display: grid; margin: 4px 0 0; min-height: 1.5em; font-size: .9em; }
    .captions > *, .sizer > * { grid-area: 1 / 1; margin: 0; } .sizer { display: grid; visibility: hidden; }
    </style><div class="frame"></div><div class="controls">
    <button type="button" class="play" part="button"></button>
    <button type="button" class="prev" part="button" aria-label="Previous step">\u2190</button>
    <div class="bar"><input type="range" class="scrub" min="0" max="0" step="any" value="0" aria-label="Position"><div class="ticks" aria-hidden="true"></div></div>
    <button type="button" class="next" part="button" aria-label="Next step">\u2192</button>
    <span class="count" aria-hidden="true"></span></div>
    <div class="captions"><p class="caption" part="caption" aria-live="polite"></p><div class="sizer" aria-hidden="true"></div></div>`;
  const PLAY = '\u25b6';
  const PAUSE = '\u275a\u275a';

  const reducedMotion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
  const prefersReducedMotion = () => !!(reducedMotion && reducedMotion.matches);
  const ignore = () => {};

  class FigurePlayer extends HTMLElement {
    constructor() {
      super();
      // Empty until set up: the light DOM is never shown.
      this.attachShadow({mode: 'open'});
      this.steps = [];
      this.shown = -1;
      this.landing = 0;
      this.readerChose = false;
      this.onMotionChange = this.onMotionChange.bind(this);
    }

    connectedCallback() {
      if (reducedMotion) reducedMotion.addEventListener('change', this.onMotionChange);
      if (this.video) return;
      // Parsed before its children (script in <head>): wait for them.
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.setUp(), {once: true});
      else this.setUp();
    }

    disconnectedCallback() {
      if (reducedMotion) reducedMotion.removeEventListener('change', this.onMotionChange);
    }

    setUp() {
      if (this.video) return;
      const copies = [...this.children].filter(c => c.localName === 'source' || c.localName === 'track').map(c => c.cloneNode(false));
      const sources = copies.filter(c => c.localName === 'source');
      if (sources.length === 0) return this.showFallback();
      const root = this.shadowRoot;
      root.innerHTML = SHADOW;
      const video = document.createElement('video');
      this.video = video;
      const still = prefersReducedMotion();
      Object.assign(video, {
        muted: true,
        defaultMuted: true,
        loop: true,
        playsInline: true,
        preload: still ? 'metadata' : 'auto',
        autoplay: !still,
      });
      if (this.hasAttribute('poster')) video.setAttribute('poster', this.getAttribute('poster'));
      // The image's alt text, and its size, which reserves the video's box: no layout shift.
      const img = this.fallback().querySelector('img');
      for (const [from, to] of [
        ['alt', 'aria-label'],
        ['width', 'width'],
        ['height', 'height'],
      ])
        if (img && img.getAttribute(from)) video.setAttribute(to, img.getAttribute(from));
      video.append(...copies);
      // When no source plays, the reader gets the picture instead of a blank box.
      sources[sources.length - 1].addEventListener('error', () => this.showFallback());
      root.querySelector('.frame').appendChild(video);

      [this.playButton, this.scrub, this.ticks, this.count, this.caption] = ['.play', '.scrub', '.ticks', '.count', '.caption'].map(c =>
        root.querySelector(c),
      );
      this.playButton.addEventListener('click', () => this.toggle());
      root.querySelector('.prev').addEventListener('click', () => this.stepBy(-1));
      root.querySelector('.next').addEventListener('click', () => this.stepBy(1));
      this.scrub.addEventListener('input', () => {
        this.readerChose = true;
        this.landing++;
        video.currentTime = Number(this.scrub.value);
      });
      this.addEventListener('keydown', event => this.onKey(event));
      if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
      ['play', 'pause'].forEach(type => video.addEventListener(type, () => this.showPlaying()));
      video.addEventListener('play', () => this.followFrames());
      ['loadedmetadata', 'durationchange'].forEach(type => video.addEventListener(type, () => this.layOutSteps()));
      ['timeupdate', 'seeked'].forEach(type => video.addEventListener(type, () => this.showTime(video.currentTime)));
      this.showPlaying();
      this.readSteps(video);
    }

    /** The steps from data-steps, else from the <track>'s cues once it loads. */
    readSteps(video) {
      const inline = this.getAttribute('data-steps');
      if (inline !== null) {
        const steps = parseSteps(inline);
        if (steps) return this.setSteps(steps);
        console.warn('figure-player: data-steps is not a JSON list of {"start", "end", "text"}; reading the <track> instead');
      }
      const element = video.querySelector('track');
      if (!element) return;
      // getCueAsHTML decodes the cue's escapes (&amp;) into text.
      const text = cue => (cue.getCueAsHTML ? cue.getCueAsHTML().textContent : cue.text);
      const read = () =>
        element.track.cues &&
        this.setSteps([...element.track.cues].map(cue => ({start: cue.startTime, end: cue.endTime, text: text(cue)})));
      element.addEventListener('load', read);
      element.track.mode = 'hidden';
      if (element.readyState === 2) read();
    }

    setSteps(steps) {
      this.steps = steps.slice().sort((a, b) => a.start - b.start);
      this.shown = -2;
      this.layOutSteps();
      this.showTime(this.video.currentTime);
    }

    duration() {
      const d = this.video.duration;
      if (isFinite(d) && d > 0) return d;
      return this.steps.length ? this.steps[this.steps.length - 1].end : 0;
    }

    /** One tick per step on the bar, at the step's start; room for the longest caption, so none shifts the page. */
    layOutSteps() {
      const sizer = this.shadowRoot.querySelector('.sizer');
      sizer.textContent = '';
      this.steps.forEach((step, i) => (sizer.appendChild(document.createElement('p')).textContent = this.captionOf(i)));
      const duration = this.duration();
      this.scrub.max = String(duration);
      this.ticks.textContent = '';
      if (!duration) return;
      for (const step of this.steps) {
        const tick = this.ticks.appendChild(document.createElement('span'));
        tick.className = 'tick';
        tick.style.left = `${((100 * step.start) / duration).toFixed(3)}%`;
      }
    }

    /** The last step that has begun at `time`, or -1. */
    stepAt(time) {
      let index = -1;
      this.steps.forEach((step, i) => step.start <= time + TOLERANCE && (index = i));
      return index;
    }

    showTime(time) {
      this.scrub.value = String(time);
      const index = this.stepAt(time);
      const total = this.steps.length;
      const where = index >= 0 ? `Step ${index + 1} of ${total}, ` : '';
      this.scrub.setAttribute('aria-valuetext', `${where}${time.toFixed(1)} s of ${this.duration().toFixed(1)} s`);
      if (index === this.shown) return;
      this.shown = index;
      this.count.textContent = total ? `${index + 1}/${total}` : '';
      this.caption.textContent = index >= 0 ? this.captionOf(index) : '';
    }

    captionOf(index) {
      return `Step ${index + 1} of ${this.steps.length}: ${this.steps[index].text}`;
    }

    showPlaying() {
      const playing = !this.video.paused;
      this.playButton.textContent = playing ? PAUSE : PLAY;
      this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
      // Announced when the reader is reading (paused, stepping); a playing loop would never stop talking.
      this.caption.setAttribute('aria-live', playing ? 'off' : 'polite');
    }

    /** While playing, the caption and the bar follow each displayed frame (one loop per play). */
    followFrames() {
      const video = this.video;
      if (!video.requestVideoFrameCallback) return;
      const run = (this.following = (this.following || 0) + 1);
      const next = (now, frame) => {
        if (video.paused || run !== this.following) return;
        this.showTime(frame.mediaTime);
        video.requestVideoFrameCallback(next);
      };
      video.requestVideoFrameCallback(next);
    }

    toggle() {
      this.readerChose = true;
      if (this.video.paused) {
        this.landing++;
        this.video.play().catch(ignore);
      } else this.video.pause();
    }

    stepBy(delta) {
      if (!this.steps.length) return;
      this.readerChose = true;
      const from = this.stepAt(this.video.currentTime);
      this.goToStep(Math.max(0, Math.min(this.steps.length - 1, from + delta)));
    }

    /** Pauses on step `index`'s first frame: the first frame at or after its cue's start. */
    goToStep(index) {
      const video = this.video;
      const target = this.steps[index].start;
      const token = ++this.landing;
      video.pause();
      const landed = mediaTime => this.dispatchEvent(new CustomEvent('steplanded', {detail: {index, mediaTime}}));
      const land = nudge => {
        const time = Math.min(target + nudge, this.duration());
        video.currentTime = time;
        this.showTime(time);
        if (!video.requestVideoFrameCallback) return landed(NaN);
        video.requestVideoFrameCallback((now, frame) => {
          if (token !== this.landing) return;
          if (frame.mediaTime < target - TOLERANCE && nudge < LAST_NUDGE) land(nudge ? nudge * 2 : FIRST_NUDGE);
          else landed(frame.mediaTime);
        });
      };
      land(0);
    }

    onKey(event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const origin = event.composedPath()[0];
      if (event.key === ' ' || event.key === 'Spacebar') {
        // A focused button acts on space itself.
        if (origin && origin.localName === 'button') return;
        event.preventDefault();
        this.toggle();
      } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        event.preventDefault();
        this.stepBy(event.key === 'ArrowRight' ? 1 : -1);
      }
    }

    onMotionChange() {
      if (!this.video) return;
      this.video.autoplay = !prefersReducedMotion();
      if (prefersReducedMotion()) this.video.pause();
      else if (!this.readerChose && this.video.paused) this.video.play().catch(ignore);
    }

    /** The <noscript>'s markup, parsed inert (a <template> loads nothing). */
    fallback() {
      if (this.fallbackContent === undefined) {
        const noscript = [...this.children].find(c => c.localName === 'noscript');
        const template = document.createElement('template');
        template.innerHTML = noscript ? noscript.textContent : '';
        this.fallbackContent = template.content;
      }
      return this.fallbackContent;
    }

    /** Shows the <noscript>'s <picture> in place of the player. */
    showFallback() {
      if (this.video) this.video.pause();
      this.shadowRoot.innerHTML = '<style>:host { display: block; } img { display: block; max-width: 100%; height: auto; }</style>';
      this.shadowRoot.appendChild(document.importNode(this.fallback(), true));
    }
  }

  /** Steps from data-steps' JSON, or null when it is not a list of {start, end, text}. */
  function parseSteps(json) {
    let list;
    try {
      list = JSON.parse(json);
    } catch (error) {
      return null;
    }
    const isStep = s => s && typeof s.start === 'number' && typeof s.end === 'number' && typeof s.text === 'string';
    return Array.isArray(list) && list.every(isStep) ? list : null;
  }

  window.customElements.define('figure-player', FigurePlayer);
})();
