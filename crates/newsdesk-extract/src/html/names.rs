//! What an element's names say it is: the words of its `class`, `id` and `role` read once
//! per element ([`read_names`]) as furniture (a sidebar, a comment thread, a share bar, a
//! consent banner, a forum post's trimmings), as an article's container, or as neither (a
//! style utility such as `font-utility-2`, a flag such as `has-comments`). Which names count
//! on which page is `content.rs`'s to decide.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use super::content::Mark;
use super::dom::Dom;

/// Class/id words of page furniture. Substrings, because sites glue words together
/// (`sidebarWidget`, `post-comments-list`); only words long enough not to occur by accident.
fn negative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"comment|disqus|sidebar|side-bar|footer|breadcrumb|newsletter|subscri|cookie|consent|gdpr|popup|pop-up|modal|overlay|related|recommend|promo|sponsor|advert|sharedaddy|masthead|pagination|pager|outbrain|taboola|social|sharing|sharebar|share-|-share|_share|byline|dateline|signup|sign-up|paywall|toolbar|skip-?link|trending|most-?popular|more-?stories|read-?more|author-?bio|author-?info|about-?author|navbar|navigation|menu|copyright|disclaimer|caption|credit|banner|teaser|shoutbox|supplemental|skyscraper|jump-?to|inline-?links|rss|login|print-?only|visually-?hidden|sr-only|screen-?reader|tooltip|carousel|slideshow|gallery|timestamp|publish-?date|post-?date|article-?date|tag-?list|tagcloud|keywords",
        )
        .expect("valid regex")
    })
}

/// Furniture that can hold as much running text as the article itself (comment threads,
/// recommendation rails): a positive word in the same name does not save it.
fn strong_negative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"comment|disqus|respond|replies|outbrain|taboola|related|recommend|more-?stories",
        )
        .expect("valid regex")
    })
}

/// Whole class/id tokens of page furniture: too short to match as substrings
/// (`ad` is in `header`, `nav` in `canvas`).
fn is_negative_token(token: &str) -> bool {
    matches!(
        token,
        "ad" | "ads"
            | "advert"
            | "nav"
            | "share"
            | "shares"
            | "tags"
            | "tag"
            | "topics"
            | "meta"
            | "print"
            | "extra"
            | "foot"
            | "tools"
            | "utility"
            | "follow"
            | "popular"
            | "rail"
            | "cta"
            | "more"
            | "aside"
            | "partner"
            | "partners"
            | "date"
            | "time"
            | "author"
            | "authors"
    )
}

/// Class/id words of consent managers: cookie banners and their preference centres (OneTrust,
/// Cookiebot, Didomi, Usercentrics, TrustArc, Quantcast's CMP). Their vendor and purpose lists
/// can outweigh a listing page's own words, and their panels are named like content
/// (`ot-pc-content`), yet they are never the page's text.
fn consent_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"onetrust|optanon|cookiebot|cookie-?(?:banner|notice|consent|law|bar)|consent|gdpr|didomi|usercentrics|trustarc|truste-|qc-cmp",
        )
        .expect("valid regex")
    })
}

/// Class/id words of article containers.
fn positive_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"article|body|content|entry|hentry|h-entry|main|post|text|blog|story|prose")
            .expect("valid regex")
    })
}

/// How an element's `class`, `id` and `role` read.
#[derive(Clone, Copy, Default)]
pub(super) struct Names {
    pub(super) neg: bool,
    pub(super) strong: bool,
    /// Named as a consent manager's banner or panel ([`consent_re`]).
    pub(super) consent: bool,
    /// Named as what a forum engine prints around each post ([`is_post_furniture`]).
    pub(super) post_furniture: bool,
    pub(super) pos: bool,
    /// Named as the standfirst under a headline (`dek`, `standfirst`, `sub-headline`).
    pub(super) dek: bool,
    /// Named for a slot beside the content ([`is_beside_content`]).
    pub(super) slot: bool,
    /// Hidden on phones, shown on wide screens ([`hidden_on_small_screens`]).
    pub(super) wide_only: bool,
}

/// Class tokens that describe what a page or post *has* or how it is filed
/// (`has-comments`, `category-sidebar-news`, `tag-related`), not what the element is.
fn is_flag_token(token: &str) -> bool {
    // Taxonomies of custom post types are prefixed with the type: `product_tag-cups`.
    let term = token.split_once('_').map_or(token, |(_, rest)| rest);
    token.starts_with("has-")
        || ([token, term]
            .iter()
            .any(|t| t.starts_with("category-") || t.starts_with("cat-") || t.starts_with("tag-"))
            && token != "tag-list")
}

