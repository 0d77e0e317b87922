//! A [`Scene`] as a PNG image: our own rasteriser (axis-aligned rectangles, thick polylines,
//! the 5×7 bitmap font scaled to the nearest whole size) and a minimal PNG writer (8-bit RGB,
//! "Sub" row filter, zlib via `miniz_oxide`).

use super::font::glyph;
use super::{Anchor, Color, Item, Scene};

/// An RGB canvas.
struct Canvas {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(width: u32, height: u32) -> Canvas {
        let (width, height) = (width as usize, height as usize);
        Canvas { width, height, pixels: vec![255; width * height * 3] }
    }

    fn put(&mut self, x: i64, y: i64, c: Color) {
        if x < 0 || y < 0 || x >= self.width as i64 || y >= self.height as i64 {
            return;
        }
        let i = (y as usize * self.width + x as usize) * 3;
        self.pixels[i..i + 3].copy_from_slice(&[c.0, c.1, c.2]);
    }

    /// Fills the pixels whose centres lie inside the rectangle.
    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, c: Color) {
        let (x0, x1) = ((x - 0.5).ceil() as i64, (x + w - 0.5).ceil() as i64);
        let (y0, y1) = ((y - 0.5).ceil() as i64, (y + h - 0.5).ceil() as i64);
        // At least one pixel for anything visible.
        let x1 = x1.max(x0 + i64::from(w > 0.0));
        let y1 = y1.max(y0 + i64::from(h > 0.0));
        for yy in y0.max(0)..y1.min(self.height as i64) {
            for xx in x0.max(0)..x1.min(self.width as i64) {
                self.put(xx, yy, c);
            }
        }
    }

    fn line(&mut self, (ax, ay): (f32, f32), (bx, by): (f32, f32), width: f32, c: Color) {
        let steps = ((bx - ax).abs().max((by - ay).abs()) * 2.0).ceil().max(1.0) as usize;
        let r = (width / 2.0).max(0.5);
        for s in 0..=steps {
            let t = s as f32 / steps as f32;
            let (x, y) = (ax + (bx - ax) * t, ay + (by - ay) * t);
            self.fill(x - r, y - r, 2.0 * r, 2.0 * r, c);
        }
    }

    fn text(&mut self, x: f32, y: f32, text: &str, size: f32, c: Color, anchor: Anchor) {
        let scale = (size / 9.0).round().max(1.0) as i64;
        let advance = 6 * scale;
        let w = text.chars().count() as i64 * advance - scale;
        let left = match anchor {
            Anchor::Start => x as i64,
            Anchor::Middle => x as i64 - w / 2,
            Anchor::End => x as i64 - w,
        };
        let top = y as i64 - 7 * scale;
        for (k, ch) in text.chars().enumerate() {
            let g = glyph(ch);
            for (row, bits) in g.iter().enumerate() {
                for col in 0..5 {
                    if bits >> (4 - col) & 1 == 1 {
                        for dy in 0..scale {
                            for dx in 0..scale {
                                let px = left + k as i64 * advance + col * scale + dx;
                                self.put(px, top + row as i64 * scale + dy, c);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Draws the scene.
fn rasterise(scene: &Scene) -> Canvas {
    let mut canvas = Canvas::new(scene.width, scene.height);
    for item in &scene.items {
        match item {
            Item::Rect { x, y, w, h, fill, .. } => canvas.fill(*x, *y, *w, *h, *fill),
            Item::Line { points, stroke, width } => {
                for pair in points.windows(2) {
                    canvas.line(pair[0], pair[1], *width, *stroke);
                }
            }
            Item::Text { x, y, text, size, color, anchor } => {
                canvas.text(*x, *y, text, *size, *color, *anchor)
            }
        }
    }
    canvas
}

/// CRC-32 (ISO-HDLC, as PNG uses).
fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for part in parts {
        for &b in *part {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
    }
    !crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc32(&[kind, data]).to_be_bytes());
}

/// The scene as PNG file bytes.
pub fn render(scene: &Scene) -> Vec<u8> {
    let canvas = rasterise(scene);
    let stride = canvas.width * 3;
    let mut raw = Vec::with_capacity((stride + 1) * canvas.height);
    for row in canvas.pixels.chunks(stride.max(1)) {
        raw.push(1); // Sub: each byte minus the same channel of the pixel to its left.
        for (i, b) in row.iter().enumerate() {
            raw.push(b.wrapping_sub(if i >= 3 { row[i - 3] } else { 0 }));
        }
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&(canvas.width as u32).to_be_bytes());
    ihdr.extend_from_slice(&(canvas.height as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8 bits, RGB, deflate, standard filters, no interlace
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 6));
    chunk(&mut out, b"IEND", &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_iend_is_the_known_value() {
        // Every PNG ends with IEND and this CRC.
        assert_eq!(crc32(&[b"IEND"]), 0xAE42_6082);
    }

    #[test]
    fn png_round_trips_through_inflate() {
        let scene = Scene {
            width: 4,
            height: 2,
            items: vec![Item::Rect { x: 1.0, y: 0.0, w: 2.0, h: 1.0, fill: Color(255, 0, 0), title: None }],
        };
        let png = render(&scene);
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 4);
        let idat_len = u32::from_be_bytes(png[33..37].try_into().unwrap()) as usize;
        assert_eq!(&png[37..41], b"IDAT");
        let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&png[41..41 + idat_len]).unwrap();
        // Row 0: filter 1, white, red (255-255, 0-255, 0-255), red (0), white (0-255, 255-0, 255-0).
        assert_eq!(&raw[..13], &[1, 255, 255, 255, 0, 1, 1, 0, 0, 0, 0, 255, 255]);
        assert!(png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]));
    }
}
