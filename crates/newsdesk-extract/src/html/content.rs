//! Finding the article's main text: pruning, scoring, collecting.
//!
//! The approach is Readability's, adapted to a flat tree: drop what is never article text
//! (scripts, navigation, sidebars, comment threads), score every container by the paragraphs it
//! holds, take the best one (leaning towards `<article>`, `<main>` and `itemprop=articleBody`
//! when they agree with the scores), add sibling blocks that look like more of the same, and
//! read the text out block by block, filtering boilerplate lines.

use std::sync::OnceLock;

use regex::Regex;

use super::dom::{Dom, ROOT_TAG};
use super::hidden::{
    behind_dialog, disclosure_panels, hidden_by_class, holds_its_panels, is_hidden, is_panel,
    only_structured_data, question_or_heading, CLASS_HIDDEN_MIN, STRUCTURED_DATA_MAX,
};
use super::lines::{
    boilerplate_re, ends_sentence, is_affiliate_disclosure, is_comment_prompt, is_cut_short,
    is_date_line, is_follow_line, is_json_data, is_meta_line, is_navigation_label, is_placeholder,
    is_rail_heading, is_shop_rail_heading, is_signup_pitch, is_subscription_offer, normalize_key,
    sells_a_newsletter, JSON_DATA_MIN,
};
use super::meta::single_spaced;
use super::names::{is_negative_role, read_names, Names};

/// Why a node is left out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Keep,
    /// Never article text.
    Removed,
    /// A `<header>`: left out of scoring, kept if it lies inside the chosen article.
    Header,
}

/// Elements that never hold article text.
fn is_dropped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "object"
            | "embed"
            | "canvas"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "figcaption"
            | "audio"
            | "video"
            | "picture"
            | "map"
            | "label"
    )
}

/// Whether element `i` is the button that makes a heading open its section (the accordion
/// pattern, `<h3><button aria-controls="panel-2">Shipping</button></h3>`): its text is the
/// heading's, not a control's label.
fn is_section_toggle(dom: &Dom<'_>, i: usize) -> bool {
    dom.nodes[i].tag == "button"
        && (dom.attr(i, "aria-controls").is_some() || dom.attr(i, "aria-expanded").is_some())
        && matches!(
            dom.nodes[dom.nodes[i].parent].tag,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        )
}

/// Elements of page furniture by their meaning; left out unless they wrap the page.
fn is_furniture_tag(tag: &str) -> bool {
    matches!(tag, "nav" | "aside" | "footer" | "dialog")
}

/// The words of a quotation set apart: the text of the `<blockquote>`s inside an element when
/// they hold most of its text (a forum post quoting an earlier one, `<aside class="quote">`
/// with the quoted words under the quoted member's name), read as [`kept_words`] reads the page.
fn quoted_text(dom: &Dom<'_>, marks: &[Mark], stats: &[Stats], i: usize) -> Option<String> {
    let mut quoted = 0;
    let mut raw = String::new();
    let mut k = i + 1;
    while k < dom.nodes[i].end {
        if dom.nodes[k].tag == "blockquote" && dom.is_element(k) {
            quoted += stats[k].text;
            push_kept_text(dom, marks, k + 1..dom.nodes[k].end, &mut raw);
            k = dom.nodes[k].end.max(k + 1);
        } else {
            k += 1;
        }
    }
    (quoted > 0 && quoted * 2 >= stats[i].text).then(|| single_spaced(&raw).to_lowercase())
}

/// Quotations set apart that are compared with the page's words, at most: each comparison
/// reads the whole page, and a thread has a few quotes, not thousands.
const QUOTE_CHECKS: usize = 64;

/// The page's kept words, lowercased and single-spaced, with a space between any two text nodes,
/// so that a quote and its source compare alike whatever inline markup each has.
fn kept_words(dom: &Dom<'_>, marks: &[Mark]) -> String {
    let mut raw = String::new();
    push_kept_text(dom, marks, 0..dom.len(), &mut raw);
    single_spaced(&raw).to_lowercase()
}

/// Appends the text nodes in `nodes` that lie in no left-out subtree, each after a space.
fn push_kept_text(dom: &Dom<'_>, marks: &[Mark], nodes: std::ops::Range<usize>, out: &mut String) {
    let mut k = nodes.start;
    while k < nodes.end {
        if marks[k] != Mark::Keep {
            k = dom.nodes[k].end.max(k + 1);
            continue;
        }
        if !dom.is_element(k) {
            out.push(' ');
            out.push_str(dom.nodes[k].text);
        }
        k += 1;
    }
}

/// Block-level elements: they start and end paragraphs.
pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "ul"
            | "body"
            | "html"
            | "x-noscript"
    )
}

/// Characters that render as nothing and only get in the way of comparisons.
pub fn is_invisible_char(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// Whether a character counts as visible text: not whitespace, not an invisible mark. Sizes
/// and copies of text are measured in these, so that layout does not count.
fn is_visible_char(c: char) -> bool {
    !c.is_whitespace() && !is_invisible_char(c)
}

/// Whether an element holds the headline, an `<article>` or the `<main>` part: then it wraps
/// the article, whatever its own name or visibility says.
fn holds_article_landmark(dom: &Dom<'_>, i: usize) -> bool {
    (i + 1..dom.nodes[i].end).any(|k| matches!(dom.nodes[k].tag, "h1" | "article" | "main"))
}

/// Whether an element wraps a post embedded in the story, a `<blockquote class="twitter-tweet">`
/// (what X/Twitter's embed code prints, with the post's words in it): the words of someone
/// the story quotes, however the wrapper is named (`social-media-embed`), not share buttons.
fn wraps_embedded_post(dom: &Dom<'_>, i: usize) -> bool {
    let end = dom.nodes[i].end;
    end - i <= EMBED_WRAPPER_NODES
        && (i..end).any(|k| {
            dom.nodes[k].tag == "blockquote"
                && dom
                    .attr(k, "class")
                    .is_some_and(|c| c.split_ascii_whitespace().any(|t| t == "twitter-tweet"))
        })
}

/// Nodes a wrapper of one embedded post may hold: the post, its links and the embed script.
const EMBED_WRAPPER_NODES: usize = 60;

/// Sizes of a subtree's visible text, counted in non-whitespace characters so that layout
/// whitespace does not count as content.
#[derive(Clone, Copy, Default)]
pub struct Stats {
    /// All text.
    pub text: u32,
    /// Text inside links.
    pub link: u32,
    /// Text inside `<p>`/`<pre>`.
    pub para: u32,
    /// Commas (Latin and CJK): a sign of running prose.
    pub commas: u32,
    /// Whether any block element lies inside.
    pub has_block: bool,
    /// Text directly in this element or in inline children, outside child blocks: prose written
    /// straight into a `<div>` between `<br>`s.
    pub loose: u32,
    /// Commas in the loose text.
    pub loose_commas: u32,
}

impl Stats {
    pub fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f32 / self.text as f32
        }
    }

    pub fn plain(&self) -> u32 {
        self.text.saturating_sub(self.link)
    }
}

fn count_text(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    // Most text is ASCII: its bytes are read as they are, and only the rest is decoded.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed,
            // carriage return and space.
            if !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
                chars += 1;
                commas += u32::from(b == b',');
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_visible_char(c) {
            chars += 1;
            if matches!(c, '，' | '、' | '،') {
                commas += 1;
            }
        }
        i += c.len_utf8();
    }
    (chars, commas)
}

/// Visible characters and commas of every kept text node, counted once for the passes that
/// sum them.
fn text_counts(dom: &Dom<'_>, marks: &[Mark]) -> Vec<(u32, u32)> {
    dom.nodes
        .iter()
        .zip(marks)
        .map(|(node, &mark)| {
            if node.el.is_none() && mark == Mark::Keep {
                count_text(node.text)
            } else {
                (0, 0)
            }
        })
        .collect()
}

/// Bottom-up text sizes of every node, leaving out marked subtrees.
#[cfg(test)]
pub fn compute_stats(dom: &Dom<'_>, marks: &[Mark]) -> Vec<Stats> {
    stats_from(dom, marks, &text_counts(dom, marks))
}

fn stats_from(dom: &Dom<'_>, marks: &[Mark], counts: &[(u32, u32)]) -> Vec<Stats> {
    let n = dom.len();
    let mut stats = vec![Stats::default(); n];
    for i in (0..n).rev() {
        if marks[i] != Mark::Keep {
            continue;
        }
        let node = &dom.nodes[i];
        let mut s = stats[i];
        let is_inline_text;
        // The document root has no element either, but it is no text node: its sums are the
        // page's.
        if node.el.is_none() && i != 0 {
            let (chars, commas) = counts[i];
            s.text = chars;
            s.commas = commas;
            is_inline_text = true;
        } else {
            match node.tag {
                "a" => s.link = s.text,
                "p" | "pre" => s.para = s.text,
                _ => {}
            }
            is_inline_text = !is_block_tag(node.tag) && !s.has_block;
        }
        stats[i] = s;
        if i == 0 {
            continue;
        }
        let parent = node.parent;
        let p = &mut stats[parent];
        p.text += s.text;
        p.link += s.link;
        p.para += s.para;
        p.commas += s.commas;
        if node.el.is_some() && (is_block_tag(node.tag) || s.has_block) {
            p.has_block = true;
        }
        if is_inline_text {
            p.loose += s.text;
            p.loose_commas += s.commas;
        }
    }
    stats
}

/// Below this much text, a `<noscript>` is a notice ("enable JavaScript") or an image
/// fallback; above it, it is the page as served to readers without scripts.
const NOSCRIPT_MIN_CHARS: u32 = 400;

/// Visible characters in a subtree.
fn subtree_chars(dom: &Dom<'_>, i: usize) -> u32 {
    let end = dom.nodes[i].end.max(i + 1);
    dom.nodes[i + 1..end]
        .iter()
        .filter(|n| n.el.is_none())
        .map(|n| count_text(n.text).0)
        .sum()
}

/// Visible characters a part of the page must hold for a later part with the same text to be
/// read as its second copy: below this, repeats are the page's own (a line of terms under each
/// offer, a command shown twice in a guide).
const COPY_MIN_CHARS: u32 = 200;

/// A rolling hash of a node's kept visible text (whitespace left out), with the base raised
/// to its length and the length, so that a parent's hash is its children's joined in order.
#[derive(Clone, Copy)]
struct TextHash {
    hash: u64,
    power: u64,
    chars: u32,
}

