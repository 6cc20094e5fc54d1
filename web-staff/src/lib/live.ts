/**
 * How often the information desk and the workstation read the queue again, in milliseconds.
 *
 * TEMPORARY: the api has no queue subscriptions yet. They come with the "Live" issue (events published after
 * commit, fanned out through PostgreSQL LISTEN/NOTIFY); then these screens subscribe and polling goes. Until then
 * every screen polls at this interval and reads again at once after each of its own actions.
 */
export const QUEUE_POLL_MS = 5_000;
