import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, sniffVideo } from './video.js';
import { mp4, webm } from './video.test-support.js';

describe('sign-language videos: type and duration from the file itself', () => {
  it('reads an MP4 movie header', () => {
    expect(sniffVideo(mp4(1000, 125_400))).toEqual({ type: 'video/mp4', durationSeconds: 125.4 });
  });

  it('reads a WebM segment information, and says so when it has no duration', () => {
    expect(sniffVideo(webm(90_000))).toEqual({ type: 'video/webm', durationSeconds: 90 });
    expect(sniffVideo(webm(null))).toEqual({ type: 'video/webm', durationSeconds: null });
  });

  it('refuses what is no video, whatever its name', () => {
    expect(sniffVideo(Buffer.from('%PDF-1.7 pretending to be a video'))).toBeNull();
    expect(sniffVideo(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x82, 0x81, 0x78]))).toBeNull();
  });

  it('shows and reads durations as people write them', () => {
    expect(formatDuration(125.4)).toBe('2:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(parseDuration('2:05')).toBe(125);
    expect(parseDuration('90')).toBe(90);
    expect(parseDuration('2:75')).toBeNull();
    expect(parseDuration('zwei Minuten')).toBeNull();
  });
});