/// Reads every element's names once, into `buf` reused between elements.
pub(super) fn read_names(dom: &Dom<'_>, marks: &[Mark]) -> Vec<Names> {
    let mut buf = String::new();
    let mut seen: HashMap<String, Names> = HashMap::new();
    (0..dom.len())
        .map(|i| {
            if dom.nodes[i].el.is_none() || marks[i] != Mark::Keep {
                return Names::default();
            }
            buf.clear();
            for (name, value) in ["class", "id", "role"].into_iter().zip(dom.nodes[i].names) {
                if let Some(v) = value {
                    for token in v.split_ascii_whitespace() {
                        // Utility classes with variants or arbitrary values
                        // (`lg:first:pt-[calc(var(--banner-min-height))]`) say how an element
                        // looks, not what it is.
                        if token.contains([':', '[', '(']) {
                            // Except the one thing such a class says about what an element
                            // is: shown from a breakpoint up (Tailwind's `hidden md:block`).
                            if shown_from_breakpoint(token) {
                                if !buf.is_empty() {
                                    buf.push(' ');
                                }
                                buf.push_str(WIDE_SHOWN);
                            }
                            continue;
                        }
                        let start = buf.len();
                        if start > 0 {
                            buf.push(' ');
                        }
                        if token.is_ascii() {
                            buf.extend(token.bytes().map(|c| c.to_ascii_lowercase() as char));
                        } else {
                            buf.extend(token.chars().flat_map(char::to_lowercase));
                        }
                        if name == "class" && is_flag_token(&buf[start + usize::from(start > 0)..])
                        {
                            buf.truncate(start);
                        }
                    }
                }
            }
            if buf.is_empty() {
                return Names::default();
            }
            // Pages repeat the same names on many elements (every card, item and cell), and
            // the patterns are the costly part: each distinct reading is made once.
            if let Some(names) = seen.get(buf.as_str()) {
                return *names;
            }
            let names = names_from(&buf);
            seen.insert(buf.clone(), names);
            names
        })
        .collect()
}

/// How a normalised `class id role` string reads (see [`read_names`]).
fn names_from(buf: &str) -> Names {
    // Style utilities are left out here, where each distinct class list is read once.
    if buf.contains('-') && buf.split(' ').any(is_style_utility) {
        let kept: Vec<&str> = buf.split(' ').filter(|t| !is_style_utility(t)).collect();
        return names_from(&kept.join(" "));
    }
    let consent = consent_re().is_match(buf);
    let post_furniture = buf.split(' ').any(is_post_furniture);
    let neg = consent || post_furniture || is_negative(buf);
    Names {
        neg,
        strong: neg && names_furniture(strong_negative_re(), buf),
        consent,
        post_furniture,
        pos: is_positive(buf),
        dek: is_dek_name(buf),
        slot: may_name_slot(buf) && buf.split(' ').any(is_beside_content),
        wide_only: hidden_on_small_screens(buf),
    }
}

/// What a forum engine prints around each post, as the common engines name it: the card
/// presenting the poster (name, rank, join date, post and reaction counts: XenForo's
/// `message-user` and `extraUserInfo`, phpBB's `postprofile`, vBulletin's `userinfo`,
/// `userinfo_extra` and `threadstarter`, Invision's `cAuthorPane`, MyBB's `author_statistics`,
/// FluxBB's `postleft`), the line with the post's date and number, its reactions and edit
/// note, the link back to the top of the page that phpBB prints under each post (`back2top`),
/// the signature each poster sets once and every post repeats ([`is_signature_name`]), and
/// the quote of an earlier post that a reply opens with. None of it is what the post says, and
/// the quoted words are already on the page as the post they come from.
fn is_post_furniture(class_word: &str) -> bool {
    is_signature_name(class_word)
        || matches!(
            class_word,
            "message-user"
                | "message-userdetails"
                | "message-userextras"
                | "message-cell--user"
                | "postprofile"
                | "userinfo"
                | "userinfo_extra"
                | "userstats"
                | "extrauserinfo"
                | "author_statistics"
                | "postleft"
                | "threadstarter"
                | "user-info"
                | "userdetails"
                | "user-details"
                | "cauthorpane"
                | "message-attribution"
                | "message-lastedit"
                | "message-footer"
                | "reactionsbar"
                | "back2top"
                | "bbcodeblock--quote"
                | "bbcode_quote"
                | "bbc_standard_quote"
        )
}

/// A poster's signature as forum engines name it: phpBB's and SMF's `signature`, vBulletin's
/// `signaturecontainer`, XenForo's `message-signature`, Invision's `ipsEntry__signature`,
/// punBB's `postsignature`, and `user-signature`, `signature-1234` elsewhere. The last word of
/// the name is `signature`; a flag on the post (`with-signature`) and a name that only starts
/// with the word (`signature-dish`) do not count.
fn is_signature_name(class_word: &str) -> bool {
    if class_word.starts_with("with-") || class_word.starts_with("has-") {
        return false;
    }
    matches!(class_word, "postsignature" | "signaturecontainer")
        || class_word
            .split(|c: char| !c.is_ascii_alphanumeric())
            .rfind(|part| !part.is_empty() && !part.bytes().all(|b| b.is_ascii_digit()))
            == Some("signature")
}