impl TextHash {
    const EMPTY: TextHash = TextHash {
        hash: 0,
        power: 1,
        chars: 0,
    };
    /// An odd multiplier: the hash is a polynomial in it, modulo 2^64.
    const BASE: u64 = 0x0000_0100_0000_01b3;

    fn push_char(&mut self, c: char) {
        self.hash = self
            .hash
            .wrapping_mul(Self::BASE)
            .wrapping_add(u64::from(c));
        self.power = self.power.wrapping_mul(Self::BASE);
        self.chars += 1;
    }

    fn append(&mut self, next: TextHash) {
        self.hash = self.hash.wrapping_mul(next.power).wrapping_add(next.hash);
        self.power = self.power.wrapping_mul(next.power);
        self.chars = self.chars.saturating_add(next.chars);
    }
}

/// The visible characters of a subtree's kept text, whitespace left out.
fn visible_chars<'d>(
    dom: &'d Dom<'_>,
    marks: &'d [Mark],
    i: usize,
) -> impl Iterator<Item = char> + 'd {
    let end = dom.nodes[i].end.max(i + 1);
    (i..end)
        .filter(move |&k| marks[k] == Mark::Keep && !dom.is_element(k))
        .flat_map(move |k| dom.nodes[k].text.chars())
        .filter(|&c| is_visible_char(c))
}

/// Removes one of two parts of the page that hold the same text, neither inside the other:
/// the later, unless only it lies in the `<article>` or `<main>`. Sites print one content
/// several times: once per screen size (a desktop and a
/// mobile layout, each hidden by the other's styles), as a carousel's cloned slides, again in
/// a `<noscript>` fallback, or as the preview of a post that a reply answers. A reader sees
/// it once; counted twice, it would also weigh twice in the choice of the article.
fn remove_second_copies(dom: &Dom<'_>, marks: &mut [Mark]) {
    let n = dom.len();
    let mut hashes = vec![TextHash::EMPTY; n];
    // Whether a subtree holds code (`<pre>`), kept or not.
    let mut holds_code = vec![false; n];
    for i in (0..n).rev() {
        if dom.nodes[i].tag == "pre" {
            holds_code[i] = true;
        }
        if holds_code[i] && i > 0 {
            holds_code[dom.nodes[i].parent] = true;
        }
        if marks[i] != Mark::Keep {
            continue;
        }
        let mut h = TextHash::EMPTY;
        if dom.is_element(i) || i == 0 {
            let end = dom.nodes[i].end.max(i + 1);
            let mut k = i + 1;
            while k < end {
                if marks[k] == Mark::Keep {
                    h.append(hashes[k]);
                }
                k = dom.nodes[k].end.max(k + 1);
            }
        } else {
            dom.nodes[i]
                .text
                .chars()
                .filter(|&c| is_visible_char(c))
                .for_each(|c| h.push_char(c));
        }
        hashes[i] = h;
    }
    let mut first: std::collections::HashMap<(u64, u32), usize> = Default::default();
    let mut i = 1;
    while i < n {
        let h = hashes[i];
        if marks[i] != Mark::Keep || !dom.is_element(i) || h.chars < COPY_MIN_CHARS {
            i += 1;
            continue;
        }
        // Code is shown again where it applies (an object in its reference and in the
        // response of each call that returns it): a guide's repeats are its own.
        let end = dom.nodes[i].end.max(i + 1);
        if holds_code[i] {
            i = if dom.nodes[i].tag == "pre" {
                end
            } else {
                i + 1
            };
            continue;
        }
        match first.get(&(h.hash, h.chars)) {
            None => {
                first.insert((h.hash, h.chars), i);
            }
            Some(&f)
                if dom.nodes[f].end <= i
                    && visible_chars(dom, marks, f).eq(visible_chars(dom, marks, i)) =>
            {
                // The copy in the article stays where the first one lies outside it (a
                // summary set above the story that its first paragraph repeats).
                if within_article_marker(dom, i) && !within_article_marker(dom, f) {
                    let f_end = dom.nodes[f].end.max(f + 1);
                    marks[f..f_end].fill(Mark::Removed);
                    first.insert((h.hash, h.chars), i);
                } else {
                    marks[i..end].fill(Mark::Removed);
                    i = end;
                    continue;
                }
            }
            Some(_) => {}
        }
        i += 1;
    }
}

/// Whether an element is or lies inside an explicit article marker ([`marker_rank`]).
fn within_article_marker(dom: &Dom<'_>, i: usize) -> bool {
    let mut k = i;
    while k != 0 {
        if marker_rank(dom, k) > 0 {
            return true;
        }
        k = dom.nodes[k].parent;
    }
    false
}

/// Marks a subtree.
fn mark_subtree(marks: &mut [Mark], dom: &Dom<'_>, i: usize, mark: Mark) {
    let end = dom.nodes[i].end.max(i + 1);
    for m in &mut marks[i..end] {
        if *m == Mark::Keep {
            *m = mark;
        }
    }
}

/// Whether an element is an explicit article marker: `itemprop=articleBody`, `<article>`,
/// `<main>`, `role=main`.
fn marker_rank(dom: &Dom<'_>, i: usize) -> u8 {
    if dom
        .attr(i, "itemprop")
        .is_some_and(|v| v.to_ascii_lowercase().contains("articlebody"))
    {
        return 3;
    }
    match dom.nodes[i].tag {
        "article" => 2,
        "main" => 1,
        _ if dom
            .attr(i, "role")
            .is_some_and(|r| r.eq_ignore_ascii_case("main")) =>
        {
            1
        }
        _ => 0,
    }
}

/// Widens the chosen container while its parent adds running text rather than links.
///
/// Page builders split one text into many sibling sections (`<div class="block">` per
/// paragraph group), and pages that are not articles (services, products, documentation) spread
/// their content over several panels: the best-scoring block is then only a part. A parent is
/// taken when what it adds is substantial and reads like content (few links), which the
/// furniture around an article (link lists, share bars, bylines) does not.
fn climb(dom: &Dom<'_>, stats: &[Stats], marks: &[Mark], start: usize) -> usize {
    let mut cur = start;
    let mut next = start;
    loop {
        if next == 0 || matches!(dom.nodes[next].tag, "body" | "html") {
            return cur;
        }
        let child = next;
        next = dom.nodes[next].parent;
        if marks[next] != Mark::Keep || matches!(dom.nodes[next].tag, "html" | ROOT_TAG) {
            return cur;
        }
        let (c, p) = (&stats[cur], &stats[next]);
        let extra_text = p.text.saturating_sub(c.text) as f32;
        let extra_link = p.link.saturating_sub(c.link) as f32;
        let extra_plain = extra_text - extra_link;
        // Sections of one text (`<div class="sect1">` after `<div class="sect1">`) may carry
        // link lists of their own: more links are allowed when the parent adds more of the
        // same kind of block.
        let limit = if has_twin(dom, marks, next, child) {
            CLIMB_LINK_TWIN
        } else {
            CLIMB_LINK
        };
        if extra_link > limit * extra_text && extra_text > CLIMB_NOISE {
            return cur;
        }
        // A small addition (a heading, a date line) is passed over without being taken: the
        // next ancestor up may add the rest of the text.
        if extra_plain >= CLIMB_MIN.max(CLIMB_SHARE * c.plain() as f32) {
            cur = next;
        }
        // The page's own word for where its content is: not left, unless it is one of several
        // `<article>` cards in a list.
        if marker_rank(dom, next) > 0 {
            let parent = dom.nodes[next].parent;
            let card = dom.nodes[next].tag == "article"
                && dom
                    .children(parent)
                    .any(|s| s != next && dom.nodes[s].tag == "article");
            if !card {
                return cur;
            }
        }
    }
}

/// Runs of like siblings (same tag, same first class word): the cards of a listing, which a
/// page may name as teasers or promos while they are its content. Computed per parent on first
/// use, so a parent with thousands of children is read once.
#[derive(Default)]
struct CardGroups {
    /// Per parent, each kind of child: (a child of that kind, how many, their plain text).
    by_parent: std::collections::HashMap<usize, Vec<(usize, u32, u32)>>,
}

/// Text a `<div>` with only inline content needs to count as a paragraph of running text
/// when telling whether a page is mostly prose.
const DIV_PARAGRAPH_MIN: u32 = 80;

/// Whether element `i` is a paragraph of running text set as a `<div>`: inline content only,
/// long enough, with a comma, and few links.
fn is_div_paragraph(dom: &Dom<'_>, stats: &[Stats], i: usize) -> bool {
    let s = &stats[i];
    matches!(dom.nodes[i].tag, "div" | "section")
        && !s.has_block
        && s.plain() >= DIV_PARAGRAPH_MIN
        && s.commas >= 1
        && s.link_density() < 0.2
}

/// Plain text of the `<div>` paragraphs (see [`is_div_paragraph`], in document order) that
/// run on from one to the next: a sibling of the same class directly before or after. An
/// article body written as `<div class="p">` after `<div class="p">` is prose, as `<p>`s are;
/// a lone text `<div>` in each forum post or testimonial card is not a body of paragraphs.
fn running_div_paragraphs(dom: &Dom<'_>, stats: &[Stats], paragraphs: &[usize]) -> u32 {
    let mut counted = vec![false; paragraphs.len()];
    for (k, &i) in paragraphs.iter().enumerate() {
        // The next element sibling.
        let parent = dom.nodes[i].parent;
        let mut j = dom.nodes[i].end.max(i + 1);
        while j < dom.len() && dom.nodes[j].parent == parent && !dom.is_element(j) {
            j = dom.nodes[j].end.max(j + 1);
        }
        let runs_on = paragraphs.get(k + 1) == Some(&j)
            && dom.nodes[j].parent == parent
            && dom.nodes[j].tag == dom.nodes[i].tag
            && dom.nodes[j].names[0] == dom.nodes[i].names[0];
        if runs_on {
            counted[k] = true;
            counted[k + 1] = true;
        }
    }
    paragraphs
        .iter()
        .zip(counted)
        .filter(|(_, c)| *c)
        .map(|(&i, _)| stats[i].plain())
        .sum()
}

/// Text a post body needs to count as one (see [`is_post_body_name`]).
const POST_BODY_MIN: u32 = 150;

