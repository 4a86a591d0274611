// Hark's web player: wires navigation, the player bar and the page controls together.
import { api } from './http.js';
import { startNavigation, go, reload } from './nav.js';
import { enhanceTranscript, followPlayback } from './transcript.js';
import { enhanceInsights, enhanceAsk } from './insights.js';
import { initPlayer, playEpisode, seekTo, currentEpisodeId, applySettings, labels, status } from './player.js';

function enhance(main) {
  main.querySelectorAll('[data-play]').forEach((button) =>
    button.addEventListener('click', () => playEpisode(Number(button.dataset.play)).catch((e) => status(e.message))));


  main.querySelectorAll('[data-queue]').forEach((button) => button.addEventListener('click', async () => {
    try {
      await api('POST', `/api/queue/${button.dataset.queue}?where=${button.dataset.where}`);
      status(button.dataset.where === 'next' ? 'Will play next' : 'Added to the end of Up Next');
    } catch (e) { status(e.message); }
  }));

  main.querySelectorAll('[data-download]').forEach((button) => button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api('POST', `/api/episodes/${button.dataset.download}/download`);
      button.textContent = 'Downloading…';
      pendingReload = true;
    } catch (e) { status(e.message); button.disabled = false; }
  }));

  main.querySelectorAll('[data-undownload]').forEach((button) => button.addEventListener('click', async () => {
    await api('DELETE', `/api/episodes/${button.dataset.undownload}/download`).catch((e) => status(e.message));
    reload();
  }));

  main.querySelectorAll('[data-unqueue]').forEach((button) => button.addEventListener('click', async () => {
    await api('DELETE', `/api/queue/${button.dataset.unqueue}`).catch((e) => status(e.message));
    button.closest('li').remove();
  }));

  const subscribe = main.querySelector('#subscribe');
  if (subscribe) subscribe.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = main.querySelector('#subscribe-status');
    const button = subscribe.querySelector('button');
    out.classList.remove('error');
    out.textContent = 'Reading the feed…';
    button.disabled = true;
    try {
      const result = await api('POST', '/api/podcasts', { url: subscribe.url.value });
      go(`/podcasts/${result.podcast.id}`, true);
    } catch (e) {
      out.textContent = e.message;
      out.classList.add('error');
    } finally {
      button.disabled = false;
    }
  });

  const find = main.querySelector('#find');
  if (find) find.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = main.querySelector('#find-results');
    out.textContent = 'Searching…';
    try {
      const outcome = await api('GET', '/api/directory?q=' + encodeURIComponent(find.q.value));
      out.textContent = '';
      for (const notice of outcome.notices) {
        const p = document.createElement('p');
        p.className = 'status';
        p.textContent = notice;
        out.appendChild(p);
      }
      if (outcome.results.length === 0) {
        const p = document.createElement('p');
        p.className = 'empty';
        p.textContent = 'No podcasts found.';
        out.appendChild(p);
      }
      const list = document.createElement('ul');
      list.className = 'episodes';
      for (const result of outcome.results) list.appendChild(directoryRow(result));
      out.appendChild(list);
    } catch (e) { out.textContent = e.message; }
  });

  const refresh = main.querySelector('#refresh-all');
  if (refresh) refresh.addEventListener('click', async () => {
    refresh.disabled = true;
    try {
      await api('POST', '/api/refresh');
      pendingReload = true;
    } catch (e) { status(e.message); refresh.disabled = false; }
  });

  const importForm = main.querySelector('#import');
  if (importForm) importForm.opml.addEventListener('change', async () => {
    const data = new FormData(importForm);
    try {
      const result = await api('POST', '/api/import', data);
      status(`Imported ${result.added} new podcasts (${result.alreadySubscribed} already subscribed)`);
      pendingReload = true;
    } catch (e) { status(e.message); }
  });

  const settings = main.querySelector('#podcast-settings');
  if (settings) settings.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = settings.querySelector('.status');
    const body = {
      speed: Number(settings.speed.value), trimSilence: settings.trimSilence.value,
      voiceBoost: settings.voiceBoost.checked, skipIntroSeconds: Number(settings.skipIntroSeconds.value),
      skipOutroSeconds: Number(settings.skipOutroSeconds.value), autoDownload: settings.autoDownload.checked,
      autoDownloadCount: Number(settings.autoDownloadCount.value), autoTranscribe: settings.autoTranscribe.checked,
    };
    try {
      const saved = await api('PUT', `/api/podcasts/${settings.dataset.podcast}/settings`, body);
      applySettings(Number(settings.dataset.podcast), saved);
      out.textContent = 'Saved';
    } catch (e) { out.textContent = e.message; }
  });

  const playerSettings = main.querySelector('#player-settings');
  if (playerSettings) {
    playerSettings.skipBack.value = localStorage.getItem('hark.skipBack') || 15;
    playerSettings.skipForward.value = localStorage.getItem('hark.skipForward') || 30;
    playerSettings.addEventListener('submit', (event) => {
      event.preventDefault();
      localStorage.setItem('hark.skipBack', String(Math.max(5, Number(playerSettings.skipBack.value))));
      localStorage.setItem('hark.skipForward', String(Math.max(5, Number(playerSettings.skipForward.value))));
      labels();
      playerSettings.querySelector('.status').textContent = 'Saved';
    });
  }

  const upNext = main.querySelector('#up-next');
  if (upNext) dragToReorder(upNext);
  enhanceTranscript(main);
  watchTranscription(main);
  enhanceInsights(main);
  enhanceAsk(main);
}

