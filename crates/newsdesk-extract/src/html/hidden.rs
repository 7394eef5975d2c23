//! What readers do not see, and what they see only on a click: an element hidden by its
//! attributes, its style or a class that hides it, a popover, the page behind a dialog; and
//! the collapsed panels that a control on the page opens (an accordion's steps, an FAQ's
//! answers), which are the page's text though hidden at first.

use super::dom::Dom;

/// Whether element `i` is, or holds, a heading or a question: the title of what a control
/// opens (an FAQ's question set as a button), not a control's label.
pub(super) fn question_or_heading(dom: &Dom<'_>, i: usize) -> bool {
    let end = dom.nodes[i].end.min(dom.len());
    (i..end).any(|k| {
        matches!(
            dom.nodes[k].tag,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dt"
        )
    }) || dom.text_of(i, 200).trim_end().ends_with('?')
}

/// The ids of the parts a control on the page opens and closes (`aria-controls`): an
/// accordion's panels, a tab's content, a menu.
pub(super) fn disclosure_panels<'a>(dom: &Dom<'a>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = (0..dom.len())
        .filter(|&i| dom.is_element(i))
        .filter_map(|i| dom.attr(i, "aria-controls"))
        .flat_map(str::split_whitespace)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Whether a hidden element is a collapsed panel that its heading opens (an FAQ's answer, a
/// guide's steps): named by a control's `aria-controls`, or a region labelled by its heading.
/// Its text is the page's, shown on a click; whether it is furniture (a menu) is for its name
/// and role to say, as for any other element.
pub(super) fn is_panel(dom: &Dom<'_>, i: usize, panels: &[&str]) -> bool {
    const PANEL_NAMES: [&str; 9] = [
        "accordion",
        "collaps",
        "expander",
        "expandable",
        "faq",
        "answer",
        "tabpanel",
        "tab-pane",
        "tab-content",
    ];
    dom.attr(i, "id")
        .is_some_and(|id| panels.binary_search(&id).is_ok())
        || dom.attr(i, "role") == Some("tabpanel")
        || (dom.attr(i, "aria-labelledby").is_some() && dom.attr(i, "role") == Some("region"))
        || dom.attr(i, "class").is_some_and(|c| {
            let c = c.to_ascii_lowercase();
            PANEL_NAMES.iter().any(|n| c.contains(n))
        })
        || follows_its_toggle(dom, i)
}

/// Whether a tab list holds the panels its tabs open, not just the tabs: an element with the
/// `tabpanel` role, or one whose `id` a tab inside names in `aria-controls` (Bootstrap's
/// accordions set `role="tablist"` on the whole group and do not always give the panels a role).
pub(super) fn holds_its_panels(dom: &Dom<'_>, i: usize) -> bool {
    let inside = i + 1..dom.nodes[i].end;
    if inside.clone().any(|k| {
        dom.attr(k, "role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("tabpanel"))
    }) {
        return true;
    }
    let mut controlled: Vec<&str> = inside
        .clone()
        .filter_map(|k| dom.attr(k, "aria-controls"))
        .flat_map(str::split_whitespace)
        .collect();
    controlled.sort_unstable();
    !controlled.is_empty()
        && inside
            .filter_map(|k| dom.attr(k, "id"))
            .any(|id| controlled.binary_search(&id).is_ok())
}

/// Nodes of a toggle's subtree searched for its `aria-expanded`: a heading around a button
/// around an icon and a label, not a block of content.
const TOGGLE_NODES: usize = 24;

/// Whether the element comes right after the control that opens it: a small sibling just before
/// it that is or holds a button saying whether it is expanded (`aria-expanded`), the ARIA
/// accordion's heading, which need not name its panel with `aria-controls`. A button that
/// opens a popup (`aria-haspopup`) opens a menu of actions, not a part of the text.
fn follows_its_toggle(dom: &Dom<'_>, i: usize) -> bool {
    dom.previous_element_sibling(i).is_some_and(|p| {
        let end = dom.nodes[p].end.max(p + 1);
        end - p <= TOGGLE_NODES
            && (p..end).any(|k| {
                dom.attr(k, "aria-expanded").is_some()
                    && dom.attr(k, "aria-haspopup").is_none_or(|h| h == "false")
                    && (matches!(dom.nodes[k].tag, "button" | "summary")
                        || dom.attr(k, "role") == Some("button")
                        || (dom.nodes[k].tag == "a" && goes_nowhere(dom, k)))
            })
    })
}

/// Whether a link leads nowhere but runs a script or jumps within the page (`javascript:void(0)`,
/// `#`): a button set as a link.
fn goes_nowhere(dom: &Dom<'_>, a: usize) -> bool {
    dom.attr(a, "href").is_some_and(|h| {
        let h = h.trim();
        h.is_empty()
            || h == "#"
            || h.get(..11)
                .is_some_and(|p| p.eq_ignore_ascii_case("javascript:"))
    })
}

/// Whether the element is hidden from readers; hidden text is never the article.
pub(super) fn is_hidden(dom: &Dom<'_>, i: usize) -> bool {
    if dom.attr(i, "hidden").is_some() {
        // React's streamed segments (`<div hidden id="S:3">`) are moved into the page by a
        // script as soon as they arrive: they are the page, not hidden from it.
        return !dom.attr(i, "id").is_some_and(|id| id.starts_with("S:"));
    }
    dom.attr(i, "aria-hidden") == Some("true") || hidden_from_the_eye(dom, i)
}

/// Whether the element is hidden from sight, not only from screen readers: a popover, which
/// shows only when a control opens it (a menu, a card, an app's install prompt), or a style
/// that hides it. (The `hidden` attribute is [`is_hidden`]'s to read.)
fn hidden_from_the_eye(dom: &Dom<'_>, i: usize) -> bool {
    if dom.attr(i, "popover").is_some() {
        return true;
    }
    dom.attr(i, "style").is_some_and(|style| {
        // Most styles say neither word: no copy for them.
        let b = style.as_bytes();
        let has = |w: &[u8]| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
        if !has(b"none") && !has(b"hidden") {
            return false;
        }
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether an element is hidden only from screen readers (`aria-hidden`, no style or
/// attribute that hides it from the eye) and is or holds the page's `<main>` part: what a
/// dialog's script does to the page behind it. (A headline alone says less: menus print
/// `<h1>`s too, and hide them so.)
pub(super) fn behind_dialog(dom: &Dom<'_>, i: usize) -> bool {
    dom.attr(i, "aria-hidden") == Some("true")
        && dom.attr(i, "hidden").is_none()
        && !hidden_from_the_eye(dom, i)
        && (i..dom.nodes[i].end).any(|k| dom.nodes[k].tag == "main")
}

/// Characters an element hidden by its class alone must hold to be read as hidden.
pub(super) const CLASS_HIDDEN_MIN: u32 = 2000;

/// Whether a class list hides its element on every screen: a CSS framework's hiding class
/// (`hide`, `hidden`, `d-none`, `is-hidden`) with no variant that shows it on some screens
/// (`hidden md:block`, `d-none d-lg-block`, `hide hide@medium`). Sites ship a second copy of
/// the article this way, for the layout they do not use.
pub(super) fn hidden_by_class(class: &str) -> bool {
    let mut hides = false;
    for token in class.split_ascii_whitespace() {
        if token.contains([':', '@']) {
            return false;
        }
        if let Some(rest) = token.strip_prefix("d-") {
            if rest != "none" {
                return false;
            }
        }
        hides |= matches!(token, "hide" | "hidden" | "d-none" | "is-hidden");
    }
    hides
}

/// Characters a hidden block of structured data may hold: a few addresses, names and dates.
/// An article's body so marked up (`itemprop="articleBody"`) holds far more.
pub(super) const STRUCTURED_DATA_MAX: u32 = 600;

/// Nodes a hidden block of structured data may hold.
const STRUCTURED_DATA_NODES: usize = 200;

/// Whether all the text of element `i` is the values of microdata properties
/// (`<span itemprop="url">`, `itemprop="datePublished"`): what a theme prints in a hidden
/// block for search engines (the image's address and size, the publisher's name), never read.
pub(super) fn only_structured_data(dom: &Dom<'_>, i: usize) -> bool {
    let end = dom.nodes[i].end.min(dom.len());
    // A few properties take a few nodes; reading no further keeps nested hidden blocks from
    // each reading the whole depth below them.
    if end - i > STRUCTURED_DATA_NODES {
        return false;
    }
    let mut any = false;
    for k in i + 1..end {
        if dom.nodes[k].el.is_some() || dom.nodes[k].text.trim().is_empty() {
            continue;
        }
        any = true;
        let mut p = dom.nodes[k].parent;
        while p > i && dom.attr(p, "itemprop").is_none() {
            p = dom.nodes[p].parent;
        }
        if p <= i {
            return false;
        }
    }
    any
}
