//! A QR code encoder (ISO/IEC 18004, model 2), just big enough for the widget's links: byte mode,
//! error correction level M (15 % of the code can be lost), the smallest version (1 to 40) that
//! holds the data, and the mask with the lowest penalty. Pure.
//!
//! It replaces the `qrcode` crate, which cost the wasm about 17 kB (its generic segment optimiser,
//! Micro QR and every error level's tables) for the one kind of code the widget draws. The tests
//! check every version and every mask against that crate, module by module.
//!
//! ```
//! use spasm_core::qr::QrCode;
//! let code = QrCode::encode(b"tel:5551234").unwrap();
//! assert_eq!(code.size(), 21); // version 1
//! assert!(code.dark(0, 0)); // a finder pattern's corner
//! ```

/// Error-correction codewords per block, for level M, by version (index 0 unused).
const ECC_PER_BLOCK: [u8; 41] = [
    0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28,
];
/// Blocks the codewords are split into, for level M, by version (index 0 unused).
const BLOCKS: [u8; 41] = [
    0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40,
    43, 45, 47, 49,
];

/// A finished code: `size` × `size` modules, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    dark: Vec<bool>,
}

impl QrCode {
    /// The code for `data`, or `None` when it is longer than a version 40 code holds (2,331 bytes).
    pub fn encode(data: &[u8]) -> Option<QrCode> {
        let version = (1..=40).find(|&v| 4 + count_bits(v) + 8 * data.len() <= 8 * data_codewords(v))?;
        let codewords = codewords(data, version);
        let grid = Grid::new(version);
        let mut best: Option<(u32, QrCode)> = None;
        for mask in 0..8 {
            let code = grid.clone().finish(&codewords, mask);
            let score = code.penalty();
            if best.as_ref().is_none_or(|(least, _)| score < *least) {
                best = Some((score, code));
            }
        }
        best.map(|(_, code)| code)
    }

    /// Modules per side (21 for version 1, 4 more per version), without the quiet zone.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module in column `x`, row `y` is dark.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    /// The penalty of ISO/IEC 18004 § 7.8.3: long runs, 2 × 2 blocks, finder look-alikes, and
    /// imbalance between dark and light. Lower scans more easily.
    fn penalty(&self) -> u32 {
        let n = self.size;
        let mut score = 0;
        for line in 0..n {
            for horizontal in [true, false] {
                let at = |i: usize| if horizontal { self.dark(i, line) } else { self.dark(line, i) };
                // Runs of 5 or more of one colour: 3, plus 1 per module over 5.
                let mut run = 1;
                for i in 1..=n {
                    if i < n && at(i) == at(i - 1) {
                        run += 1;
                    } else {
                        if run >= 5 {
                            score += run - 2;
                        }
                        run = 1;
                    }
                }
                // Dark-light-dark-dark-dark-light-dark with 4 light modules on one side (outside
                // the code counts as light): 40 each.
                let get = |i: isize| i >= 0 && (i as usize) < n && at(i as usize);
                for start in -4..n as isize {
                    let core = [true, false, true, true, true, false, true].iter().enumerate().all(|(k, &d)| get(start + k as isize) == d);
                    if core {
                        let light = |from: isize| (from..from + 4).all(|i| !get(i));
                        score += 40 * (u32::from(light(start - 4)) + u32::from(light(start + 7)));
                    }
                }
            }
        }
        for y in 1..n {
            for x in 1..n {
                let c = self.dark(x, y);
                if c == self.dark(x - 1, y) && c == self.dark(x, y - 1) && c == self.dark(x - 1, y - 1) {
                    score += 3;
                }
            }
        }
        // 10 for each full 5 % the dark share is away from 50 %.
        let total = (n * n) as u32;
        let dark = self.dark.iter().filter(|d| **d).count() as u32;
        score + 10 * (dark * 20).abs_diff(total * 10) / total
    }
}

/// Bits of the byte-mode character count.
fn count_bits(version: usize) -> usize {
    if version < 10 {
        8
    } else {
        16
    }
}

/// Modules left for data and error correction once the function patterns are drawn.
fn raw_modules(version: usize) -> usize {
    let mut modules = (16 * version + 128) * version + 64;
    if version >= 2 {
        let align = version / 7 + 2;
        modules -= (25 * align - 10) * align - 55;
        if version >= 7 {
            modules -= 36;
        }
    }
    modules
}

