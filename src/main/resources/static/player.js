// The player bar: one <audio> element outside <main>, so it survives page changes.
import { api, clock } from './http.js';

const $ = (id) => document.getElementById(id);
const TRIM = { off: null, mild: { min: 0.75, keep: 0.25 }, strong: { min: 0.35, keep: 0.1 } };
const SAVE_EVERY_MS = 5000;

const state = {
  episode: null,        // the playback description from /api/episodes/{id}/playback
  chapters: [],
  silences: [],         // [[start, end], ...] seconds, from the episode's silence map
  trim: 'off',
  savedAt: 0,
  savedPosition: -1,
  timeSavedDelta: 0,
  sleepAt: null,
  sleepAtEnd: false,
  finished: false,
  audioContext: null,
  source: null,
  boost: null,
};

let audio;
const listeners = new Set();

export function onEpisodeChange(listener) { listeners.add(listener); }
export function currentEpisodeId() { return state.episode ? state.episode.id : null; }
export function currentTime() { return audio ? audio.currentTime : 0; }

function skipBack() { return Number(localStorage.getItem('hark.skipBack') || 15); }
function skipForward() { return Number(localStorage.getItem('hark.skipForward') || 30); }

export function initPlayer() {
  audio = $('audio');
  $('p-play').addEventListener('click', toggle);
  $('p-back').addEventListener('click', () => seekBy(-skipBack()));
  $('p-fwd').addEventListener('click', () => seekBy(skipForward()));
  $('p-prev-ch').addEventListener('click', previousChapter);
  $('p-next-ch').addEventListener('click', nextChapter);
  $('p-seek').addEventListener('input', (e) => {
    if (isFinite(audio.duration)) seekTo(audio.duration * e.target.value / 1000);
  });
  $('p-speed').addEventListener('input', (e) => setSpeed(Number(e.target.value), true));
  $('p-trim').addEventListener('change', (e) => setTrim(e.target.value, true));
  $('p-boost').addEventListener('change', (e) => setBoost(e.target.checked, true));
  $('p-volume').addEventListener('input', (e) => { audio.volume = Number(e.target.value); localStorage.setItem('hark.volume', e.target.value); });
  $('p-sleep').addEventListener('change', (e) => setSleep(e.target.value));
  audio.volume = Number(localStorage.getItem('hark.volume') || 1);
  $('p-volume').value = audio.volume;

  audio.addEventListener('play', () => { render(); savePosition(true); });
  audio.addEventListener('pause', () => { render(); savePosition(true); });
  audio.addEventListener('timeupdate', onTime);
  audio.addEventListener('progress', renderBuffered);
  audio.addEventListener('durationchange', () => { renderMarks(); render(); });
  audio.addEventListener('ended', finish);
  audio.addEventListener('error', () => status(audio.error ? 'This episode’s audio could not be played' : ''));
  window.addEventListener('pagehide', () => { flushSettings(true); savePosition(true, true); });
  document.addEventListener('visibilitychange', () => { if (document.hidden) { flushSettings(true); savePosition(true, true); } });
  setInterval(tick, 100);
  document.addEventListener('keydown', onKey);
  labels();
  const last = Number(localStorage.getItem('hark.episode'));
  if (last) playEpisode(last, null, false).catch(() => localStorage.removeItem('hark.episode'));
}

export function labels() {
  $('p-back-s').textContent = skipBack();
  $('p-fwd-s').textContent = skipForward();
}

