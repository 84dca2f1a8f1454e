/**
 * The limits of bulk jobs, in one place so that the README, the replies and the tests quote the same
 * numbers. Beyond a list limit the whole list is refused with an explanation and nothing is checked
 * or changed; the Graph limits are Microsoft's.
 */

/** Users in one bulk list (lines that hold something). A longer list is refused whole. */
export const MAX_BULK_USERS = 10_000;
/** Size of an attached list file. A larger file is not downloaded past this and is refused. */
export const MAX_BULK_FILE_BYTES = 1_048_576;
/** Seconds allowed for downloading an attached list file. */
export const DOWNLOAD_TIMEOUT_MS = 15_000;
/** Microsoft Graph takes at most 20 requests in one POST /$batch. */
export const GRAPH_BATCH_LIMIT = 20;
/** Users per stored progress document, so a 10,000-user job never rewrites one huge document. */
export const STORAGE_CHUNK_SIZE = 250;
/** The progress card is updated at most this often. */
export const PROGRESS_INTERVAL_MS = 3_000;
/** Problems listed on the preview and approval cards (all of them are counted, and in the report CSV). */
export const MAX_PROBLEMS_ON_CARD = 15;
/** Failures listed on the final report card; every failure is in the CSV. */
export const MAX_FAILURES_ON_CARD = 100;
/** Attempts per user when Graph's answer is unknown (timeouts, 5xx) before the user is reported failed. */
export const MAX_UNKNOWN_ATTEMPTS = 8;
/** Attempts per user while Graph keeps throttling before the user is reported failed. */
export const MAX_THROTTLED_ATTEMPTS = 40;
/** One $batch call that has not answered by then counts as an unknown outcome (re-read before retrying). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Longest pause honoured from one Retry-After; longer values are capped (and logged by Graph's own limits). */
export const MAX_RETRY_AFTER_SECONDS = 120;
/** A preview older than this must be sent again: the directory may have changed since it was checked. */
export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;
/** Users read ahead of the writes (re-read before writing keeps what is written current). */
export const READ_AHEAD_USERS = 120;
/** Batches in flight: starts at initial, halves on 429 (never below min), grows by one after a clean round. */
export const CONCURRENCY = { initial: 4, min: 2, max: 12 } as const;