/// The names blogging platforms give the body of a post or article (`entry-content`,
/// `post-body`, `article-content`).
fn is_post_body_name(class_id: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?:entry|post|article|story)[-_]?(?:content|body|text)\b|\barticlebody\b")
            .expect("valid regex")
    })
    .is_match(class_id)
}

/// Longest standfirst; a longer block so named is more than a summary line.
const DEK_MAX: u32 = 400;

/// Paragraph text (and its largest link share) that a negatively named block of an article page
/// may hold and still be read as text.
const NAMED_PROSE_MIN: u32 = 150;
const NAMED_PROSE_LINKS: f32 = 0.3;

/// Siblings alike enough to be cards: fewer are a layout's columns.
const CARD_MIN: u32 = 3;

impl CardGroups {
    /// The plain text of the cards that `i`, its parent or its grandparent is one of: a part
    /// of a card (its caption, its teaser text) is the card's content too.
    fn around(&mut self, dom: &Dom<'_>, marks: &[Mark], stats: &[Stats], i: usize) -> u32 {
        let mut at = i;
        for _ in 0..3 {
            let plain = self.share(dom, marks, stats, at);
            if plain > 0 || at == 0 {
                return plain;
            }
            at = dom.nodes[at].parent;
        }
        0
    }

    /// The plain text of the cards `i` is one of, or 0 when it is not one of at least
    /// [`CARD_MIN`] like siblings.
    fn share(&mut self, dom: &Dom<'_>, marks: &[Mark], stats: &[Stats], i: usize) -> u32 {
        let first_class = |i: usize| first_class(dom, i);
        let same = |a: usize, b: usize| {
            dom.nodes[a].tag == dom.nodes[b].tag && first_class(a) == first_class(b)
        };
        if first_class(i).is_none() || i == 0 {
            return 0;
        }
        let parent = dom.nodes[i].parent;
        let groups = self.by_parent.entry(parent).or_insert_with(|| {
            // (representative child, members, plain text)
            let mut groups: Vec<(usize, u32, u32)> = Vec::new();
            for c in dom.children(parent) {
                if marks[c] != Mark::Keep || first_class(c).is_none() {
                    continue;
                }
                if let Some(g) = groups.iter_mut().find(|g| same(g.0, c)) {
                    g.1 += 1;
                    g.2 += stats[c].plain();
                } else if groups.len() < 16 {
                    // Capped, so that a parent of many unlike children stays linear.
                    groups.push((c, 1, stats[c].plain()));
                }
            }
            groups
        });
        groups
            .iter()
            .find(|g| same(g.0, i))
            .filter(|g| g.1 >= CARD_MIN)
            .map_or(0, |g| g.2)
    }
}

/// The first word of an element's `class`: what like siblings (cards, a text's parts) share.
fn first_class<'a>(dom: &Dom<'a>, i: usize) -> Option<&'a str> {
    dom.attr(i, "class")
        .and_then(|c| c.split_ascii_whitespace().next())
}

/// When `main` is the body of one post (its parent's first class word is `post`, `message`,
/// `reply` or `comment`, alone or with a suffix: `post`, `message-content`), the same part
/// (same tag, same first class word) of each like sibling of that post: the thread's other
/// posts. A blog's `article.post-123` has no such siblings, since its class carries its number.
fn other_posts_bodies(dom: &Dom<'_>, marks: &[Mark], stats: &[Stats], main: usize) -> Vec<usize> {
    let post = dom.nodes[main].parent;
    let thread = dom.nodes[post].parent;
    let (Some(body_class), Some(post_class)) = (first_class(dom, main), first_class(dom, post))
    else {
        return Vec::new();
    };
    // Compared as bytes: a class name may hold any character, and a word's length in bytes
    // need not fall on one of its character boundaries.
    let class = post_class.as_bytes();
    let postlike = ["post", "message", "reply", "comment"].iter().any(|w| {
        class
            .get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
            && matches!(class.get(w.len()), None | Some(b'-' | b'_'))
    });
    if !postlike || post == thread || matches!(dom.nodes[post].tag, "body" | "html" | ROOT_TAG) {
        return Vec::new();
    }
    let like = |i: usize, of: usize, class: &str| {
        marks[i] == Mark::Keep
            && dom.nodes[i].tag == dom.nodes[of].tag
            && first_class(dom, i) == Some(class)
    };
    dom.children(thread)
        .filter(|&other| other != post && like(other, post, post_class))
        .flat_map(|other| dom.children(other))
        .filter(|&body| like(body, main, body_class) && stats[body].plain() > 0)
        .collect()
}

/// Whether `parent` has two or more other kept children of the same tag and first class word
/// as `child`.
fn has_twin(dom: &Dom<'_>, marks: &[Mark], parent: usize, child: usize) -> bool {
    let first_class = |i: usize| first_class(dom, i);
    let Some(class) = first_class(child) else {
        return false;
    };
    let tag = dom.nodes[child].tag;
    // Two of a kind are as often a layout's columns (content and sidebar) as one text's parts.
    dom.children(parent)
        .filter(|&s| {
            s != child
                && marks[s] == Mark::Keep
                && dom.nodes[s].tag == tag
                && first_class(s) == Some(class)
        })
        .nth(1)
        .is_some()
}

/// Most link text, as a share of what a parent adds, for it to be taken.
const CLIMB_LINK: f32 = 0.35;
/// The same when the parent adds blocks like the one already chosen.
const CLIMB_LINK_TWIN: f32 = 0.55;
/// Least plain text a parent must add, absolutely and as a share of what is chosen already.
const CLIMB_MIN: f32 = 200.0;
const CLIMB_SHARE: f32 = 0.3;
/// Additions this small are too small to judge by their links.
const CLIMB_NOISE: f32 = 60.0;

/// Least text in comment-named elements, and most paragraph text outside them (or a tenth of
/// theirs, when that is more: a long thread beside a sidebar of excerpts), for a page to read as
/// a forum thread whose posts are its content.
const FORUM_MIN: u32 = 500;
const FORUM_OUTSIDE: u32 = 400;

/// Fewest similar blocks in a row that make a list of cards.
const LIST_MIN_ITEMS: usize = 4;
/// Least text of such a list.
const LIST_MIN_TEXT: u32 = 500;
/// Plain text from which the chosen container reads as an article.
const LIST_ARTICLE: u32 = 1000;
/// How many times the chosen article's plain text a list must hold to be the page instead.
const LIST_OVER_ARTICLE: u32 = 3;
/// The same for a list that holds the chosen container as one of its items.
const LIST_OVER_ITEM: f32 = 1.3;

/// Whether most of a list's items other than the one holding `main` carry a heading of their
/// own: teaser cards of other pages, each under its title, where a thread's replies have none.
fn others_are_titled(dom: &Dom<'_>, marks: &[Mark], list: usize, main: usize) -> bool {
    let (mut items, mut titled) = (0usize, 0usize);
    for item in dom.children(list) {
        if !dom.is_element(item) || marks[item] != Mark::Keep || dom.contains(item, main) {
            continue;
        }
        items += 1;
        let end = dom.nodes[item].end.min(dom.len());
        if (item..end).any(|k| {
            marks[k] == Mark::Keep
                && matches!(dom.nodes[k].tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        }) {
            titled += 1;
        }
    }
    items > 0 && titled * 2 >= items
}

/// What makes blocks alike in a list: tag and first class word.
type RunKey<'a> = (&'a str, Option<&'a str>);

/// Element `i`'s [`RunKey`].
fn run_key<'a>(dom: &Dom<'a>, i: usize) -> RunKey<'a> {
    (dom.nodes[i].tag, first_class(dom, i))
}