/** Loads an episode into the bar and (unless autoplay is false) plays it. */
export async function playEpisode(id, startAt = null, autoplay = true) {
  if (state.episode && state.episode.id === id) {
    if (startAt !== null) seekTo(startAt);
    if (autoplay) await audio.play().catch(() => {});
    return;
  }
  if (state.episode) await savePosition(true);
  const episode = await api('GET', `/api/episodes/${id}/playback`);
  state.episode = episode;
  state.chapters = episode.chapters || [];
  state.silences = [];
  state.finished = false;
  state.timeSavedDelta = 0;
  state.savedPosition = -1;
  localStorage.setItem('hark.episode', String(id));
  $('player').hidden = false;
  $('p-title').textContent = episode.title || 'Untitled';
  $('p-title').href = `/episodes/${id}`;
  $('p-podcast').textContent = episode.podcastTitle || '';
  $('p-art').src = episode.image || '/static/icon.svg';
  audio.src = episode.media;
  const settings = episode.settings || {};
  setSpeed(settings.speed || 1, false);
  setTrim(settings.trimSilence || 'off', false);
  $('p-boost').checked = !!settings.voiceBoost;
  if (settings.voiceBoost && autoplay) setBoost(true, false);
  let start = startAt !== null ? startAt : (episode.position || 0);
  if (start < (settings.skipIntroSeconds || 0)) start = settings.skipIntroSeconds;
  await new Promise((resolve) => {
    const ready = () => { audio.removeEventListener('loadedmetadata', ready); resolve(); };
    audio.addEventListener('loadedmetadata', ready);
    audio.addEventListener('error', ready, { once: true });
    audio.load();
  });
  if (start > 0) audio.currentTime = start;
  mediaSession(episode);
  loadSilences(id);
  renderMarks();
  render();
  listeners.forEach((listener) => listener(id));
  if (autoplay) await audio.play().catch((e) => status('Press play to start: ' + e.message));
}

async function loadSilences(id, attempt = 0) {
  try {
    const map = await api('GET', `/api/episodes/${id}/silences`);
    if (state.episode && state.episode.id === id) state.silences = map.silences || [];
  } catch (e) {
    // no map yet: the server is making one when this podcast trims silence; look again shortly
    if (state.episode && state.episode.id === id && state.trim !== 'off' && attempt < 12) {
      setTimeout(() => loadSilences(id, attempt + 1), 10000);
    }
  }
}

function toggle() {
  if (!state.episode) return;
  if (audio.paused) {
    if (state.boost === null && $('p-boost').checked) setBoost(true, false);
    audio.play().catch((e) => status(e.message));
  } else {
    audio.pause();
  }
}

export function seekTo(seconds) {
  if (!state.episode) return;
  const max = isFinite(audio.duration) ? audio.duration : seconds;
  audio.currentTime = Math.max(0, Math.min(seconds, max));
  state.finished = false;
  render();
}

function seekBy(delta) { seekTo(audio.currentTime + delta); }

function chapterIndex(at) {
  let index = -1;
  state.chapters.forEach((c, i) => { if (c.start <= at + 0.001) index = i; });
  return index;
}

function previousChapter() {
  const i = chapterIndex(audio.currentTime);
  if (i < 0) return seekTo(0);
  // within the first 3 s of a chapter, go to the one before
  const target = audio.currentTime - state.chapters[i].start < 3 && i > 0 ? state.chapters[i - 1] : state.chapters[i];
  seekTo(target.start);
}

function nextChapter() {
  const next = state.chapters[chapterIndex(audio.currentTime) + 1];
  if (next) seekTo(next.start);
}

function setSpeed(speed, remember) {
  const value = Math.round(Math.min(3, Math.max(0.5, speed)) * 10) / 10;
  audio.playbackRate = value;
  audio.defaultPlaybackRate = value;
  $('p-speed').value = value;
  $('p-speed-label').textContent = value.toFixed(1) + '×';
  if (remember) rememberSetting({ speed: value });
}

function setTrim(level, remember) {
  const before = state.trim;
  state.trim = TRIM[level] === undefined ? 'off' : level;
  $('p-trim').value = state.trim;
  if (remember) {
    rememberSetting({ trimSilence: state.trim });
    // turning trimming on asks for the episode's silence map (made on demand)
    if (before === 'off' && state.trim !== 'off' && state.silences.length === 0 && state.episode) {
      const id = state.episode.id;
      setTimeout(() => loadSilences(id), 500);
    }
  }
}

function setBoost(on, remember) {
  if (on && !state.audioContext) {
    try {
      state.audioContext = new AudioContext();
      state.source = state.audioContext.createMediaElementSource(audio);
      const compressor = state.audioContext.createDynamicsCompressor();
      compressor.threshold.value = -30; compressor.knee.value = 12; compressor.ratio.value = 4;
      compressor.attack.value = 0.003; compressor.release.value = 0.25;
      const gain = state.audioContext.createGain();
      gain.gain.value = 2.0;
      compressor.connect(gain);
      state.boost = { compressor, gain };
    } catch (e) {
      status('Voice boost is not available in this browser');
      $('p-boost').checked = false;
      return;
    }
  }
  if (state.audioContext) {
    state.source.disconnect();
    state.boost.gain.disconnect();
    if (on) {
      state.source.connect(state.boost.compressor);
      state.boost.gain.connect(state.audioContext.destination);
    } else {
      state.source.connect(state.audioContext.destination);
    }
    if (state.audioContext.state === 'suspended') state.audioContext.resume();
  }
  $('p-boost').checked = on;
  if (remember) rememberSetting({ voiceBoost: on });
}