// A moment link anywhere in the page (summary, chapters, transcript, answers streamed in
// later): play that episode from there. One delegated listener, so new links work too.
function seekLinks() {
  document.addEventListener('click', (event) => {
    const link = event.target.closest('[data-seek]');
    if (!link) return;
    event.preventDefault();
    const episode = Number(link.dataset.episode);
    const at = Number(link.dataset.seek);
    if (currentEpisodeId() === episode) seekTo(at);
    else playEpisode(episode, at).catch((e) => status(e.message));
  });
}

// "Transcribe" on an episode page: queue the job, then show its live progress from the
// job events; when it is done, show the transcript.
function watchTranscription(main) {
  const box = main.querySelector('.transcribe');
  if (!box) return;
  const episode = box.dataset.episode;
  const start = box.querySelector('#t-start');
  const out = box.querySelector('#t-progress');
  const bar = box.querySelector('#t-bar');
  let seen = !!box.querySelector('#t-progress') && !start;
  if (start) start.addEventListener('click', async () => {
    start.disabled = true;
    out.textContent = 'Queued…';
    try {
      await api('POST', `/api/episodes/${episode}/transcribe`);
      seen = true;
    } catch (e) { out.textContent = e.message; start.disabled = false; }
  });
  const onJobs = (event) => {
    if (!box.isConnected) { document.removeEventListener('hark:jobs', onJobs); return; }
    const job = event.detail.find((j) => j.kind === 'transcribe' && j.subject === episode);
    if (job) {
      seen = true;
      out.textContent = job.message || (job.state === 'queued' ? 'Queued…' : 'Transcribing…');
      if (job.progress != null) { bar.hidden = false; bar.value = job.progress; }
    } else if (seen) {
      document.removeEventListener('hark:jobs', onJobs);
      reload();
    }
  };
  document.addEventListener('hark:jobs', onJobs);
}

function directoryRow(result) {
  const li = document.createElement('li');
  li.className = 'episode';
  if (result.artworkUrl) {
    const img = document.createElement('img');
    img.src = result.artworkUrl; img.alt = ''; img.width = 48; img.height = 48; img.className = 'art';
    li.appendChild(img);
  }
  const main = document.createElement('div');
  main.className = 'e-main';
  const title = document.createElement('div');
  title.className = 'e-title';
  title.textContent = result.title;
  const meta = document.createElement('div');
  meta.className = 'e-meta';
  meta.textContent = [result.author, result.episodeCount ? result.episodeCount + ' episodes' : null,
    result.source === 'itunes' ? 'iTunes' : 'Podcast Index'].filter(Boolean).join(' · ');
  main.append(title, meta);
  const button = document.createElement('button');
  button.textContent = 'Subscribe';
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = 'Reading the feed…';
    try {
      const added = await api('POST', '/api/podcasts', { url: result.feedUrl });
      go(`/podcasts/${added.podcast.id}`, true);
    } catch (e) { button.textContent = e.message; }
  });
  li.append(main, button);
  return li;
}

function dragToReorder(list) {
  let dragged = null;
  list.addEventListener('dragstart', (event) => {
    dragged = event.target.closest('li');
    dragged.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
  });
  list.addEventListener('dragover', (event) => {
    event.preventDefault();
    const over = event.target.closest('li');
    if (!dragged || !over || over === dragged) return;
    const box = over.getBoundingClientRect();
    list.insertBefore(dragged, event.clientY > box.top + box.height / 2 ? over.nextSibling : over);
  });
  list.addEventListener('dragend', async () => {
    if (!dragged) return;
    dragged.classList.remove('dragging');
    dragged = null;
    const ids = [...list.querySelectorAll('li[data-episode]')].map((li) => Number(li.dataset.episode));
    await api('PUT', '/api/queue', ids).catch((e) => status(e.message));
  });
}

// Live job progress in the header; pages that started work reload when the queue drains.
let pendingReload = false;
function watchJobs() {
  if (!window.EventSource) return;
  const out = document.getElementById('jobs-status');
  const events = new EventSource('/api/jobs/events');
  events.addEventListener('jobs', (event) => {
    const jobs = JSON.parse(event.data);
    document.dispatchEvent(new CustomEvent('hark:jobs', { detail: jobs }));
    if (jobs.length === 0) {
      out.textContent = '';
      if (pendingReload) { pendingReload = false; reload(); }
      return;
    }
    const running = jobs.filter((j) => j.state === 'running');
    const first = running[0];
    const detail = first ? `${first.kind}${first.message ? ': ' + first.message : ''}${first.progress != null ? ' ' + Math.round(first.progress * 100) + '%' : ''}` : '';
    out.textContent = `${jobs.length} job${jobs.length === 1 ? '' : 's'} ${detail ? '· ' + detail : ''}`;
  });
}

function helpOverlay() {
  const help = document.getElementById('help');
  document.getElementById('help-open').addEventListener('click', () => { help.hidden = false; });
  document.getElementById('help-close').addEventListener('click', () => { help.hidden = true; });
  help.addEventListener('click', (event) => { if (event.target === help) help.hidden = true; });
}

initPlayer();
document.getElementById('audio').addEventListener('timeupdate', (event) => followPlayback(event.target.currentTime));
helpOverlay();
seekLinks();
watchJobs();
startNavigation(enhance);