/// The element holding the longest run of similar sibling blocks (same tag, same first class
/// word), with that run's text: the list of a listing page. Runs that are not most of their
/// parent's text, or too small, do not count.
fn find_listing(
    dom: &Dom<'_>,
    stats: &[Stats],
    marks: &[Mark],
    names: &[Names],
) -> Option<(usize, u32, u32)> {
    let mut best: Option<(usize, u32, u32)> = None;
    for parent in 0..dom.len() {
        if marks[parent] != Mark::Keep || !dom.is_element(parent) || names[parent].neg {
            continue;
        }
        let total = stats[parent].text;
        if total < LIST_MIN_TEXT || best.is_some_and(|(_, t, _)| total <= t) {
            continue;
        }
        // (key of the run, items, text, plain text) for the current run and the best one.
        let mut run: Option<(RunKey<'_>, usize, u32, u32)> = None;
        let mut top = (0usize, 0u32, 0u32);
        for c in dom.children(parent) {
            if marks[c] != Mark::Keep || !dom.is_element(c) || stats[c].text == 0 {
                continue;
            }
            if names[c].neg {
                run = None;
                continue;
            }
            let key = run_key(dom, c);
            let (t, p) = (stats[c].text, stats[c].plain());
            run = match run {
                Some((k, items, text, plain)) if k == key => {
                    Some((k, items + 1, text + t, plain + p))
                }
                _ => Some((key, 1, t, p)),
            };
            if let Some((_, items, text, plain)) = run {
                if items >= LIST_MIN_ITEMS && text > top.1 {
                    top = (items, text, plain);
                }
            }
        }
        let interleaved = interleaved_items(dom, stats, marks, parent);
        let (items, text, plain) = if interleaved.1 > top.1 {
            interleaved
        } else {
            top
        };
        if items >= LIST_MIN_ITEMS
            && text >= LIST_MIN_TEXT
            && text * 2 >= total
            && best.is_none_or(|(_, t, _)| text > t)
        {
            best = Some((parent, text, plain));
        }
    }
    best
}

/// A list whose items take more than one sibling each, in the same pattern every time: a
/// table of a title row, a row of details and a spacer (link aggregators, job boards), a
/// forum's posts each followed by a block of its replies. Returns the number of items and the
/// text and plain text of the siblings from the first item to the end of the last. Runs of one
/// kind alone are [`find_listing`]'s; here what lies between two items must read the same way
/// (same tags, same first class words) for most items, so an article's paragraphs between
/// headings and figures never make such a list. The pattern is read twice: with the empty
/// siblings (a spacer row that is sometimes filled) and without them (an empty block of
/// replies).
fn interleaved_items(
    dom: &Dom<'_>,
    stats: &[Stats],
    marks: &[Mark],
    parent: usize,
) -> (usize, u32, u32) {
    if matches!(dom.nodes[parent].tag, "body" | "html" | ROOT_TAG) {
        return (0, 0, 0);
    }
    let all: Vec<(usize, RunKey<'_>)> = dom
        .children(parent)
        .filter(|&c| dom.is_element(c) && marks[c] == Mark::Keep)
        .map(|c| (c, run_key(dom, c)))
        .collect();
    if all.len() < 2 * LIST_MIN_ITEMS {
        return (0, 0, 0);
    }
    let filled: Vec<(usize, RunKey<'_>)> = all
        .iter()
        .copied()
        .filter(|&(c, _)| stats[c].text > 0)
        .collect();
    let mut best = (0, 0, 0);
    for kids in [&all, &filled] {
        if let Some((items, span)) = periodic_items(kids) {
            let (mut text, mut plain) = (0u32, 0u32);
            for &(c, _) in span {
                text += stats[c].text;
                plain += stats[c].plain();
            }
            if text > best.1 {
                best = (items, text, plain);
            }
        }
    }
    best
}

/// The items of a run of siblings that repeats one pattern (an item of the most common kind,
/// then the same kinds of siblings up to the next item) for at least two thirds of its items:
/// how many items, and the siblings from the first item to the end of the last.
fn periodic_items<'k, 'a>(
    kids: &'k [(usize, RunKey<'a>)],
) -> Option<(usize, &'k [(usize, RunKey<'a>)])> {
    let mut kinds: std::collections::HashMap<RunKey<'_>, usize> = Default::default();
    for (_, key) in kids {
        *kinds.entry(*key).or_default() += 1;
    }
    // The most common kind is the item; ties go to the kind met first.
    let mut item: Option<(RunKey<'_>, usize)> = None;
    for (_, key) in kids {
        let n = kinds[key];
        if item.is_none_or(|(_, best)| n > best) {
            item = Some((*key, n));
        }
    }
    let (item, _) = item?;
    let starts: Vec<usize> = (0..kids.len()).filter(|&k| kids[k].1 == item).collect();
    if starts.len() < LIST_MIN_ITEMS {
        return None;
    }
    // Each item with what follows it up to the next one, as a sequence of kinds: per such
    // pattern, how many items have it and the first that does.
    let mut patterns: std::collections::HashMap<Vec<RunKey<'_>>, (usize, usize)> =
        Default::default();
    for (i, w) in starts.windows(2).enumerate() {
        let kinds: Vec<RunKey<'_>> = kids[w[0]..w[1]].iter().map(|(_, k)| *k).collect();
        patterns.entry(kinds).or_insert((0, i)).0 += 1;
    }
    let inner = starts.len() - 1;
    let (pattern, (count, _)) = patterns
        .into_iter()
        .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))?;
    let period = pattern.len();
    if period < 2 || count * 3 < inner * 2 {
        return None;
    }
    let last = (starts[inner] + period).min(kids.len());
    Some((starts.len(), &kids[starts[0]..last]))
}

/// The outcome of choosing the article.
pub struct Analysis {
    pub marks: Vec<Mark>,
    /// The chosen container, then any siblings taken with it, in document order.
    pub chosen: Vec<usize>,
    /// The chosen container itself.
    pub main: usize,
    /// The list of cards the page is, if it is one: link text inside it is content.
    pub listing: Option<usize>,
    /// Sizes of the page and of the chosen text, for telling what kind of page it is.
    pub shape: Shape,
}

/// The page's proportions as the analysis saw them: what a page-type guess reads besides
/// markup (an article is most of its page's prose; a list or a shop page is not).
#[derive(Clone, Copy, Default, Debug)]
pub struct Shape {
    /// Visible characters of the whole page (scripts and styles left out).
    pub page_text: u32,
    /// Of those, characters inside links.
    pub page_link: u32,
    /// Characters inside `<p>`/`<pre>` on the whole page.
    pub page_para: u32,
    /// Visible and linked characters of the chosen container.
    pub main_text: u32,
    pub main_link: u32,
    /// Characters inside `<p>`/`<pre>` of the chosen container.
    pub main_para: u32,
    /// Commas in the chosen container: running prose has them.
    pub main_commas: u32,
    /// Whether the page read as a thread of posts.
    pub thread_page: bool,
    /// Characters of the page inside comment or post threads.
    pub thread_text: u32,
    /// Whether the chosen container is the page itself (no article element was found).
    pub main_is_page: bool,
}