fn data_codewords(version: usize) -> usize {
    raw_modules(version) / 8 - usize::from(ECC_PER_BLOCK[version]) * usize::from(BLOCKS[version])
}

/// The data codewords (mode, count, bytes, terminator, padding), split into blocks, each given its
/// Reed-Solomon error correction, then interleaved as the symbol stores them.
fn codewords(data: &[u8], version: usize) -> Vec<u8> {
    let capacity = data_codewords(version);
    let mut bits = Bits::default();
    bits.push(0b0100, 4);
    bits.push(data.len() as u32, count_bits(version));
    for byte in data {
        bits.push(u32::from(*byte), 8);
    }
    let terminator = (capacity * 8 - bits.len).min(4);
    bits.push(0, terminator);
    bits.push(0, (8 - bits.len % 8) % 8);
    let mut bytes = bits.bytes;
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if bytes.len() >= capacity {
            break;
        }
        bytes.push(pad);
    }

    let blocks = usize::from(BLOCKS[version]);
    let ecc_len = usize::from(ECC_PER_BLOCK[version]);
    let total = raw_modules(version) / 8;
    let short_blocks = blocks - total % blocks;
    let short_len = total / blocks; // data and error correction of a short block
    let divisor = rs_divisor(ecc_len);
    let mut split = Vec::with_capacity(blocks);
    let mut rest = &bytes[..];
    for b in 0..blocks {
        let len = short_len - ecc_len + usize::from(b >= short_blocks);
        let (block, tail) = rest.split_at(len);
        rest = tail;
        split.push((block, rs_remainder(block, &divisor)));
    }
    let mut out = Vec::with_capacity(total);
    for i in 0..=short_len - ecc_len {
        for (block, _) in &split {
            if let Some(byte) = block.get(i) {
                out.push(*byte);
            }
        }
    }
    for i in 0..ecc_len {
        out.extend(split.iter().map(|(_, ecc)| ecc[i]));
    }
    out
}

#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    fn push(&mut self, value: u32, count: usize) {
        for i in (0..count).rev() {
            if self.len.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if value >> i & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.len % 8);
            }
            self.len += 1;
        }
    }
}

/// Product in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(x: u8, y: u8) -> u8 {
    let mut z = 0u8;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x1D);
        z ^= ((y >> i) & 1) * x;
    }
    z
}

/// The generator polynomial of degree `degree` (leading 1 left out), highest power first.
fn rs_divisor(degree: usize) -> Vec<u8> {
    let mut poly = vec![0u8; degree];
    poly[degree - 1] = 1;
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            poly[j] = gf_mul(poly[j], root);
            if j + 1 < degree {
                poly[j] ^= poly[j + 1];
            }
        }
        root = gf_mul(root, 2);
    }
    poly
}

/// The error-correction codewords of one block.
fn rs_remainder(data: &[u8], divisor: &[u8]) -> Vec<u8> {
    let mut rem = vec![0u8; divisor.len()];
    for byte in data {
        let factor = byte ^ rem.remove(0);
        rem.push(0);
        for (r, d) in rem.iter_mut().zip(divisor) {
            *r ^= gf_mul(*d, factor);
        }
    }
    rem
}

/// A symbol being drawn: its modules, and which of them belong to function patterns.
#[derive(Clone)]
struct Grid {
    size: usize,
    dark: Vec<bool>,
    function: Vec<bool>,
}