// Settings changes are sent 400 ms after the last one (a dragged slider sends one request),
// and at once when the page goes away.
let settingTimer = null;
let pendingSetting = null;
function rememberSetting(change) {
  if (!state.episode) return;
  state.episode.settings = { ...state.episode.settings, ...change };
  const podcast = state.episode.podcastId;
  pendingSetting = { podcast, change: { ...(pendingSetting && pendingSetting.podcast === podcast ? pendingSetting.change : {}), ...change } };
  clearTimeout(settingTimer);
  settingTimer = setTimeout(() => flushSettings(false), 400);
}

function flushSettings(leaving) {
  clearTimeout(settingTimer);
  if (!pendingSetting) return;
  const { podcast, change } = pendingSetting;
  pendingSetting = null;
  api('PUT', `/api/podcasts/${podcast}/settings`, change, leaving ? { keepalive: true } : {}).catch((e) => status(e.message));
}

function setSleep(value) {
  state.sleepAt = null;
  state.sleepAtEnd = false;
  if (value === 'end') state.sleepAtEnd = true;
  else if (value) state.sleepAt = Date.now() + Number(value) * 60000;
  status(value ? (value === 'end' ? 'Stopping at the end of this episode' : `Stopping in ${value} min`) : '');
}

function tick() {
  if (!state.episode || audio.paused) return;
  const t = audio.currentTime;
  const trim = TRIM[state.trim];
  if (trim) {
    // keep half the allowed pause on each side of a long silence; skip the middle
    for (const [start, end] of state.silences) {
      if (end - start >= trim.min && t >= start + trim.keep / 2 && t < end - trim.keep / 2) {
        state.timeSavedDelta += end - trim.keep / 2 - t;
        audio.currentTime = end - trim.keep / 2;
        break;
      }
    }
  }
  const outro = (state.episode.settings && state.episode.settings.skipOutroSeconds) || 0;
  if (outro > 0 && isFinite(audio.duration) && audio.duration - t <= outro && audio.duration > outro) finish();
  if (state.sleepAt && Date.now() >= state.sleepAt) {
    state.sleepAt = null;
    $('p-sleep').value = '';
    audio.pause();
    status('Sleep timer: paused');
  }
}

function onTime() {
  render();
  if (Date.now() - state.savedAt > SAVE_EVERY_MS) savePosition(false);
}

async function finish() {
  if (state.finished || !state.episode) return;
  state.finished = true;
  const id = state.episode.id;
  audio.pause();
  await api('PUT', `/api/episodes/${id}/position`, { position: 0, played: true, timeSavedDelta: takeSaved() }).catch(() => {});
  if (state.sleepAtEnd) {
    state.sleepAtEnd = false;
    $('p-sleep').value = '';
    status('Sleep timer: stopped at the end of the episode');
    return;
  }
  const next = await api('POST', `/api/queue/advance/${id}`).catch(() => null);
  if (next && next.next) playEpisode(next.next, null, true);
  else status('Finished');
}

function takeSaved() {
  const saved = state.timeSavedDelta;
  state.timeSavedDelta = 0;
  return Math.round(saved * 10) / 10;
}

async function savePosition(force, leaving = false) {
  if (!state.episode || state.finished) return;
  const position = Math.round(audio.currentTime * 10) / 10;
  if (!force && Math.abs(position - state.savedPosition) < 1) return;
  state.savedAt = Date.now();
  state.savedPosition = position;
  const body = { position, played: false, timeSavedDelta: takeSaved() };
  try {
    await api('PUT', `/api/episodes/${state.episode.id}/position`, body, leaving ? { keepalive: true } : {});
  } catch (e) {
    status('Could not save the position: ' + e.message);
  }
}