impl Analysis {
    /// Chooses the article; `declared_article` says the page calls itself one (JSON-LD,
    /// `og:type`), which rules out reading it as a list of cards or a forum thread;
    /// `declared_thread` says it calls itself a discussion, whose replies are its content.
    pub fn new(dom: &Dom<'_>, declared_article: bool, declared_thread: bool) -> Self {
        let n = dom.len();
        let mut marks = vec![Mark::Keep; n];

        // Pass 1: what is never text, whatever its size.
        let mut i = 0;
        while i < n {
            if dom.is_element(i) {
                let tag = dom.nodes[i].tag;
                let small_noscript =
                    tag == super::depth::NOSCRIPT && subtree_chars(dom, i) < NOSCRIPT_MIN_CHARS;
                if (is_dropped_tag(tag) && !is_section_toggle(dom, i)) || small_noscript {
                    mark_subtree(&mut marks, dom, i, Mark::Removed);
                    i = dom.nodes[i].end.max(i + 1);
                    continue;
                }
            }
            i += 1;
        }

        let counts = text_counts(dom, &marks);

        // Pass 1b: furniture by its role (`<nav>`, `<aside>`, `<footer>`, ARIA roles) or hidden
        // from readers. Such an element that holds the bulk of the page's prose is a wrapper,
        // not furniture: an unclosed `<aside>` that swallowed the page, a page hidden until its
        // scripts run (`visibility:hidden` on the root, streamed `<div hidden>` segments).
        let stats = stats_from(dom, &marks, &counts);
        let (page_text, page_link, page_para) = (stats[0].text, stats[0].link, stats[0].para);
        let page_plain = stats[0].plain();
        // Only a page that hides something needs to know which parts its controls open.
        let mut panels: Option<Vec<&str>> = None;
        // Only a page that sets a quotation apart needs its words, to tell a quote of a post
        // on the page from a quote of one that is not.
        let mut page_words: Option<String> = None;
        let mut quotes_checked = 0;
        let mut i = 0;
        while i < n {
            if dom.is_element(i) && marks[i] == Mark::Keep {
                let tag = dom.nodes[i].tag;
                let role = dom.attr(i, "role");
                // A tab list is the row of tabs, unless the page wraps the whole widget in it,
                // panels and all (accordions often do): then it holds content.
                let role_bad = role.is_some_and(is_negative_role)
                    && !(role.is_some_and(|r| r.trim().eq_ignore_ascii_case("tablist"))
                        && holds_its_panels(dom, i));
                // A short control set as a link or a box (`<a role="button">Click to
                // expand...</a>`): a button's words, not the text's. A whole card made clickable
                // holds more than a label.
                // An accordion's toggle (`aria-expanded`, `aria-controls`) titles the panel it
                // opens, and stays.
                let control = stats[i].text < 40
                    && role.is_some_and(|r| r.trim().eq_ignore_ascii_case("button"))
                    && dom.attr(i, "aria-expanded").is_none()
                    && dom.attr(i, "aria-controls").is_none()
                    && !question_or_heading(dom, i);
                // A pull quote repeats the article's own words, edited: it stays an aside.
                let quotation = tag == "aside"
                    && quotes_checked < QUOTE_CHECKS
                    && !dom.class_id(i).contains("pull")
                    && quoted_text(dom, &marks, &stats, i).is_some_and(|q| {
                        quotes_checked += 1;
                        // Once for the quote itself; a second time is its source.
                        page_words
                            .get_or_insert_with(|| kept_words(dom, &marks))
                            .match_indices(q.as_str())
                            .nth(1)
                            .is_none()
                    });
                let furniture = (is_furniture_tag(tag) && !quotation) || role_bad || control;
                // A class that hides a large part of the page hides a second copy of it (the
                // layout the site does not use); a small part so hidden (a tab's list, a price,
                // a mobile menu's entries) is often shown by the page's scripts.
                let hidden = !furniture
                    && (is_hidden(dom, i)
                        || (dom.attr(i, "class").is_some_and(hidden_by_class)
                            && (stats[i].text >= CLASS_HIDDEN_MIN
                                || (stats[i].text < STRUCTURED_DATA_MAX
                                    && only_structured_data(dom, i)))))
                    && !is_panel(dom, i, panels.get_or_insert_with(|| disclosure_panels(dom)));
                if furniture || hidden {
                    let s = &stats[i];
                    // A page that hides nearly all its text hides it only until its scripts
                    // run, whatever that text is (a tutorial's index is mostly links).
                    let wrapper = (s.plain() * 4 > page_plain * 3
                        && s.para * 4 > page_para * 3
                        && s.para >= 500
                        && s.link_density() < 0.5)
                        || (hidden && s.text * 10 > page_text * 9)
                        // A part shown once the page's styles load (`<div class="defer-block"
                        // style="display: none">` around the product's `<article>`): it holds
                        // the headline or the article and most of the prose.
                        || (hidden
                            && s.para * 2 > page_para
                            && holds_article_landmark(dom, i))
                        // The page behind an open dialog (a cookie banner): dialog scripts
                        // hide everything else from screen readers with `aria-hidden`, which
                        // hides nothing from the eye, so the `<main>` part is still the page.
                        || (hidden && behind_dialog(dom, i));
                    if !wrapper {
                        mark_subtree(&mut marks, dom, i, Mark::Removed);
                        i = dom.nodes[i].end.max(i + 1);
                        continue;
                    }
                }
            }
            i += 1;
        }

        // Pass 2: furniture by class and id. A negative name alone is not enough: wrappers
        // are often named after their layout (`<body class="has-sidebar">`,
        // `<div id="content-with-comments">`), so an element is kept when the bulk of its text
        // sits in an article-like descendant, and (unless it is named like a comment thread,
        // whose text can outweigh the article's) when it holds most of the page's text.
        let stats = stats_from(dom, &marks, &counts);
        let names = read_names(dom, &marks);
        // Largest plain text of an article-like (positive or marker, not negative) descendant,
        // not counting those inside negative elements: a comment's `<div class="content">`
        // does not make the thread an article.
        let mut best_desc = vec![0u32; n];
        for i in (1..n).rev() {
            if marks[i] != Mark::Keep || !dom.is_element(i) {
                continue;
            }
            let Names { neg, pos, .. } = names[i];
            let own = if (pos || marker_rank(dom, i) > 0) && !neg {
                stats[i].plain()
            } else {
                0
            };
            let value = if neg { 0 } else { best_desc[i].max(own) };
            let parent = dom.nodes[i].parent;
            best_desc[parent] = best_desc[parent].max(value);
        }
        let total = stats[0].plain().max(1);
        let article_inside = |i: usize| {
            let plain = stats[i].plain();
            plain > 0 && best_desc[i] >= 300 && best_desc[i] as f32 >= 0.3 * plain as f32
        };
        // A page that is all comment threads is a forum thread or a Q&A page: its posts are
        // its content, however they are named.
        let (mut thread_plain, mut thread_para, mut outside_loose) = (0u32, 0u32, 0u32);
        let mut div_paragraphs: Vec<usize> = Vec::new();
        // Whether a post's own body lies outside the threads: then they are its comments,
        // however short the post (a blog's open thread), not the page's content.
        let mut post_body = false;
        let mut i = 0;
        while i < n {
            if marks[i] != Mark::Keep {
                i = dom.nodes[i].end.max(i + 1);
                continue;
            }
            let structural = matches!(dom.nodes[i].tag, "html" | "body" | ROOT_TAG);
            if names[i].strong && !structural && !article_inside(i) {
                thread_plain += stats[i].plain();
                thread_para += stats[i].para;
                i = dom.nodes[i].end.max(i + 1);
                continue;
            }
            // Prose written straight into a `<div>` between `<br>`s.
            if stats[i].loose >= 100 && stats[i].loose_commas >= 3 && dom.is_element(i) {
                outside_loose += stats[i].loose;
            }
            if is_div_paragraph(dom, &stats, i) {
                div_paragraphs.push(i);
            }
            if !post_body && names[i].pos && stats[i].plain() >= POST_BODY_MIN {
                post_body = is_post_body_name(&dom.class_id(i));
            }
            i += 1;
        }
        let outside_plain = total.saturating_sub(thread_plain);
        let outside_para = stats[0].para.saturating_sub(thread_para) + outside_loose;
        let mut cards = CardGroups::default();
        // Listings, shops and service pages name their content blocks like furniture (teasers,
        // promos, banners, product captions) and write little of it in paragraphs: on such a
        // page a negative name alone does not remove text. An article page, declared or mostly
        // paragraphs, is read strictly.
        let div_para = running_div_paragraphs(dom, &stats, &div_paragraphs);
        let prose_page = declared_article || (stats[0].para + div_para) * 5 > total * 2;
        let thread_page = declared_thread
            || (!declared_article
                && !post_body
                && thread_plain >= FORUM_MIN
                && outside_para < FORUM_OUTSIDE.max(thread_plain / 10)
                && outside_plain * 2 < thread_plain);
        let mut i = 0;
        while i < n {
            if marks[i] != Mark::Keep || !dom.is_element(i) {
                i += 1;
                continue;
            }
            let tag = dom.nodes[i].tag;
            let s = &stats[i];
            let holds_most = s.plain() * 2 > total;
            let structural = matches!(tag, "html" | "body" | ROOT_TAG);
            let Names {
                neg,
                strong,
                pos,
                consent,
                post_furniture,
                slot,
                ..
            } = names[i];
            let mut remove = false;
            // A column shown only on wide screens is a sidebar, however much it holds: a story
            // is for every screen (a wide-screen copy of it has a narrow-screen twin, which stays).
            // Nearly all of the page is no sidebar: its phone version may be built by a script.
            if names[i].wide_only && !structural && s.plain() * 5 < total * 4 {
                mark_subtree(&mut marks, dom, i, Mark::Removed);
                i = dom.nodes[i].end.max(i + 1);
                continue;
            }
            // A slot beside the content holds what a theme or an ad manager adds to every
            // story (a fundraising letter, the publisher's "about us", an opt-in box), prose
            // or not; a short one may be a module's own heading ("Related items" over its grid).
            if slot
                && s.plain() >= NAMED_PROSE_MIN
                && !structural
                && !holds_most
                && !article_inside(i)
            {
                remove = true;
            } else if neg && !structural {
                remove = if consent || post_furniture {
                    // Unless it wraps the article itself. A forum's posts are its content on
                    // any page, what frames them is not, even where it names its own part as
                    // content (a quote's `bbCodeBlock-content`).
                    !holds_article_landmark(dom, i)
                } else if article_inside(i) {
                    false
                } else if !strong && wraps_embedded_post(dom, i) {
                    // `<div class="social-media-embed">` around a post the story quotes.
                    false
                } else if strong && thread_page {
                    s.plain() < 25 || s.link_density() > 0.5
                } else if strong {
                    true
                } else if holds_most || (!prose_page && s.plain() > 0) {
                    false
                } else if cards.around(dom, &marks, &stats, i) * 2 > total {
                    // The cards of a listing that is most of the page.
                    false
                } else if s.para >= NAMED_PROSE_MIN && s.link_density() < NAMED_PROSE_LINKS {
                    // Running paragraphs in a page builder's block (`...-promo-section`).
                    false
                } else if !pos && marker_rank(dom, i) == 0 {
                    true
                } else {
                    s.para < 200 || s.link_density() > 0.5
                };
            }
            // Forms wrap whole pages on some platforms; only small ones are furniture.
            if tag == "form" && !holds_most && !structural {
                remove = true;
            }
            if remove {
                mark_subtree(&mut marks, dom, i, Mark::Removed);
                i = dom.nodes[i].end.max(i + 1);
                continue;
            }
            if tag == "header" && !holds_most {
                mark_subtree(&mut marks, dom, i, Mark::Header);
                i = dom.nodes[i].end.max(i + 1);
                continue;
            }
            // Code is read whole: a highlighter names its pieces for what they are in the code
            // (`hljs-comment`, Prism's `token comment`), not for parts of the page.
            if matches!(tag, "pre" | "code") {
                i = dom.nodes[i].end.max(i + 1);
                continue;
            }
            i += 1;
        }

        // A standfirst under the headline, before the first paragraph of running text.
        if prose_page {
            let mut i = 0;
            while i < n {
                if marks[i] == Mark::Removed || !dom.is_element(i) {
                    i += 1;
                    continue;
                }
                let plain = stats[i].plain();
                if names[i].dek && plain < DEK_MAX {
                    // Inside a `<header>` too, which `mark_subtree` leaves as it is.
                    let end = dom.nodes[i].end.max(i + 1);
                    marks[i..end].fill(Mark::Removed);
                    i = dom.nodes[i].end.max(i + 1);
                    continue;
                }
                if dom.nodes[i].tag == "p" && plain >= DEK_MAX / 4 {
                    break;
                }
                i += 1;
            }
        }

        remove_second_copies(dom, &mut marks);

        // Pass 3: score containers by the paragraphs they hold.
        let stats = stats_from(dom, &marks, &counts);
        let mut score = vec![0f32; n];
        let mut scored = vec![false; n];
        let init = |i: usize, score: &mut [f32], scored: &mut [bool]| {
            if scored[i] {
                return;
            }
            scored[i] = true;
            let base = match dom.nodes[i].tag {
                "div" | "article" | "main" | "section" => 5.0,
                "pre" | "td" | "blockquote" => 3.0,
                "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
                _ => 0.0,
            };
            let mut weight = 0.0;
            if names[i].neg {
                weight -= 25.0;
            }
            if names[i].pos {
                weight += 25.0;
            }
            score[i] = base + weight + 10.0 * f32::from(marker_rank(dom, i).min(1));
        };
        for i in 0..n {
            if marks[i] != Mark::Keep || !dom.is_element(i) {
                continue;
            }
            let tag = dom.nodes[i].tag;
            let s = &stats[i];
            // A paragraph: `<p>`/`<pre>`, a block with only inline content, or the loose
            // inline text of a container (attributed to the container itself).
            let inline_block = matches!(tag, "p" | "pre")
                || (!s.has_block
                    && matches!(
                        tag,
                        "div" | "section" | "td" | "article" | "main" | "center" | "font"
                    ));
            let (len, first_level) = if inline_block {
                (s.text, Some(dom.nodes[i].parent))
            } else if s.has_block && s.loose >= 25 && is_block_tag(tag) {
                (s.loose, Some(i))
            } else {
                (0, None)
            };
            let Some(first) = first_level else { continue };
            if len < 25 || s.link_density() > 0.6 {
                continue;
            }
            // Loose text is often many paragraphs split only by `<br>`s: score it by length
            // with a higher cap than a single paragraph gets.
            let content = if first == i {
                1.0 + s.loose_commas as f32 + (len as f32 / 100.0).min(10.0)
            } else {
                1.0 + s.commas as f32 + (len as f32 / 100.0).min(3.0)
            };
            let mut target = first;
            for level in 0..5 {
                if marks[target] != Mark::Keep || !dom.is_element(target) {
                    break;
                }
                init(target, &mut score, &mut scored);
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                score[target] += content / divider;
                if target == 0 {
                    break;
                }
                target = dom.nodes[target].parent;
            }
        }
        let mut best: Option<(usize, f32)> = None;
        for i in 0..n {
            if !scored[i] {
                continue;
            }
            let final_score = score[i] * (1.0 - stats[i].link_density());
            score[i] = final_score;
            let better = match best {
                Some((_, b)) => final_score > b,
                None => true,
            };
            if better {
                best = Some((i, final_score));
            }
        }
        let body = (0..n).find(|&i| dom.nodes[i].tag == "body").unwrap_or(0);
        let (mut main, top_score) = best.unwrap_or((body, 0.0));
        main = climb(dom, &stats, &marks, main);
        let mut top = main;

        // Lean towards explicit markers when they agree with the scores: down into a marker
        // that holds most of the chosen text, or up into one that adds little else.
        let main_plain = stats[main].plain();
        let mut down = None;
        for j in main + 1..dom.nodes[main].end {
            if marks[j] == Mark::Keep
                && dom.is_element(j)
                && marker_rank(dom, j) > 0
                && stats[j].plain() as f32 >= 0.7 * main_plain as f32
                && stats[j].plain() > 0
            {
                down = Some(j);
            }
        }
        if let Some(j) = down {
            main = j;
        } else if marker_rank(dom, main) == 0 {
            let main_plain = stats[main].plain() as f32;
            for a in dom.ancestors(main) {
                if matches!(dom.nodes[a].tag, "body" | "html" | ROOT_TAG) {
                    break;
                }
                if marks[a] == Mark::Keep && marker_rank(dom, a) > 0 {
                    if stats[a].plain() as f32 <= 1.5 * main_plain + 400.0
                        && stats[a].link_density() < 0.35
                    {
                        main = a;
                    }
                    break;
                }
            }
        }

        // A page that is a list of cards (search results, job boards, category pages, shop
        // grids) has no article: its content is the list, links and all.
        let mut listing = None;
        // Nor is a page whose markup names its article body (`itemprop=articleBody`).
        let body_marked = (0..n).any(|j| {
            marks[j] == Mark::Keep
                && dom.is_element(j)
                && stats[j].plain() >= 150
                && marker_rank(dom, j) == 3
        });
        let found = if declared_article || body_marked {
            None
        } else {
            find_listing(dom, &stats, &marks, &names)
        };
        if let Some((list, run_text, run_plain)) = found {
            let main_plain = stats[main].plain();
            // Against a real article, a list must outweigh it in its own words, not its links
            // (a mega-menu of links is no content).
            let weight = if main_plain >= LIST_ARTICLE {
                run_plain
            } else {
                run_text
            };
            if dom.contains(main, list) {
                // The whole page, chosen for want of an article, is not a list for holding one;
                // but a list that is most of the page's text is what the page is.
                let page = matches!(dom.nodes[main].tag, "body" | "html" | ROOT_TAG);
                if run_text * 2 >= stats[main].text {
                    if page {
                        main = climb(dom, &stats, &marks, list);
                        top = main;
                    }
                    listing = Some(list);
                }
            } else if weight >= LIST_OVER_ARTICLE * main_plain
                || (dom.contains(list, main)
                    && run_plain as f32 >= LIST_OVER_ITEM * main_plain as f32
                    && !others_are_titled(dom, &marks, list, main))
            {
                // A list around the chosen container holds it as one of its items (a thread
                // whose opening post was chosen for being the longest): the list is the page
                // once the other items add words of their own. Items that each carry a title
                // are teasers of other pages set beside the article, not replies to it.
                main = climb(dom, &stats, &marks, list);
                top = main;
                listing = Some(list);
            }
        }

        // Teasers of other posts nested inside the chosen article (`<article>` cards in a
        // "more posts" list) are not part of it: with two or more of them around the best
        // container, they go.
        let teasers: Vec<usize> = (main + 1..dom.nodes[main].end)
            .filter(|&j| {
                marks[j] == Mark::Keep
                    && dom.nodes[j].tag == "article"
                    && !dom.contains(j, top)
                    && !dom.contains(top, j)
            })
            .collect();
        let teaser_text: u32 = teasers.iter().map(|&j| stats[j].plain()).sum();
        let teaser_max = teasers.iter().map(|&j| stats[j].plain()).max().unwrap_or(0);
        let main_text = stats[main].plain() as f32;
        if teasers.len() >= 2
            && (teaser_text as f32) < 0.8 * main_text
            && (teaser_max as f32) < 0.5 * main_text
        {
            for j in teasers {
                mark_subtree(&mut marks, dom, j, Mark::Removed);
            }
        }

        // Readability's sibling rule: more of the article may sit next to the best container
        // (a lead paragraph outside the body `<div>`, a body split around an advert).
        let mut chosen = vec![main];
        if !matches!(dom.nodes[main].tag, "body" | "html" | ROOT_TAG) && main != 0 {
            let parent = dom.nodes[main].parent;
            let threshold = (top_score * 0.2).max(10.0);
            let main_class = dom.attr(main, "class").unwrap_or("");
            for sib in dom.children(parent) {
                if sib == main || marks[sib] != Mark::Keep || !dom.is_element(sib) {
                    continue;
                }
                let s = &stats[sib];
                let mut bonus = 0.0;
                if !main_class.is_empty() && dom.attr(sib, "class") == Some(main_class) {
                    bonus = top_score * 0.2;
                }
                let append = if scored[sib] && score[sib] + bonus >= threshold {
                    true
                } else if dom.nodes[sib].tag == "p" {
                    let len = s.text;
                    let ld = s.link_density();
                    let text = dom.text_of(sib, 400);
                    (len > 80 && ld < 0.25)
                        || (len > 0 && ld == 0.0 && ends_sentence(&text) && text.contains(". "))
                } else {
                    false
                };
                if append {
                    chosen.push(sib);
                }
            }
            // The best container may be one post's body in a thread (`div.postbody` in
            // `div.post`): the other posts' bodies are its cousins, not its siblings, and are as
            // much the page's text.
            chosen.extend(other_posts_bodies(dom, &marks, &stats, main));
            chosen.sort_unstable();
            chosen.dedup();
        }
        let shape = Shape {
            page_text,
            page_link,
            page_para,
            main_text: stats[main].text,
            main_link: stats[main].link,
            main_para: stats[main].para,
            main_commas: stats[main].commas,
            thread_page,
            thread_text: thread_plain,
            main_is_page: matches!(dom.nodes[main].tag, "body" | "html" | ROOT_TAG),
        };
        Analysis {
            marks,
            chosen,
            main,
            listing,
            shape,
        }
    }

