//! A flat, pre-order copy of the parsed tree.
//!
//! Every later pass (pruning, scoring, collecting text, reading metadata) walks this array with
//! plain loops instead of recursion: a page of 100,000 nested `<div>`s must not overflow the
//! stack, and a 20 MB page must stay linear. In pre-order a node's subtree is the contiguous
//! range `index..end`, so skipping a subtree is one assignment and bottom-up sums are one
//! reverse loop.

use scraper::node::Element;
use scraper::{Html, Node as ScraperNode};

/// An attribute's value by its (lowercase) name.
///
/// `Element::attr` turns the name into an interned atom (a hash and a lock-free table lookup)
/// on every call; elements have a handful of attributes, so comparing their names as strings is
/// several times cheaper, and the passes here ask for attributes of every element.
pub fn attr_of<'e>(el: &'e Element, name: &str) -> Option<&'e str> {
    el.attrs().find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// Marks the synthetic root (the document node), which has no tag of its own.
pub const ROOT_TAG: &str = "#root";

/// One element or text node.
pub struct Node<'a> {
    /// Lowercase local name for elements, `""` for text.
    pub tag: &'a str,
    /// The text of a text node, `""` for elements.
    pub text: &'a str,
    /// The element, for attribute lookups.
    pub el: Option<&'a Element>,
    /// Index of the parent; the root is its own parent.
    pub parent: usize,
    /// One past the last index of this node's subtree.
    pub end: usize,
    /// `class`, `id` and `role`, read once: every pass asks for them.
    pub names: [Option<&'a str>; 3],
}

/// The attributes kept in [`Node::names`], in order.
const NAME_ATTRS: [&str; 3] = ["class", "id", "role"];

fn names_of(el: &Element) -> [Option<&str>; 3] {
    let mut out = [None; 3];
    for (k, v) in el.attrs() {
        if let Some(slot) = NAME_ATTRS.iter().position(|n| *n == k) {
            out[slot].get_or_insert(v);
        }
    }
    out
}

/// The document as a pre-order array; index 0 is the document root.
pub struct Dom<'a> {
    pub nodes: Vec<Node<'a>>,
}

/// Whether a text is the mark of a heading's permalink (`<a class="headerlink"
/// href="#usage">¶</a>`, as documentation generators print after every heading): a link to a
/// place in the page whose whole text is one symbol. It is not part of the heading's words.
fn is_permalink_mark(text: &str, parent: Option<&Element>) -> bool {
    matches!(text.trim(), "¶" | "§" | "#" | "🔗" | "⚓")
        && parent.is_some_and(|el| {
            el.name() == "a"
                && el
                    .attr("href")
                    .is_some_and(|h| h.trim_start().starts_with('#'))
        })
}

