/** Small MP4 and WebM files for the tests: just the headers the video check reads. */

const box = (type: string, content: Buffer) => {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + content.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, content]);
};

/** An MP4 with ftyp and a movie header (version 0) of the given timescale and duration. */
export function mp4(timescale: number, duration: number): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(timescale, 12);
  mvhd.writeUInt32BE(duration, 16);
  return Buffer.concat([box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1')), box('free', Buffer.alloc(16)), box('moov', box('mvhd', mvhd))]);
}

/** A WebM: EBML header (DocType webm), a segment with Info (TimecodeScale 1 ms, Duration as a float), and one cluster byte. */
export function webm(durationMs: number | null): Buffer {
  const element = (id: number[], content: Buffer) => Buffer.concat([Buffer.from(id), Buffer.from([0x80 | content.length]), content]);
  const ebml = element([0x1a, 0x45, 0xdf, 0xa3], Buffer.concat([element([0x42, 0x86], Buffer.from([1])), element([0x42, 0x82], Buffer.from('webm'))]));
  const scale = element([0x2a, 0xd7, 0xb1], Buffer.from([0x0f, 0x42, 0x40]));
  const duration = Buffer.alloc(8);
  duration.writeDoubleBE(durationMs ?? 0);
  const info = element([0x15, 0x49, 0xa9, 0x66], Buffer.concat([scale, ...(durationMs === null ? [] : [element([0x44, 0x89], duration)])]));
  // a segment of unknown size, as a live recording writes it
  const segment = Buffer.concat([Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), info]);
  return Buffer.concat([ebml, segment]);
}