    /// Whether any chosen container is the page itself rather than an article element.
    fn chosen_is_page(&self, dom: &Dom<'_>) -> bool {
        self.chosen
            .iter()
            .any(|&i| matches!(dom.nodes[i].tag, "body" | "html" | ROOT_TAG))
    }

    /// The page's `<h1>`s (first 8 with text, in document order, each as its lines: a line
    /// break or an element set as a block inside it starts a new one), and which one titles the
    /// article by position alone: inside the chosen text, else the nearest before it, else the
    /// first.
    pub fn h1s(&self, dom: &Dom<'_>) -> (Vec<String>, Option<usize>) {
        let is_page = self.chosen_is_page(dom);
        let mut out: Vec<String> = Vec::new();
        let (mut inside, mut before) = (None, None);
        for i in 0..dom.len() {
            if dom.nodes[i].tag != "h1" || self.marks[i] == Mark::Removed {
                continue;
            }
            let text = dom.text_lines_of(i, 400);
            if text.is_empty() {
                continue;
            }
            let within = !is_page && self.chosen.iter().any(|&c| dom.contains(c, i));
            if within {
                inside.get_or_insert(out.len());
            } else if i < self.main {
                before = Some(out.len());
            }
            out.push(text);
            if out.len() == 8 {
                break;
            }
        }
        let first = (!out.is_empty()).then_some(0);
        let pick = if is_page {
            first
        } else {
            inside.or(before).or(first)
        };
        (out, pick)
    }

    /// The `<h1>`s in parts of the page removed as furniture (first 4 with text): a headline
    /// printed in a header bar named like page furniture is still the headline when the
    /// metadata agrees with it.
    pub fn furniture_h1s(&self, dom: &Dom<'_>) -> Vec<String> {
        (0..dom.len())
            .filter(|&i| dom.nodes[i].tag == "h1" && self.marks[i] == Mark::Removed)
            .map(|i| dom.text_lines_of(i, 400))
            .filter(|t| !t.is_empty())
            .take(4)
            .collect()
    }

    /// Reads the chosen containers out as blocks, in document order.
    pub fn blocks(&self, dom: &Dom<'_>) -> Vec<Block> {
        self.read_chosen(dom, |_| self.listing)
    }

    /// Reads the chosen containers out with their links as content, as a list of cards is
    /// read: for pages whose lists of links are their text (documentation's contents).
    pub fn blocks_with_links(&self, dom: &Dom<'_>) -> Vec<Block> {
        self.read_chosen(dom, Some)
    }

    /// Reads each chosen container out, in document order, with the element whose links are
    /// content inside it (`list_in(root)`).
    fn read_chosen(&self, dom: &Dom<'_>, list_in: impl Fn(usize) -> Option<usize>) -> Vec<Block> {
        let keep_headers = !self.chosen_is_page(dom);
        let mut c = Collector::default();
        for &root in &self.chosen {
            c.list = list_in(root);
            collect(dom, &self.marks, root, keep_headers, &mut c);
        }
        c.flush();
        c.blocks
    }

    /// Every block of the page, for when the chosen container reads as empty.
    pub fn page_blocks(&self, dom: &Dom<'_>) -> Vec<Block> {
        let mut c = Collector::default();
        collect(dom, &self.marks, 0, false, &mut c);
        c.flush();
        c.blocks
    }
}

/// Cuts the text at a rail of teasers' excerpts (kept at `excerpts`, in order) that makes up its
/// end: two or more excerpts, holding two thirds of what follows the first of them, after an
/// article at least half as long as all that (a short story may carry a long rail; on a page
/// of cards, they start the text). A heading right above the first excerpt is the rail's.
fn cut_excerpts_rail(kept: &mut Vec<Block>, excerpts: &[usize]) {
    let (Some(&first), true) = (excerpts.first(), excerpts.len() >= 2) else {
        return;
    };
    let (Some(before), Some(after)) = (kept.get(..first), kept.get(first..)) else {
        return;
    };
    let before: usize = before.iter().map(|b| b.chars).sum();
    let after: usize = after.iter().map(|b| b.chars).sum();
    let in_excerpts: usize = excerpts
        .iter()
        .filter_map(|&k| kept.get(k))
        .map(|b| b.chars)
        .sum();
    if before * 2 >= after && in_excerpts * 3 >= after * 2 {
        let start = match first.checked_sub(1) {
            Some(k) if matches!(kept[k].kind, BlockKind::Heading(_)) => k,
            _ => first,
        };
        kept.truncate(start);
    }
}

/// What kind of block a paragraph came from.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum BlockKind {
    #[default]
    Para,
    Heading(u8),
    Item,
    Quote,
    Pre,
}