impl<'a> Dom<'a> {
    /// Flattens a parsed document. Comments, doctypes and processing instructions are left
    /// out: they carry no article text.
    pub fn new(doc: &'a Html) -> Self {
        let root = doc.tree.root();
        // Sized once from the parsed tree (comments and doctypes included, so never short):
        // growing a vector of a page's nodes by doubling copies it a dozen times.
        let mut nodes: Vec<Node<'a>> = Vec::with_capacity(doc.tree.nodes().size_hint().0 + 1);
        nodes.push(Node {
            tag: ROOT_TAG,
            text: "",
            el: None,
            parent: 0,
            end: 0,
            names: [None; 3],
        });
        // Open arena entries, innermost last; `None` for tree nodes that have no entry.
        let mut open: Vec<Option<usize>> = vec![Some(0)];
        let mut node = match root.first_child() {
            Some(child) => child,
            None => {
                nodes[0].end = 1;
                return Dom { nodes };
            }
        };
        loop {
            let parent = open.iter().rev().find_map(|x| *x).unwrap_or(0);
            let entry = match node.value() {
                ScraperNode::Element(el) => Some(Node {
                    tag: el.name(),
                    text: "",
                    el: Some(el),
                    parent,
                    end: 0,
                    names: names_of(el),
                }),
                ScraperNode::Text(text) => Some(Node {
                    tag: "",
                    text: if is_permalink_mark(text, nodes[parent].el) {
                        ""
                    } else {
                        text
                    },
                    el: None,
                    parent,
                    end: 0,
                    names: [None; 3],
                }),
                _ => None,
            };
            let index = entry.map(|e| {
                nodes.push(e);
                nodes.len() - 1
            });
            open.push(index);
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            // Close this node and every ancestor that has no next sibling.
            loop {
                if let Some(Some(i)) = open.pop() {
                    nodes[i].end = nodes.len();
                }
                if let Some(next) = node.next_sibling() {
                    node = next;
                    break;
                }
                match node.parent() {
                    Some(p) if p.parent().is_some() => node = p,
                    _ => {
                        // Back at the document node: close whatever is still open.
                        let len = nodes.len();
                        while let Some(entry) = open.pop() {
                            if let Some(i) = entry {
                                nodes[i].end = len;
                            }
                        }
                        return Dom { nodes };
                    }
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn attr(&self, i: usize, name: &str) -> Option<&'a str> {
        match NAME_ATTRS.iter().position(|n| *n == name) {
            Some(slot) => self.nodes[i].names[slot],
            None => self.nodes[i].el.and_then(|e| attr_of(e, name)),
        }
    }

    /// Whether the element's class is a utility class that displays it as a block
    /// (Tailwind's `block`, `flex`, `grid`; Bootstrap's `d-block`, `d-flex`, `d-grid`): a
    /// `<span class="block">` inside a headline is a line of its own on screen, though the
    /// markup runs its words into the ones before it (`Alternatives<span class="block">Top`).
    pub fn displays_as_block(&self, i: usize) -> bool {
        self.attr(i, "class").is_some_and(|class| {
            class.split_ascii_whitespace().any(|w| {
                matches!(
                    w,
                    "block" | "flex" | "grid" | "d-block" | "d-flex" | "d-grid"
                )
            })
        })
    }

    /// Whether link `next`, set right after link `last` with nothing between them, is another
    /// link beside it (tags, buttons, writers set apart by style), not a piece of the same one:
    /// editors cut one link in pieces (`<a href=X>Arte</a><a href=X>mis moon</a>`), and those
    /// go to one address.
    pub fn links_apart(&self, last: usize, next: usize) -> bool {
        self.attr(last, "href") != self.attr(next, "href")
    }

    pub fn is_element(&self, i: usize) -> bool {
        self.nodes[i].el.is_some()
    }

    /// Indices of the direct children of `i`.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[i].end;
        let mut next = i + 1;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let current = next;
            next = self.nodes[current].end.max(current + 1);
            Some(current)
        })
    }

