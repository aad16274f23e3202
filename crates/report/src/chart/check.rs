//! A check of the drawn charts: the box of every horizontal text label,
//! estimated from its font size and length (no font metrics without a
//! browser, so generously), must overlap no other label and stay inside the
//! chart. Tests run it over rendered reports; it reads the SVG as written, so
//! it checks what a reader sees rather than what the layout meant.

use super::WIDTH;

/// A label's text and its estimated box.
#[derive(Debug, Clone)]
pub(crate) struct LabelBox {
    pub text: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl LabelBox {
    fn overlaps(&self, other: &LabelBox) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// Font size and average glyph width (as a share of the size) per label class,
/// as report.css sets them; bold text is wider.
fn font(class: &str) -> (f64, f64) {
    match class {
        "band-label" => (11.5, 0.64),
        "as-of-label" => (11.0, 0.6),
        "shift-label" | "level" => (12.0, 0.64),
        _ => (12.0, 0.6),
    }
}

/// The text anchor report.css gives a class when the element names none.
fn default_anchor(class: &str) -> &'static str {
    match class {
        "level" | "as-of-label" => "end",
        "date" => "middle",
        _ => "start",
    }
}

/// Every horizontal label of one SVG chart (rotated axis titles aside).
pub(crate) fn label_boxes(svg: &str) -> Vec<LabelBox> {
    let mut boxes = Vec::new();
    for piece in svg.split("<text ").skip(1) {
        let Some(tag_end) = piece.find('>') else { continue };
        let tag = &piece[..tag_end];
        if tag.contains("transform=") {
            continue;
        }
        let attr = |name: &str| {
            let at = tag
                .find(&format!(" {name}=\""))
                .or_else(|| tag.starts_with(&format!("{name}=\"")).then_some(0))?;
            let rest = &tag[at + name.len() + 2 + usize::from(at > 0)..];
            rest.split('"').next().map(str::to_string)
        };
        let class = attr("class").unwrap_or_default();
        let class = class.split_whitespace().next().unwrap_or("").to_string();
        let (Some(x), Some(y)) =
            (attr("x").and_then(|v| v.parse::<f64>().ok()), attr("y").and_then(|v| v.parse::<f64>().ok()))
        else {
            continue;
        };
        let body = &piece[tag_end + 1..piece.find("</text>").unwrap_or(piece.len())];
        // A tooltip inside the label is not drawn.
        let body = match body.rfind("</title>") {
            Some(at) => &body[at + "</title>".len()..],
            None => body,
        };
        let text = unescape(body);
        let (size, glyph) = font(&class);
        let width = text.chars().count() as f64 * size * glyph;
        let anchor = attr("text-anchor").unwrap_or_else(|| default_anchor(&class).to_string());
        let x0 = match anchor.as_str() {
            "end" => x - width,
            "middle" => x - width / 2.0,
            _ => x,
        };
        boxes.push(LabelBox { text, x0, y0: y - size * 0.8, x1: x0 + width, y1: y + size * 0.25 });
    }
    boxes
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// What is wrong with the labels of every chart in `html`: pairs of labels
/// that overlap and labels that leave the chart. Empty when all is well.
pub(crate) fn collisions(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for svg in html.split("<svg ").skip(1) {
        let svg = &svg[..svg.find("</svg>").unwrap_or(svg.len())];
        let boxes = label_boxes(svg);
        for (i, a) in boxes.iter().enumerate() {
            if a.x0 < 0.0 || a.x1 > WIDTH {
                problems.push(format!("{:?} leaves the chart ({:.0}..{:.0})", a.text, a.x0, a.x1));
            }
            for b in &boxes[i + 1..] {
                if a.overlaps(b) {
                    problems.push(format!("{:?} overlaps {:?}", a.text, b.text));
                }
            }
        }
    }
    problems
}
