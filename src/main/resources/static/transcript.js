// The transcript on an episode page: the line being played is highlighted and kept in view
// (until the listener scrolls away), and find-in-transcript marks matching lines.
import { currentEpisodeId } from './player.js';

let active = null;  // { section, lines, starts, follow, current }

export function enhanceTranscript(main) {
  const section = main.querySelector('#transcript');
  const lines = section ? [...section.querySelectorAll('.seg')] : [];
  if (lines.length === 0) { active = null; return; }
  active = { section, lines, starts: lines.map((l) => Number(l.dataset.start)), follow: true, current: -1,
    episode: Number(section.dataset.episode) };
  const followButton = section.querySelector('#t-follow');
  const stopFollowing = () => {
    if (!active || !active.follow) return;
    active.follow = false;
    followButton.hidden = false;
  };
  section.querySelector('#t-lines').addEventListener('wheel', stopFollowing, { passive: true });
  section.querySelector('#t-lines').addEventListener('touchmove', stopFollowing, { passive: true });
  followButton.addEventListener('click', () => {
    active.follow = true;
    followButton.hidden = true;
    if (active.current >= 0) active.lines[active.current].scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
  const find = section.querySelector('#t-find');
  const count = section.querySelector('#t-count');
  let matches = [];
  let at = -1;
  find.addEventListener('input', () => {
    const query = find.value.trim().toLowerCase();
    matches = [];
    at = -1;
    for (const line of lines) {
      const hit = query.length > 1 && line.textContent.toLowerCase().includes(query);
      line.classList.toggle('match', hit);
      if (hit) matches.push(line);
    }
    count.textContent = query.length > 1 ? `${matches.length} match${matches.length === 1 ? '' : 'es'}` : '';
  });
  find.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || matches.length === 0) return;
    event.preventDefault();
    at = (at + (event.shiftKey ? -1 : 1) + matches.length) % matches.length;
    stopFollowing();
    matches[at].scrollIntoView({ block: 'center' });
    count.textContent = `${at + 1} of ${matches.length}`;
  });
}

/** Called as the audio plays: highlight the line at this time, on this episode's page. */
export function followPlayback(seconds) {
  if (!active || !active.section.isConnected || currentEpisodeId() !== active.episode) return;
  let lo = 0, hi = active.starts.length - 1, index = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (active.starts[mid] <= seconds) { index = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  if (index === active.current) return;
  if (active.current >= 0) active.lines[active.current].classList.remove('current');
  active.current = index;
  if (index < 0) return;
  const line = active.lines[index];
  line.classList.add('current');
  if (active.follow) line.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