/// Whether `re` finds a furniture word in a class list, where "commentary" (an article's
/// analysis, a specification's notes) is no comment thread.
fn names_furniture(re: &Regex, class_id: &str) -> bool {
    re.find_iter(class_id)
        .any(|m| !(m.as_str() == "comment" && class_id[m.end()..].starts_with("ary")))
}

fn is_negative(class_id: &str) -> bool {
    !class_id.is_empty()
        && (names_furniture(negative_re(), class_id)
            || class_id
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(is_negative_token)
            || class_id.split(' ').any(is_widget_class))
}

/// A utility class that sets a typographic or box style (`font-utility-2`, `text-share-blue`,
/// `bg-footer-gray`, `border-border-medium`): the words after its prefix name a design token,
/// not what the element is.
fn is_style_utility(token: &str) -> bool {
    [
        "font-",
        "text-",
        "bg-",
        "border-",
        "leading-",
        "tracking-",
        "shadow-",
        "rounded-",
    ]
    .iter()
    .any(|p| token.starts_with(p))
}

/// Stands in a normalised class list for a utility class that shows an element from a
/// breakpoint up ([`shown_from_breakpoint`]).
const WIDE_SHOWN: &str = "wide:shown";

/// A Tailwind class that displays an element from a breakpoint up (`md:block`, `lg:flex`).
fn shown_from_breakpoint(token: &str) -> bool {
    token.split_once(':').is_some_and(|(bp, display)| {
        matches!(bp, "sm" | "md" | "lg" | "xl" | "2xl")
            && matches!(
                display,
                "block" | "flex" | "grid" | "inline-block" | "inline-flex" | "table"
            )
    })
}

/// Whether a class list hides an element on phones while showing it on wide screens
/// (Elementor's `elementor-hidden-mobile`, Bootstrap 3's `hidden-xs`, Bootstrap's `d-none
/// d-lg-block`, Tailwind's `hidden lg:block`): a sidebar column or a desktop-only widget. A
/// story is for every screen.
fn hidden_on_small_screens(class_id: &str) -> bool {
    let (mut hidden, mut shown_wide, mut d_none, mut d_shown) = (false, false, false, false);
    for t in class_id.split(' ') {
        match t {
            "elementor-hidden-mobile"
            | "hidden-xs"
            | "hidden-mobile"
            | "hide-mobile"
            | "hide-on-mobile"
            | "mobile-hidden"
            | "desktop-only" => return true,
            "hidden" => hidden = true,
            "d-none" => d_none = true,
            WIDE_SHOWN => shown_wide = true,
            _ => {
                d_shown |= ["d-sm-", "d-md-", "d-lg-", "d-xl-"]
                    .iter()
                    .any(|p| t.strip_prefix(p).is_some_and(|rest| rest != "none"));
            }
        }
    }
    (hidden && shown_wide) || (d_none && d_shown)
}

/// A sidebar widget's own class (`widget`, `widget_recent_entries`). Page builders call every
/// block a widget (`elementor-widget-text-editor`, `widget-span`), articles included, so the
/// word alone inside a longer name says nothing.
fn is_widget_class(token: &str) -> bool {
    token == "widget" || token == "widgets" || token.starts_with("widget_")
}

/// The names of a standfirst: the summary set under the headline, which repeats the story's
/// gist in other words and is not its text.
fn is_dek_name(class_id: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"standfirst|strapline|subtitle|sub-?head(?:line|ing)?\b").expect("valid regex")
    })
    .is_match(class_id)
        || class_id
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| t == "dek")
}

fn is_positive(class_id: &str) -> bool {
    if class_id.is_empty() || !positive_re().is_match(class_id) {
        return false;
    }
    // Token by token only where a slot's name may be among them.
    if !may_name_slot(class_id) {
        return true;
    }
    class_id
        .split(' ')
        .any(|token| positive_re().is_match(token) && !is_beside_content(token))
}

/// Whether a class list holds a word of [`is_beside_content`]'s slots: most hold none, and
/// need no reading token by token.
fn may_name_slot(class_id: &str) -> bool {
    ["after", "before", "below", "above"]
        .iter()
        .any(|w| class_id.contains(w))
}

/// A slot named for where it sits beside the content (`content-after`, `after-content`,
/// `before_content`): what themes and ad managers put there (a donation appeal, a newsletter
/// box, an ad zone) is not the content.
fn is_beside_content(token: &str) -> bool {
    let words: Vec<&str> = token
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| {
        matches!(
            (w[0], w[1]),
            (
                "content" | "entry" | "post" | "article",
                "after" | "before" | "below" | "above"
            ) | (
                "after" | "before" | "below" | "above",
                "content" | "entry" | "post" | "article"
            )
        )
    })
}

/// ARIA roles of page furniture.
pub(super) fn is_negative_role(role: &str) -> bool {
    matches!(
        role.trim().to_ascii_lowercase().as_str(),
        "navigation"
            | "banner"
            | "contentinfo"
            | "complementary"
            | "menu"
            | "menubar"
            | "dialog"
            | "alertdialog"
            | "search"
            | "tablist"
            | "toolbar"
            | "alert"
    )
}
