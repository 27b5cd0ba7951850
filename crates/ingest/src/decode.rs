//! Text with a UTF-16 or UTF-32 byte-order mark, decoded to UTF-8.
//!
//! Saved pages and exports from Windows tools often come as UTF-16 with a
//! BOM; without decoding, their NUL bytes read as binary content.

use std::borrow::Cow;

/// The encodings recognised by their byte-order mark, longest mark first
/// (the UTF-32LE mark begins with the UTF-16LE one).
const MARKS: &[(&[u8], Encoding)] = &[
    (b"\xff\xfe\x00\x00", Encoding::Utf32Le),
    (b"\x00\x00\xfe\xff", Encoding::Utf32Be),
    (b"\xff\xfe", Encoding::Utf16Le),
    (b"\xfe\xff", Encoding::Utf16Be),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

impl Encoding {
    fn name(self) -> &'static str {
        match self {
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Utf32Le => "UTF-32LE",
            Encoding::Utf32Be => "UTF-32BE",
        }
    }
}

/// Why decoding failed: the encoding's name and the byte offset (from the
/// start of the input, mark included) of the first bad unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub encoding: &'static str,
    pub offset: usize,
}

/// `bytes` as UTF-8: decoded when they open with a UTF-16 or UTF-32
/// byte-order mark (the mark dropped), unchanged otherwise.
pub fn decode_bom(bytes: &[u8]) -> Result<Cow<'_, [u8]>, DecodeError> {
    let Some((mark, enc)) = MARKS.iter().find(|(m, _)| bytes.starts_with(m)) else {
        return Ok(Cow::Borrowed(bytes));
    };
    let body = &bytes[mark.len()..];
    let bad = |i: usize| DecodeError {
        encoding: enc.name(),
        offset: mark.len() + i,
    };
    let mut out = String::with_capacity(body.len());
    match enc {
        Encoding::Utf16Le | Encoding::Utf16Be => {
            if !body.len().is_multiple_of(2) {
                return Err(bad(body.len() - 1));
            }
            let units = body.chunks_exact(2).map(|c| match enc {
                Encoding::Utf16Le => u16::from_le_bytes([c[0], c[1]]),
                _ => u16::from_be_bytes([c[0], c[1]]),
            });
            for (k, r) in char::decode_utf16(units).enumerate() {
                // A bad unit is reported at its pair's position, close enough to find it.
                out.push(r.map_err(|_| bad(2 * k))?);
            }
        }
        Encoding::Utf32Le | Encoding::Utf32Be => {
            if !body.len().is_multiple_of(4) {
                return Err(bad(body.len() - body.len() % 4));
            }
            for (k, c) in body.chunks_exact(4).enumerate() {
                let v = match enc {
                    Encoding::Utf32Le => u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                    _ => u32::from_be_bytes([c[0], c[1], c[2], c[3]]),
                };
                out.push(char::from_u32(v).ok_or_else(|| bad(4 * k))?);
            }
        }
    }
    Ok(Cow::Owned(out.into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        let mut v = if le {
            vec![0xff, 0xfe]
        } else {
            vec![0xfe, 0xff]
        };
        for u in s.encode_utf16() {
            v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        v
    }

    fn utf32(s: &str, le: bool) -> Vec<u8> {
        let mut v = if le {
            vec![0xff, 0xfe, 0, 0]
        } else {
            vec![0, 0, 0xfe, 0xff]
        };
        for c in s.chars() {
            let u = c as u32;
            v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        v
    }

    #[test]
    fn every_mark_decodes() {
        let s = "Kyiv — Київ, 3 drones 🚁.";
        for le in [true, false] {
            assert_eq!(&*decode_bom(&utf16(s, le)).unwrap(), s.as_bytes());
            assert_eq!(&*decode_bom(&utf32(s, le)).unwrap(), s.as_bytes());
        }
        assert!(matches!(decode_bom(b"plain"), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn broken_units_are_named() {
        // A lone high surrogate, then an odd trailing byte.
        let e = decode_bom(&[0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]).unwrap_err();
        assert_eq!(e.encoding, "UTF-16LE");
        assert!(decode_bom(&[0xfe, 0xff, 0x00]).is_err());
        let e = decode_bom(&[0, 0, 0xfe, 0xff, 0x00, 0x11, 0x00, 0x00]).unwrap_err();
        assert_eq!((e.encoding, e.offset), ("UTF-32BE", 4));
    }

    proptest::proptest! {
        /// Any string round-trips through each encoding; any bytes decode or
        /// fail without panicking.
        #[test]
        fn round_trip(s in "\\PC{0,40}", bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            for le in [true, false] {
                let (a, b) = (utf16(&s, le), utf32(&s, le));
                proptest::prop_assert_eq!(&*decode_bom(&a).unwrap(), s.as_bytes());
                proptest::prop_assert_eq!(&*decode_bom(&b).unwrap(), s.as_bytes());
            }
            let _ = decode_bom(&bytes);
        }
    }
}