/// One paragraph of output.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
    /// Non-whitespace characters.
    pub chars: usize,
    /// Non-whitespace characters inside links.
    pub link_chars: usize,
    /// Non-whitespace characters before its first link: the words a sentence opens with
    /// before it links some of the rest.
    pub lead_chars: usize,
    /// Whether it lies in the page's list of cards, where links are content.
    pub in_list: bool,
    /// Whether it lies in a table's cell, where the same value often stands twice in a row.
    pub in_cell: bool,
    /// Whether that cell is in a table of data (one with header cells), where a link is a
    /// value of the table (a ticker symbol, a name), not a way off the page.
    pub in_data_table: bool,
    /// Whether it is a rail's heading whose links all went: it goes too, unless it starts the
    /// rails that the text is cut at (then they go with it).
    pub titles_links: bool,
}

#[derive(Default)]
struct Collector {
    blocks: Vec<Block>,
    buf: String,
    chars: usize,
    link_chars: usize,
    lead_chars: usize,
    kind: BlockKind,
    pending_space: bool,
    /// The link that has just closed, with nothing read since: a link that opens now apart
    /// from it ([`Dom::links_apart`]) does not run its words into the last one's
    /// (`<a>Sci-fi</a><a>Early Access</a>`).
    link_closed: Option<usize>,
    link_depth: usize,
    pre_depth: usize,
    /// Table cells (`<td>`, `<th>`) open around the text being read.
    cell_depth: usize,
    /// The tables open around the text being read, innermost last: whether each is a table of
    /// data (it has header cells, two at least), not a layout's grid.
    tables: Vec<bool>,
    /// The page's list of cards, and whether the node being read lies inside it.
    list: Option<usize>,
    inside_list: bool,
    block_in_list: bool,
}

impl Collector {
    fn push_text(&mut self, text: &str) {
        if !text.is_empty() {
            self.link_closed = None;
        }
        if self.pre_depth > 0 {
            for c in text.chars() {
                if is_invisible_char(c) {
                    continue;
                }
                if c == '\n' || !c.is_whitespace() || c == ' ' || c == '\t' {
                    self.buf.push(if c == '\t' { ' ' } else { c });
                }
                if !c.is_whitespace() {
                    self.count(1);
                }
            }
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else if !is_invisible_char(c) {
                if self.pending_space && !self.buf.is_empty() && !self.buf.ends_with('\n') {
                    self.buf.push(' ');
                }
                self.pending_space = false;
                self.buf.push(c);
                self.count(1);
            }
        }
    }

    fn count(&mut self, n: usize) {
        self.chars += n;
        self.block_in_list |= self.inside_list;
        if self.link_depth > 0 {
            self.link_chars += n;
        } else if self.link_chars == 0 {
            self.lead_chars += n;
        }
    }

    /// `<br>`: a line break; two in a row end the paragraph.
    fn line_break(&mut self) {
        let trimmed = self.buf.trim_end_matches(' ');
        if trimmed.ends_with('\n') {
            self.flush();
        } else if !trimmed.is_empty() {
            let len = trimmed.len();
            self.buf.truncate(len);
            self.buf.push('\n');
        }
        self.pending_space = false;
    }

    fn flush(&mut self) {
        let text = if self.kind == BlockKind::Pre || self.pre_depth > 0 {
            let lines: Vec<&str> = self.buf.lines().map(str::trim_end).collect();
            let start = lines.iter().position(|l| !l.trim().is_empty());
            let end = lines.iter().rposition(|l| !l.trim().is_empty());
            match (start, end) {
                (Some(s), Some(e)) => lines[s..=e].join("\n"),
                _ => String::new(),
            }
        } else {
            self.buf
                .split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        if !text.is_empty() && self.chars > 0 {
            self.blocks.push(Block {
                text,
                kind: self.kind,
                chars: self.chars,
                link_chars: self.link_chars,
                lead_chars: self.lead_chars,
                in_list: self.block_in_list,
                in_cell: self.cell_depth > 0,
                in_data_table: self.cell_depth > 0 && self.tables.last() == Some(&true),
                titles_links: false,
            });
        }
        self.block_in_list = false;
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
        self.lead_chars = 0;
        self.pending_space = false;
    }
}

fn block_kind(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "h1" => BlockKind::Heading(1),
        "h2" => BlockKind::Heading(2),
        "h3" => BlockKind::Heading(3),
        "h4" => BlockKind::Heading(4),
        "h5" => BlockKind::Heading(5),
        "h6" => BlockKind::Heading(6),
        "li" | "dt" | "dd" => BlockKind::Item,
        "blockquote" => BlockKind::Quote,
        "pre" => BlockKind::Pre,
        "p" => BlockKind::Para,
        _ => return None,
    })
}

/// Walks one subtree in document order with an explicit stack of open elements, emitting
/// blocks at block boundaries.
fn collect(dom: &Dom<'_>, marks: &[Mark], root: usize, keep_headers: bool, c: &mut Collector) {
    // Open elements: (end index, tag, kind to restore when it closes).
    let mut open: Vec<(usize, &str, BlockKind, bool, usize)> = Vec::new();
    let end = dom.nodes[root].end.max(root + 1);
    let mut i = root;
    while i < end {
        while let Some(&(e, tag, restore, set_apart, node)) = open.last() {
            if e > i {
                break;
            }
            open.pop();
            close(c, tag, restore, set_apart, node);
        }
        let skip = match marks[i] {
            Mark::Removed => true,
            Mark::Header => !keep_headers,
            Mark::Keep => false,
        };
        if skip {
            i = dom.nodes[i].end.max(i + 1);
            continue;
        }
        let node = &dom.nodes[i];
        c.inside_list = c.list.is_some_and(|l| dom.contains(l, i));
        if node.el.is_none() && i != 0 {
            c.push_text(node.text);
            i += 1;
            continue;
        }
        let tag = node.tag;
        match tag {
            "br" => c.line_break(),
            "hr" => c.flush(),
            "td" | "th" => c.pending_space = true,
            "img" => {}
            _ => {}
        }
        // An inline element set as a block by its class (`<span class="block">`) stands
        // apart from the words around it, as the reader sees it.
        let set_apart = !is_block_tag(tag) && dom.displays_as_block(i);
        if set_apart {
            c.pending_space = true;
        }
        let restore = c.kind;
        if is_block_tag(tag) {
            c.flush();
            if let Some(kind) = block_kind(tag) {
                c.kind = kind;
            }
        }
        if tag == "a" {
            c.link_depth += 1;
            if c.link_closed.is_some_and(|last| dom.links_apart(last, i)) {
                c.pending_space = true;
            }
        }
        if tag == "pre" {
            c.pre_depth += 1;
        }
        if matches!(tag, "td" | "th") {
            c.cell_depth += 1;
        }
        if tag == "table" {
            // Two header cells at least: one over a column of links titles a list of them
            // ("Related articles"), and is no table of data.
            c.tables.push(
                (i + 1..node.end)
                    .filter(|&k| dom.nodes[k].tag == "th")
                    .nth(1)
                    .is_some(),
            );
        }
        open.push((node.end.max(i + 1), tag, restore, set_apart, i));
        i += 1;
    }
    while let Some((_, tag, restore, set_apart, node)) = open.pop() {
        close(c, tag, restore, set_apart, node);
    }
}

/// Closes element `node`, named `tag`.
fn close(c: &mut Collector, tag: &str, restore: BlockKind, set_apart: bool, node: usize) {
    if set_apart {
        c.pending_space = true;
    }
    if tag == "a" {
        c.link_depth = c.link_depth.saturating_sub(1);
        c.link_closed = Some(node);
    }
    if is_block_tag(tag) {
        c.flush();
        c.kind = restore;
    }
    if tag == "pre" {
        c.pre_depth = c.pre_depth.saturating_sub(1);
    }
    if matches!(tag, "td" | "th") {
        c.cell_depth = c.cell_depth.saturating_sub(1);
    }
    if tag == "table" {
        c.tables.pop();
    }
}

/// Whether a block is a line of links that goes from the text: mostly links, outside the
/// page's list of cards (where links are content) and outside a table of data (where a link
/// is a value).
fn is_link_line(b: &Block) -> bool {
    mostly_links(b) && !b.in_list && !b.in_data_table
}

/// Whether more than half of a block's text is link text, and it does not read as a sentence
/// of the text that links its second half ("The suspect was convicted and <a>sentenced to
/// life last week</a>."): a paragraph that opens with words of its own and ends as a sentence
/// does.
fn mostly_links(b: &Block) -> bool {
    b.link_chars * 2 > b.chars
        && !(b.kind == BlockKind::Para
            && b.lead_chars >= LINKED_SENTENCE_LEAD
            && ends_sentence(&b.text))
}

/// Characters a paragraph must open with, outside links, to read as a sentence of the text
/// rather than a teaser with a label ("Related: <a>…</a>", "Read the story at <a>…</a>").
const LINKED_SENTENCE_LEAD: usize = 25;

/// Longest item of a bar above the headline (a ticker's "Sensex: 40627.23+157.53").
const BAR_ITEM_MAX: usize = 40;

/// Longest heading that may title a module of links.
const LINK_MODULE_TITLE_MAX: usize = 60;

/// Drops the heading kept last when all that followed it, up to the block now kept or the end,
/// went as links, more of them than the heading has characters: it titled a module of links
/// ("More:" over a list of other stories, "Trending News" over its teasers) and, left alone,
/// reads as a stray line of the text. A rail's heading ("Related stories") is only marked
/// here: it may mark where the page's rails begin, and the cut below takes it and what follows;
/// where it cuts nothing, it goes alone after the cut.
fn drop_link_module_title(kept: &mut Vec<Block>, titling: &mut bool, dropped: usize) {
    if !std::mem::take(titling) {
        return;
    }
    if let Some(h) = kept.last_mut().filter(|h| dropped > h.chars) {
        if is_rail_heading(h.text.trim()) {
            h.titles_links = true;
        } else {
            kept.pop();
        }
    }
}

