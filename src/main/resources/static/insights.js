// What the AI made of an episode: while the summary is being made, its live progress (from
// the job events), then the page reloads to show it; "Make it again" queues it afresh.
import { api } from './http.js';
import { reload } from './nav.js';

export function enhanceInsights(main) {
  const section = main.querySelector('#summary');
  if (!section) return;
  const episode = section.dataset.episode;
  section.querySelectorAll('[data-regenerate]').forEach((button) => button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api('POST', `/api/episodes/${episode}/insights`);
      watch(section, episode, true);
    } catch (e) {
      button.disabled = false;
      button.textContent = e.message;
    }
  }));
  if (section.dataset.status === 'pending') watch(section, episode, false);
}

function watch(section, episode, queued) {
  let out = section.querySelector('#ai-progress');
  let bar = section.querySelector('#ai-bar');
  if (!out) {
    out = document.createElement('p');
    out.className = 'status';
    out.id = 'ai-progress';
    out.textContent = 'Queued…';
    bar = document.createElement('progress');
    bar.className = 'progress'; bar.max = 1; bar.hidden = true; bar.id = 'ai-bar';
    section.append(out, bar);
  }
  let seen = queued;
  const onJobs = (event) => {
    if (!section.isConnected) { document.removeEventListener('hark:jobs', onJobs); return; }
    const job = event.detail.find((j) => j.kind === 'insights' && j.subject === episode);
    if (job) {
      seen = true;
      out.textContent = job.message || (job.state === 'queued' ? 'Queued…' : 'Working…');
      if (job.progress != null) { bar.hidden = false; bar.value = job.progress; }
    } else if (seen) {
      document.removeEventListener('hark:jobs', onJobs);
      reload();
    }
  };
  document.addEventListener('hark:jobs', onJobs);
  // the job may have finished before the first event arrived: look once after a moment
  setTimeout(async () => {
    if (seen || !section.isConnected) return;
    const summary = await api('GET', `/api/episodes/${episode}/summary`).catch(() => null);
    if (summary && summary.status === 'ready') { document.removeEventListener('hark:jobs', onJobs); reload(); }
  }, 3000);
}
