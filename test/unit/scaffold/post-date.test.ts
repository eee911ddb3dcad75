import assert from 'node:assert/strict';
import { formatPostDate, postDate } from '../../../src/core/scaffold/post-date';

// 2024-05-23T12:07:04Z
const NOON_UTC = Date.UTC(2024, 4, 23, 12, 7, 4, 900);

describe('scaffold: post dates', () => {
  it('writes the wall-clock time with its offset, as Hugo and Astro read it', () => {
    assert.equal(postDate(NOON_UTC, 'Europe/London').iso, '2024-05-23T13:07:04+01:00');
    assert.equal(postDate(NOON_UTC, 'UTC').iso, '2024-05-23T12:07:04+00:00');
    assert.equal(postDate(NOON_UTC, 'Asia/Kolkata').iso, '2024-05-23T17:37:04+05:30');
    assert.equal(postDate(NOON_UTC, 'America/St_Johns').iso, '2024-05-23T09:37:04-02:30');
  });

  it('writes Jekyll dates as YYYY-MM-DD HH:MM:SS +ZZZZ', () => {
    assert.equal(postDate(NOON_UTC, 'America/Los_Angeles').jekyll, '2024-05-23 05:07:04 -0700');
    assert.equal(formatPostDate(postDate(NOON_UTC, 'Asia/Kolkata'), 'jekyll'), '2024-05-23 17:37:04 +0530');
  });

  it('uses the local day, not the UTC day, for file names', () => {
    const lateEvening = Date.UTC(2024, 4, 23, 23, 30);
    assert.equal(postDate(lateEvening, 'Asia/Tokyo').dayKey, '2024-05-24');
    assert.equal(formatPostDate(postDate(lateEvening, 'America/New_York'), 'day'), '2024-05-23');
  });

  it('writes midnight as 00, not 24', () => {
    assert.equal(postDate(Date.UTC(2024, 0, 1, 0, 0, 0), 'UTC').iso, '2024-01-01T00:00:00+00:00');
  });
});
