// What the AI made of an episode: while the summary is being made, its live progress (from
// the job events), then the page reloads to show it; "Make it again" queues it afresh.
import { api, clock } from './http.js';
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

// "Ask this episode": the question goes to the server, the answer streams back as server-sent
// events over fetch (POST carries the CSRF token): first the cited moments, then the text.
export function enhanceAsk(main) {
  const section = main.querySelector('#ask');
  if (!section) return;
  const episode = section.dataset.episode;
  const form = section.querySelector('.ask-form');
  const box = section.querySelector('.answer');
  const text = section.querySelector('.answer-text');
  const method = section.querySelector('.answer-method');
  const list = section.querySelector('.citations');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const question = form.question.value.trim();
    if (!question) return;
    const button = form.querySelector('button');
    button.disabled = true;
    box.hidden = false;
    text.textContent = '';
    list.replaceChildren();
    method.textContent = 'Looking through the transcript…';
    let answer = '';
    try {
      await streamAnswer(episode, question, {
        citations(citations) {
          citations.forEach((c) => list.append(citationItem(episode, c)));
        },
        text(piece) {
          answer += piece;
          render(text, episode, answer);
        },
        restart() {
          answer = '';
          text.textContent = '';
        },
        done(reply) {
          render(text, episode, reply.answer);
          method.textContent = reply.method.startsWith('llm:')
            ? `Answered by the language model ${reply.method.slice(4)} from the passages below.`
            : 'No language model is set up: these are the passages of the transcript that best match your question.';
          if (reply.notice) method.textContent = reply.notice + ' ' + method.textContent;
        },
      });
    } catch (e) {
      method.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  });
}

async function streamAnswer(episode, question, on) {
  const headers = { Accept: 'text/event-stream', 'Content-Type': 'application/json' };
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) headers['X-CSRF-Token'] = meta.content;
  const response = await fetch(`/api/episodes/${episode}/ask`, {
    method: 'POST', headers, body: JSON.stringify({ question }), credentials: 'same-origin' });
  if (!response.ok) {
    const data = await response.json().catch(() => null);
    throw new Error((data && data.error) || `The server answered ${response.status}`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = (block.match(/^event: (.*)$/m) || [])[1];
      const data = JSON.parse((block.match(/^data: (.*)$/m) || [])[1] || 'null');
      if (name === 'error') throw new Error(data.error);
      if (name === 'citations') on.citations(data);
      if (name === 'text') on.text(data.piece);
      if (name === 'restart') on.restart();
      if (name === 'done') on.done(data);
    }
  }
}

// The answer as text, with every [mm:ss] or [h:mm:ss] made a link that plays from there and
// **bold** (the best-matching sentences of a passage) shown as <mark>.
function render(into, episode, answer) {
  into.replaceChildren();
  for (const paragraph of answer.split(/\n{2,}/)) {
    const p = document.createElement('p');
    const parts = paragraph.split(/(\[\d{1,2}:\d{2}(?::\d{2})?\]|\*\*[^*]+\*\*)/);
    for (const part of parts) {
      const time = part.match(/^\[(\d{1,2}):(\d{2})(?::(\d{2}))?\]$/);
      if (time) {
        const seconds = time[3] !== undefined ? (+time[1]) * 3600 + (+time[2]) * 60 + (+time[3]) : (+time[1]) * 60 + (+time[2]);
        p.append(seekLink(episode, seconds, part.slice(1, -1)));
      } else if (part.startsWith('**') && part.endsWith('**') && part.length > 4) {
        const mark = document.createElement('mark');
        mark.textContent = part.slice(2, -2);
        p.append(mark);
      } else if (part) {
        p.append(document.createTextNode(part));
      }
    }
    into.append(p);
  }
}

function citationItem(episode, citation) {
  const li = document.createElement('li');
  li.append(seekLink(episode, citation.start, clock(citation.start)), ' ');
  if (citation.speaker) {
    const b = document.createElement('b');
    b.textContent = citation.speaker + ': ';
    li.append(b);
  }
  li.append(document.createTextNode(citation.text));
  return li;
}

function seekLink(episode, seconds, label) {
  const a = document.createElement('a');
  a.className = 'ts';
  a.href = `#t=${seconds}`;
  a.dataset.seek = String(seconds);
  a.dataset.episode = String(episode);
  a.textContent = label;
  return a;
}