impl Grid {
    fn new(version: usize) -> Grid {
        let size = 17 + 4 * version;
        let mut g = Grid { size, dark: vec![false; size * size], function: vec![false; size * size] };
        for i in 0..size {
            g.set(6, i, i % 2 == 0);
            g.set(i, 6, i % 2 == 0);
        }
        // Finder patterns with their light separators, clipped at the edges.
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4isize..=4 {
                for dx in -4isize..=4 {
                    let (x, y) = (cx as isize + dx, cy as isize + dy);
                    if (0..size as isize).contains(&x) && (0..size as isize).contains(&y) {
                        let ring = dx.abs().max(dy.abs());
                        g.set(x as usize, y as usize, ring != 2 && ring != 4);
                    }
                }
            }
        }
        let centres = alignment_centres(version);
        for (i, &cy) in centres.iter().enumerate() {
            for (j, &cx) in centres.iter().enumerate() {
                let last = centres.len() - 1;
                if (i, j) == (0, 0) || (i, j) == (0, last) || (i, j) == (last, 0) {
                    continue; // where the finder patterns are
                }
                for dy in -2isize..=2 {
                    for dx in -2isize..=2 {
                        let ring = dx.abs().max(dy.abs());
                        g.set((cx as isize + dx) as usize, (cy as isize + dy) as usize, ring != 1);
                    }
                }
            }
        }
        g.format(0); // reserves the format areas; the real bits come with the mask
        if version >= 7 {
            let mut rem = version as u32;
            for _ in 0..12 {
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
            }
            let bits = (version as u32) << 12 | rem;
            for i in 0..18 {
                let (a, b) = (size - 11 + i % 3, i / 3);
                g.set(a, b, bits >> i & 1 == 1);
                g.set(b, a, bits >> i & 1 == 1);
            }
        }
        g
    }

    fn set(&mut self, x: usize, y: usize, dark: bool) {
        self.dark[y * self.size + x] = dark;
        self.function[y * self.size + x] = true;
    }

    /// Draws both copies of the 15 format bits (level M, `mask`) and the dark module.
    fn format(&mut self, mask: u32) {
        let data = mask; // level M is 00 in the two high bits
        let mut rem = data;
        for _ in 0..10 {
            rem = (rem << 1) ^ ((rem >> 9) * 0x537);
        }
        let bits = (data << 10 | rem) ^ 0x5412;
        let bit = |i: usize| bits >> i & 1 == 1;
        let n = self.size;
        for i in 0..6 {
            self.set(8, i, bit(i));
        }
        self.set(8, 7, bit(6));
        self.set(8, 8, bit(7));
        self.set(7, 8, bit(8));
        for i in 9..15 {
            self.set(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set(n - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set(8, n - 15 + i, bit(i));
        }
        self.set(8, n - 8, true);
    }

    /// Places the codewords in the zigzag order, applies `mask` to them, and writes the format.
    fn finish(mut self, codewords: &[u8], mask: u32) -> QrCode {
        let n = self.size;
        let mut bit = 0;
        let mut right = n - 1;
        loop {
            if right == 6 {
                right = 5; // the vertical timing pattern is skipped whole
            }
            let upward = (right + 1) & 2 == 0;
            for step in 0..n {
                let y = if upward { n - 1 - step } else { step };
                for x in [right, right - 1] {
                    let i = y * n + x;
                    if self.function[i] {
                        continue;
                    }
                    let on = codewords.get(bit / 8).is_some_and(|b| b >> (7 - bit % 8) & 1 == 1);
                    bit += 1;
                    self.dark[i] = on != masked(mask, x, y);
                }
            }
            if right < 2 {
                break;
            }
            right -= 2;
        }
        self.format(mask);
        QrCode { size: n, dark: self.dark }
    }
}

/// Whether `mask` flips the module in column `x`, row `y` (the formulas as the standard writes them).
#[allow(clippy::manual_is_multiple_of)]
fn masked(mask: u32, x: usize, y: usize) -> bool {
    match mask {
        0 => (x + y) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (x + y) % 3 == 0,
        4 => (x / 3 + y / 2) % 2 == 0,
        5 => x * y % 2 + x * y % 3 == 0,
        6 => (x * y % 2 + x * y % 3) % 2 == 0,
        _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
    }
}

/// Rows (and columns) of the alignment patterns' centres.
fn alignment_centres(version: usize) -> Vec<usize> {
    if version == 1 {
        return Vec::new();
    }
    let count = version / 7 + 2;
    let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
    let size = 17 + 4 * version;
    let mut centres: Vec<usize> = (0..count - 1).map(|i| size - 7 - i * step).collect();
    centres.push(6);
    centres.reverse();
    centres
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::bits::Bits as RefBits;
    use qrcode::canvas::{Canvas, MaskPattern};
    use qrcode::types::{Color, EcLevel, Version};

    const MASKS: [MaskPattern; 8] = [
        MaskPattern::Checkerboard,
        MaskPattern::HorizontalLines,
        MaskPattern::VerticalLines,
        MaskPattern::DiagonalLines,
        MaskPattern::LargeCheckerboard,
        MaskPattern::Fields,
        MaskPattern::Diamonds,
        MaskPattern::Meadow,
    ];

    /// The `qrcode` crate's symbol for the same bytes, version and mask.
    fn reference(data: &[u8], version: usize, mask: usize) -> Vec<bool> {
        let v = Version::Normal(version as i16);
        let mut bits = RefBits::new(v);
        bits.push_byte_data(data).unwrap();
        bits.push_terminator(EcLevel::M).unwrap();
        let (words, ecc) = qrcode::ec::construct_codewords(&bits.into_bytes(), v, EcLevel::M).unwrap();
        let mut canvas = Canvas::new(v, EcLevel::M);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&words, &ecc);
        canvas.apply_mask(MASKS[mask]);
        canvas.into_colors().into_iter().map(|c| c == Color::Dark).collect()
    }

    /// Bytes that fill `version` to the brim (so the next byte would need the next version).
    fn filling(version: usize, seed: usize) -> Vec<u8> {
        let len = (8 * data_codewords(version) - 4 - count_bits(version)) / 8;
        (0..len).map(|i| (i * 31 + seed * 7 + 11) as u8).collect()
    }

    #[test]
    fn every_version_and_mask_matches_the_qrcode_crate() {
        for version in 1..=40 {
            let data = filling(version, version);
            let codewords = codewords(&data, version);
            for mask in 0..8 {
                let ours = Grid::new(version).finish(&codewords, mask as u32);
                assert_eq!(ours.size, 17 + 4 * version);
                assert!(ours.dark == reference(&data, version, mask), "version {version}, mask {mask}");
            }
        }
    }

    #[test]
    fn picks_the_smallest_version_that_holds_the_data() {
        for version in 1..=40 {
            let full = filling(version, 0);
            assert_eq!(QrCode::encode(&full).unwrap().size(), 17 + 4 * version, "{} bytes", full.len());
            if version < 40 {
                let over = [full.as_slice(), b"x"].concat();
                assert_eq!(QrCode::encode(&over).unwrap().size(), 21 + 4 * version, "{} bytes", over.len());
            }
        }
        assert_eq!(filling(40, 0).len(), 2331);
        assert_eq!(QrCode::encode(&[b'x'; 2332]), None);
        assert_eq!(QrCode::encode(b"").unwrap().size(), 21);
    }

    #[test]
    fn the_chosen_mask_has_the_least_penalty_and_matches_the_crate() {
        for data in [&b"tel:5551234"[..], b"https://example.org/book?x=1", b"https://clinic.example/check#s1.abc.urgent.fever,3.x"] {
            let code = QrCode::encode(data).unwrap();
            let version = (code.size() - 17) / 4;
            let words = codewords(data, version);
            let all: Vec<QrCode> = (0..8).map(|m| Grid::new(version).finish(&words, m)).collect();
            let least = all.iter().map(QrCode::penalty).min().unwrap();
            let chosen = all.iter().position(|c| *c == code).unwrap();
            assert_eq!(all[chosen].penalty(), least);
            assert!(all[..chosen].iter().all(|c| c.penalty() > least), "the first of equals wins");
            assert!(code.dark == reference(data, version, chosen));
        }
    }

    #[test]
    fn penalty_counts_runs_blocks_finder_look_alikes_and_balance() {
        // All light, 21 × 21: every row and column is one run of 21 (3 + 16 each, 42 lines),
        // 400 2 × 2 blocks, no finder look-alike, and 100 % light (10 × 10).
        let light = QrCode { size: 21, dark: vec![false; 441] };
        assert_eq!(light.penalty(), 42 * 19 + 400 * 3 + 100);
        // A row holding 1:1:3:1:1 with light on both sides scores 40 per side over a row with
        // the same runs, 2 × 2 blocks and balance but no look-alike (1:1:1:1:2 mirrored).
        let row = |darks: [usize; 5]| {
            let mut dark = vec![false; 21 * 21];
            for x in darks {
                dark[10 * 21 + x] = true;
            }
            QrCode { size: 21, dark }
        };
        assert_eq!(row([7, 9, 10, 11, 13]).penalty(), row([7, 8, 10, 12, 13]).penalty() + 80);
    }

    #[test]
    fn reed_solomon_matches_a_known_block() {
        // ISO/IEC 18004 annex I: "01234567", version 1-M.
        let data = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11];
        let ecc = rs_remainder(&data, &rs_divisor(10));
        assert_eq!(ecc, [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]);
    }
}