/// Turns blocks into the final text: drops furniture lines, link lists and the title, trims
/// short labels at either end, and joins paragraphs with a blank line.
pub fn render(blocks: Vec<Block>, title: Option<&str>) -> String {
    let title_key = title.map(normalize_key).filter(|t| !t.is_empty());
    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    // Whether the blocks since the last sign-up pitch all went on selling it.
    let mut after_pitch = false;
    // Where the title is printed among the kept blocks.
    let mut title_at: Option<usize> = None;
    // Each block read once for a template's placeholder; it goes only beside real text.
    let placeholder: Vec<bool> = blocks
        .iter()
        .map(|b| is_placeholder(b.text.trim()))
        .collect();
    let placeholders_beside_text = placeholder.iter().any(|&p| p)
        && blocks
            .iter()
            .zip(&placeholder)
            .any(|(b, &p)| b.kind == BlockKind::Para && b.chars >= 100 && !p);
    // Teasers' excerpts: a paragraph cut off with an ellipsis right under a linked title
    // that went as a link line. Where they make up the end of the text, after at least half as
    // much of the article as they hold, they are a rail of cards (other stories, each title over the
    // first lines of its text), cut below; on a page of cards they are its content.
    let excerpt: Vec<bool> = (0..blocks.len())
        .map(|n| {
            n > 0
                && blocks[n].kind == BlockKind::Para
                && is_cut_short(blocks[n].text.trim())
                && is_link_line(&blocks[n - 1])
        })
        .collect();
    // Where each excerpt was kept.
    let mut excerpts_kept: Vec<usize> = Vec::new();
    // Whether the block kept last is a heading whose blocks since have all been dropped as
    // links, with their characters: the title of a module of links ("More:", "Trending News").
    let mut titling_links = false;
    let mut dropped_links = 0usize;
    for (n, block) in blocks.into_iter().enumerate() {
        if is_link_line(&block) {
            // A section's list of resources: items under one of the text's own headings,
            // each a link with words of its own ("<a>Tuning</a> by Greg Smith").
            let under_heading = block.kind == BlockKind::Item
                && block.link_chars < block.chars
                && kept.last().is_some_and(|b: &Block| match b.kind {
                    BlockKind::Heading(_) => !is_rail_heading(b.text.trim()),
                    BlockKind::Item => mostly_links(b),
                    _ => false,
                });
            if !under_heading {
                if titling_links {
                    dropped_links += block.link_chars;
                }
                continue;
            }
        }
        drop_link_module_title(&mut kept, &mut titling_links, dropped_links);
        let short = block.chars < 100;
        let is_heading = matches!(block.kind, BlockKind::Heading(_));
        let text = block.text.trim();
        if short && !is_heading && boilerplate_re().is_match(text) {
            continue;
        }
        // The prompt over a comment form ("What do you think?", "Leave a reply"), heading or
        // not.
        if block.chars < 40 && is_comment_prompt(text) {
            continue;
        }
        // The label of a page's navigation: a table of contents ("In this article", "Jump to")
        // or its tag list, heading or not (its links go as link lines).
        if block.chars < 20 && is_navigation_label(text) {
            continue;
        }
        // A template's placeholder ("Lorem ipsum dolor sit amet …") beside real text is never
        // anyone's words; a page of nothing else (a template's demo, a test page) is its text.
        if placeholders_beside_text && placeholder[n] {
            continue;
        }
        // A script's state written into the page as text (a hidden `<div>` of JSON that a
        // widget reads) is data, never words for a reader; a code sample is set in `<pre>`.
        if block.kind != BlockKind::Pre && block.chars >= JSON_DATA_MIN && is_json_data(text) {
            continue;
        }
        // A bare address above the story is a share box's URL field, not text.
        let bare_url =
            !text.contains(' ') && (text.starts_with("http") || text.starts_with("www."));
        if bare_url && kept.len() < 3 {
            continue;
        }
        // Newsletter boxes: a sign-up pitch with its consent line, and the lines that go on
        // selling it ("The Replay is a weekly newsletter …", "Delivered once a week, …").
        if block.chars < 400 && is_signup_pitch(text) {
            after_pitch = true;
            continue;
        }
        if after_pitch && block.chars < 300 && sells_a_newsletter(text) {
            continue;
        }
        after_pitch = false;
        if block.chars < 400 && !is_heading && is_affiliate_disclosure(text) {
            continue;
        }
        if block.chars < 300 && (is_subscription_offer(text) || is_follow_line(text)) {
            continue;
        }
        if short
            && block.kind != BlockKind::Heading(2)
            && (is_date_line(&block.text) || is_meta_line(text))
        {
            continue;
        }
        if let Some(key) = &title_key {
            // Only a block about as long as the title can print it.
            let about_as_long = block.chars >= key.len() / 4 && block.chars <= 2 * key.len() + 20;
            if about_as_long && normalize_key(&block.text) == *key {
                title_at.get_or_insert(kept.len());
                if n < 8 || block.kind == BlockKind::Heading(1) {
                    continue;
                }
            }
        }
        if matches!(block.kind, BlockKind::Heading(2..=6)) && block.chars < LINK_MODULE_TITLE_MAX {
            titling_links = true;
            dropped_links = 0;
        }
        if excerpt[n] {
            excerpts_kept.push(kept.len());
        }
        kept.push(block);
    }
    drop_link_module_title(&mut kept, &mut titling_links, dropped_links);
    cut_excerpts_rail(&mut kept, &excerpts_kept);
    // The numerals of a ranked list whose items were links ("1", "2", "3", ...): a run
    // counting up from 1, each a block of its own.
    let numeral = |b: &Block| b.text.trim().parse::<u32>().ok();
    let mut k = 0;
    while k < kept.len() {
        if numeral(&kept[k]) == Some(1) {
            let mut run = 1;
            while k + run < kept.len() && numeral(&kept[k + run]) == Some(run as u32 + 1) {
                run += 1;
            }
            if run >= 3 {
                kept.drain(k..k + run);
                continue;
            }
        }
        k += 1;
    }
    // A furniture heading in the last third ("Most popular", "Related stories", "You may also
    // like", the writer's "About the Author" box) starts the page's rails, not more of the
    // article: it and what follows go. A shop's rail of other items ("Similar items") does so
    // anywhere past the first tenth: its cards can outweigh a short description.
    // A rail's heading is sometimes set as a short paragraph of its own (a styled `<p>`),
    // but a paragraph that ends in a colon is a label for what follows ("Recommended:" over a
    // game's system requirements).
    let heads_rail = |b: &Block| {
        let heading = match b.kind {
            BlockKind::Heading(_) => true,
            BlockKind::Para => !b.text.trim_end().ends_with(':'),
            _ => false,
        };
        heading && b.chars < 60 && is_rail_heading(b.text.trim())
    };
    let total: usize = kept.iter().map(|b| b.chars).sum();
    let mut seen = 0usize;
    let mut cut = None;
    for (k, b) in kept.iter().enumerate() {
        let late = seen * 3 >= total * 2;
        let past_opening = seen * 10 >= total;
        if k > 0
            && (late || past_opening)
            && heads_rail(b)
            && (late || is_shop_rail_heading(b.text.trim()))
        {
            cut = Some(k);
            break;
        }
        seen += b.chars;
    }
    if let Some(k) = cut {
        kept.truncate(k);
    }
    // A rail printed above the headline ("People who viewed this item also viewed" atop a
    // shop's item page) goes, up to the headline.
    if let Some(mut t) = title_at.filter(|&t| t <= kept.len()) {
        if let Some(r) = kept[..t].iter().position(heads_rail) {
            kept.drain(r..t);
            t = r;
        }
        // Nothing but short lines above the headline, list items among them: a bar of the
        // page's (a weather and market ticker, a section menu) and its labels, not the story's.
        let short = |b: &Block| b.chars < BAR_ITEM_MAX && !ends_sentence(&b.text);
        let above = &kept[..t];
        if above.iter().all(short) && above.iter().any(|b| b.kind == BlockKind::Item) {
            kept.drain(..t);
        }
    }
    kept.retain(|b| !b.titles_links);
    // Labels and bylines at the edges (a section name above the story, a lone credit below it).
    // A heading over running text opens the article's first part, however short it is.
    let is_label = |b: &Block| b.chars < 25 && !ends_sentence(&b.text) && b.kind != BlockKind::Item;
    let mut start = 0;
    while start + 1 < kept.len()
        && start < 3
        && is_label(&kept[start])
        && !(matches!(kept[start].kind, BlockKind::Heading(_))
            && kept[start + 1].kind == BlockKind::Para
            && !is_label(&kept[start + 1]))
    {
        start += 1;
    }
    let mut end = kept.len();
    let mut trimmed = 0;
    while end > start + 1
        && trimmed < 3
        && (is_label(&kept[end - 1]) || is_credit_line(&kept[end - 1]))
    {
        end -= 1;
        trimmed += 1;
    }
    let mut out = String::new();
    let mut last: Option<&Block> = None;
    for block in &kept[start..end] {
        // The same paragraph twice in a row is a layout artefact (mobile and desktop copies).
        // Copies have as many characters; only then are their words compared. A table's
        // cells repeat their values ("0", "0", "0" along a row of standings) and stay.
        if !block.in_cell
            && last.is_some_and(|l| {
                l.chars == block.chars && normalize_key(&l.text) == normalize_key(&block.text)
            })
        {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&block.text);
        last = Some(block);
    }
    out
}

/// The credits a wire story ends with ("(Reporting by A; Editing by B)", "C contributed
/// reporting from Paris."): who worked on the text, not the text.
fn is_credit_line(b: &Block) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    b.chars < 400
        && RE
            .get_or_init(|| {
                Regex::new(
                    r"(?i)^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|research)\s+by\s+\p{Lu}|(?-u:\b)contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))(?-u:\b)",
                )
                .expect("valid regex")
            })
            .is_match(b.text.trim())
}

#[cfg(test)]
mod counting {
    use super::{count_text, is_visible_char};

    /// The byte-wise count agrees with counting characters one by one, whatever the mix of
    /// ASCII, other scripts, invisible marks and every kind of whitespace.
    #[test]
    fn counts_visible_characters_and_commas_as_characters_do() {
        let reference = |text: &str| {
            let visible = text.chars().filter(|c| is_visible_char(*c));
            let commas = visible
                .clone()
                .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
                .count();
            (visible.count() as u32, commas as u32)
        };
        for text in [
            "",
            "Harbour lights, all of them, are back.",
            "\t\n\u{0b}\u{0c}\r a\u{a0}b\u{2003}c\u{3000}",
            "zero\u{200b}width\u{feff}soft\u{ad}hyphen",
            "东京、大阪，名古屋",
            "ÉCLAIRAGE, phares — « rallumés » ، ٢٠٢٤",
            "emoji 🚀, and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        ] {
            assert_eq!(count_text(text), reference(text), "{text:?}");
        }
        assert_eq!(count_text("a, b ,c"), (5, 2));
    }
}
