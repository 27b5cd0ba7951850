// Claim spans are UTF-8 byte offsets into the document text (the claim record
// contract); JavaScript strings index UTF-16 code units. These helpers convert.

const enc = new TextEncoder();

/** A function mapping a byte offset of `text` (UTF-8) to a UTF-16 index; offsets inside a character snap forward. */
export function byteMapper(text) {
  const nbytes = enc.encode(text).length;
  const map = new Uint32Array(nbytes + 1);
  let b = 0;
  let u = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const blen = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let i = 0; i < blen; i++) map[b + i] = u + (i === 0 ? 0 : ch.length);
    b += blen;
    u += ch.length;
  }
  map[nbytes] = u;
  return (off) => (off <= 0 ? 0 : off >= nbytes ? map[nbytes] : map[off]);
}

/** The marks of one claim, as byte spans relative to `base` (the start of the text being shown). */
export function claimMarks(claim, base) {
  const marks = [];
  const rel = (sp) => (Array.isArray(sp) ? [sp[0] - base, sp[1] - base] : null);
  const push = (sp, cls, title) => {
    const r = rel(sp);
    if (r && r[1] > r[0] && r[0] >= 0) marks.push({ start: r[0], end: r[1], cls, title });
  };
  if (claim.source && claim.source.span) push(claim.source.span, 'm-source', `source: ${claim.source.kind}`);
  (claim.cue_spans || []).forEach((sp, i) => push(sp, 'm-cue', `cue: ${(claim.cues || [])[i] || ''}`));
  (claim.weapon_spans || []).forEach((sp, i) => push(sp, 'm-weapon', `weapon: ${(claim.weapons || [])[i] || ''}`));
  if (claim.actor && claim.actor.span) push(claim.actor.span, 'm-actor', `actor: ${claim.actor.name}`);
  if (claim.target && claim.target.span) push(claim.target.span, 'm-target', `target: ${claim.target.name}`);
  if (claim.date && claim.date.span) push(claim.date.span, 'm-date', `date: ${claim.date.value}`);
  if (claim.place && claim.place.span) push(claim.place.span, 'm-place', `place: ${claim.place.name}`);
  return marks;
}

/**
 * Split `text` into segments by byte-offset marks (possibly overlapping) and
 * return DOM nodes: plain text nodes and <mark> elements whose classes are
 * those of every mark covering the segment.
 */
export function highlight(text, marks, toU = byteMapper(text)) {
  const bounds = new Set([0, text.length]);
  const um = marks
    .map((m) => ({ ...m, s: toU(m.start), e: toU(m.end) }))
    .filter((m) => m.e > m.s && m.s < text.length);
  for (const m of um) {
    bounds.add(Math.min(m.s, text.length));
    bounds.add(Math.min(m.e, text.length));
  }
  const pts = [...bounds].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const [s, e] = [pts[i], pts[i + 1]];
    const piece = text.slice(s, e);
    const cover = um.filter((m) => m.s <= s && m.e >= e);
    if (cover.length === 0) {
      out.push(document.createTextNode(piece));
    } else {
      const el = document.createElement('mark');
      el.className = [...new Set(cover.map((m) => m.cls))].join(' ');
      el.title = cover.map((m) => m.title).join('; ');
      el.appendChild(document.createTextNode(piece));
      out.push(el);
    }
  }
  return out;
}