    /// Ancestors of `i`, nearest first, excluding `i` and ending at the root.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut current = i;
        std::iter::from_fn(move || {
            if current == 0 {
                return None;
            }
            current = self.nodes[current].parent;
            Some(current)
        })
    }

    /// The element sibling just before `i`, found by climbing from the node before it (the
    /// sibling's last descendant) rather than by walking the parent's children from the first,
    /// so that a list of thousands of items costs no more than its depth per item.
    pub fn previous_element_sibling(&self, i: usize) -> Option<usize> {
        let parent = self.nodes[i].parent;
        let mut at = i;
        loop {
            if at == 0 || at - 1 == parent {
                return None;
            }
            let mut k = at - 1;
            while self.nodes[k].parent != parent {
                k = self.nodes[k].parent;
                if k == 0 {
                    return None;
                }
            }
            if self.is_element(k) {
                return Some(k);
            }
            at = k;
        }
    }

    /// Whether `inner` lies inside the subtree of `outer` (or is `outer`).
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        outer <= inner && inner < self.nodes[outer].end
    }

    /// `class`, `id` and `role` of an element, lowercased and joined, for pattern matching.
    pub fn class_id(&self, i: usize) -> String {
        let mut s = String::new();
        self.class_id_into(i, &mut s);
        s
    }

    /// [`Dom::class_id`] into a buffer that is cleared first, for loops over every element.
    pub fn class_id_into(&self, i: usize, s: &mut String) {
        s.clear();
        // The names matched against are ASCII: lowercasing in place saves a copy per element.
        for v in self.nodes[i].names.into_iter().flatten() {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(v);
        }
        s.make_ascii_lowercase();
    }

    /// The text of a subtree with whitespace collapsed, cut off after about `max_chars`.
    ///
    /// Block elements and `<br>` count as whitespace, so `<div>A</div><div>B</div>` reads
    /// `A B`, while inline tags join (`U.S.<sup>1</sup>` stays `U.S.1`).
    pub fn text_of(&self, i: usize, max_chars: usize) -> String {
        self.text_with_breaks(i, max_chars, false)
    }

    /// [`Dom::text_of`] with a line break, not a space, where a block element or `<br>`
    /// separates text: a byline box's name and job title are then two lines, not one name.
    pub fn text_lines_of(&self, i: usize, max_chars: usize) -> String {
        self.text_with_breaks(i, max_chars, true)
    }

    fn text_with_breaks(&self, i: usize, max_chars: usize, lines: bool) -> String {
        let mut out = String::new();
        let mut chars = 0;
        let mut pending_space = false;
        let mut pending_break = false;
        let end = self.nodes[i].end.max(i + 1);
        // Ends of the block elements open around the current node: text after a block closes
        // starts a new line too (`<p>Jane Doe</p><small>May 1</small>`).
        let mut open_blocks: Vec<usize> = Vec::new();
        // The last link and where it ended, while nothing has been read after it: a link to
        // another address that starts there is another one beside it (`<a>Jane Doe</a><a>John
        // Roe</a>`), not more of the same words.
        let mut link_closed_at: Option<(usize, usize)> = None;
        for (k, node) in self.nodes[i + 1..end.min(self.nodes.len())]
            .iter()
            .enumerate()
        {
            let k = i + 1 + k;
            while open_blocks.last().is_some_and(|&e| e <= k) {
                open_blocks.pop();
                pending_space = true;
                pending_break = lines;
            }
            if node.el.is_some() {
                // Buttons sit side by side without spaces in the markup
                // (`<button>Follow</button><button>Share</button>`) but read as two words.
                if node.tag == "button" {
                    pending_space = true;
                }
                if node.tag == "a" {
                    if link_closed_at
                        .is_some_and(|(last, end)| end <= k && self.links_apart(last, k))
                    {
                        pending_space = true;
                    }
                    link_closed_at = Some((k, node.end.max(k + 1)));
                }

                if super::content::is_block_tag(node.tag)
                    || node.tag == "br"
                    || self.displays_as_block(k)
                {
                    pending_space = true;
                    pending_break = lines;
                    if node.end > k + 1 && open_blocks.len() < 64 {
                        open_blocks.push(node.end);
                    }
                }
                continue;
            }
            // Style sheets and scripts set inside an element (CSS-in-JS puts a `<style>` in the
            // headline) are not its words.
            if matches!(
                self.nodes[node.parent].tag,
                "style" | "script" | "template" | "noscript"
            ) {
                continue;
            }
            if !node.text.is_empty() && link_closed_at.is_some_and(|(_, end)| end <= k) {
                link_closed_at = None;
            }
            for c in node.text.chars() {
                if c.is_whitespace() {
                    pending_space = true;
                } else if !super::content::is_invisible_char(c) {
                    if pending_break && !out.is_empty() {
                        out.push('\n');
                    } else if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    pending_break = false;
                    out.push(c);
                    chars += 1;
                }
            }
            if chars > max_chars {
                break;
            }
        }
        out
    }
}