function render() {
  const d = isFinite(audio.duration) ? audio.duration : (state.episode && state.episode.duration) || 0;
  const t = audio.currentTime;
  $('p-time').textContent = clock(t);
  $('p-remaining').textContent = '-' + clock(Math.max(0, d - t));
  const pct = d > 0 ? (100 * t / d) : 0;
  $('p-played').style.width = pct + '%';
  if (document.activeElement !== $('p-seek')) $('p-seek').value = Math.round(pct * 10);
  $('p-play').classList.toggle('playing', !audio.paused);
  $('p-play').setAttribute('aria-label', audio.paused ? 'Play' : 'Pause');
  document.querySelectorAll('[data-play]').forEach((b) => {
    const playing = state.episode && Number(b.dataset.play) === state.episode.id && !audio.paused;
    b.classList.toggle('playing', playing);
  });
  if ('mediaSession' in navigator && d > 0 && isFinite(t)) {
    try { navigator.mediaSession.setPositionState({ duration: d, playbackRate: audio.playbackRate, position: Math.min(t, d) }); } catch (e) { /* not supported */ }
  }
}

function renderBuffered() {
  const d = audio.duration;
  if (!isFinite(d) || d <= 0 || audio.buffered.length === 0) return;
  const end = audio.buffered.end(audio.buffered.length - 1);
  $('p-buffered').style.width = (100 * end / d) + '%';
}

function renderMarks() {
  const marks = $('p-marks');
  marks.textContent = '';
  const d = isFinite(audio.duration) ? audio.duration : (state.episode && state.episode.duration) || 0;
  if (!d) return;
  for (const c of state.chapters) {
    if (c.start <= 0) continue;
    const mark = document.createElement('i');
    mark.style.left = (100 * c.start / d) + '%';
    mark.title = c.title;
    marks.appendChild(mark);
  }
}

function mediaSession(episode) {
  if (!('mediaSession' in navigator)) return;
  navigator.mediaSession.metadata = new MediaMetadata({
    title: episode.title || '', artist: episode.podcastTitle || '', album: episode.podcastTitle || '',
    artwork: episode.image ? [{ src: episode.image, sizes: '512x512' }] : [],
  });
  const actions = {
    play: () => audio.play(), pause: () => audio.pause(),
    seekbackward: (d) => seekBy(-(d.seekOffset || skipBack())),
    seekforward: (d) => seekBy(d.seekOffset || skipForward()),
    seekto: (d) => seekTo(d.seekTime),
    previoustrack: previousChapter, nexttrack: nextChapter,
  };
  for (const [action, handler] of Object.entries(actions)) {
    try { navigator.mediaSession.setActionHandler(action, handler); } catch (e) { /* unsupported action */ }
  }
}

function onKey(event) {
  const tag = (event.target.tagName || '').toLowerCase();
  const typing = ['input', 'select', 'textarea'].includes(tag) || event.target.isContentEditable;
  if (typing && event.key !== 'Escape') return;
  if (tag === 'button' && (event.key === ' ' || event.key === 'Enter')) return;  // the button's own click
  if (event.metaKey || event.ctrlKey || event.altKey) return;
  const help = $('help');
  switch (event.key) {
    case ' ': event.preventDefault(); toggle(); break;
    case 'ArrowLeft': event.preventDefault(); event.shiftKey ? previousChapter() : seekBy(-skipBack()); break;
    case 'ArrowRight': event.preventDefault(); event.shiftKey ? nextChapter() : seekBy(skipForward()); break;
    case '+': case '=': setSpeed(audio.playbackRate + 0.1, true); break;
    case '-': case '_': setSpeed(audio.playbackRate - 0.1, true); break;
    case '?': help.hidden = !help.hidden; break;
    case 'Escape': help.hidden = true; break;
    default: return;
  }
}

export function applySettings(podcastId, settings) {
  if (!state.episode || state.episode.podcastId !== podcastId) return;
  state.episode.settings = { ...state.episode.settings, ...settings };
  if (settings.speed) setSpeed(settings.speed, false);
  if (settings.trimSilence) setTrim(settings.trimSilence, false);
  if (settings.voiceBoost !== undefined) setBoost(settings.voiceBoost, false);
}

export function status(text) {
  $('p-status').textContent = text;
}
