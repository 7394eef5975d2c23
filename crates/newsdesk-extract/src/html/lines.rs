//! What a line of text says, whatever markup it came from: page furniture by its words
//! ("Read more", "Share this article", a sign-up pitch, a wire story's credits), a template's
//! placeholder Latin, a script's JSON, a teaser's excerpt cut short, a dateline or a closing
//! biography. Pure functions over text; the container and block rules are `content.rs`'s.

use std::sync::OnceLock;

use regex::Regex;

/// Whether a text ends as a sentence does (a full stop, a question, a closing quote), not in
/// a control's bracketed count.
pub(super) fn ends_sentence(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with(['.', '!', '?', '。', '！', '？', '"', '”', '»', ')']) && !ends_in_counter(text)
}

/// Characters from which a block that parses as JSON is a script's data; a short object
/// inline in a sentence's place (`{"id": 1}`) may be a tutorial's example.
pub(super) const JSON_DATA_MIN: usize = 200;

/// Whether a text is one JSON object or array, whole, on one line: a sample set out for a
/// reader breaks its lines (`<br>`), a script's state does not.
pub(super) fn is_json_data(text: &str) -> bool {
    let framed = (text.starts_with('{') && text.ends_with('}'))
        || (text.starts_with('[') && text.ends_with(']'));
    framed && !text.contains('\n') && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

/// Whether a paragraph is cut off with an ellipsis in mid-sentence, as a teaser's excerpt is
/// ("… and looking for immediate re..."): words, then `...` or `…` with no sentence's end
/// before it.
pub(super) fn is_cut_short(text: &str) -> bool {
    let Some(head) = text
        .strip_suffix("...")
        .or_else(|| text.strip_suffix('\u{2026}'))
    else {
        return false;
    };
    let head = head.trim_end();
    head.chars().filter(|c| c.is_whitespace()).count() >= 8
        && head
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// Whether a text ends in a bracketed count or toggle ("Comments (3)", "Replies (+)"): a
/// control's label, not the close of a parenthesis in a sentence. A price ("($180)") is no
/// count.
fn ends_in_counter(text: &str) -> bool {
    text.strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .is_some_and(|(_, inside)| {
            !inside.trim().is_empty()
                && inside
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '+' | ',' | '.' | ' '))
        })
}

/// Lines that are furniture by what they say, whatever markup they sit in.
///
/// Word boundaries here and in the other line patterns are ASCII ones (`(?-u:\b)`): with a
/// Unicode boundary anywhere in a pattern, the regex engine's fast automaton gives up on any
/// text outside ASCII (a curly quote is enough) and a far slower engine reads the line instead.
/// After a word that ends in a letter outside ASCII ("również", "также"), the boundary is
/// written as "a character that is not a word's, or the end".
pub(super) fn boilerplate_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"(?ix)^[\[(]?\s*(?:
              advertisement|advert|advertising|sponsored(?:\s+content)?|ad|anzeige|werbung|publicidad|publicidade|publicité|pubblicità|advertentie|reklama|реклама
            | teilen|compartir|compartilhar|compartilhe|partilhar|partager|condividi|delen|dela|udostępnij|поделиться|paylaş
            | share(?:\s+(?:this|on|via)(?-u:\b).*)?|share\s+this\s+(?:article|story|post|page)|sharing\s+is\s+caring.*|(?:like\s+this\s+story|share\s+it\s+with\s+a\s+friend)(?-u:\b).*|\d+\s*shares?|tweet|email|e-mail|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|copy\s+link|copied!?
            | (?:\d+\s+)?(?:comments?|kommentare?|comentarios?|comentários?|commentaires?|commenti|reacties|komentarze?|комментари(?:и|ев|й))|[\d,.]+k?\s+(?:likes?|upvotes?|votes?|views?|posts?|reviews?|ratings?|global\s+ratings|customer\s+reviews)|[\d,.]+k?\s+views?\s+[\d,.]+k?\s+(?:replies|reply|comments?)(?-u:\b).*|view\s+comments?|show\s+comments?
            | read\s+(?:more|next|the\s+full\s+(?:story|article))(?-u:\b).*|continue\s+reading(?-u:\b).*|see\s+also(?-u:\b).*|more\s+(?:on|from|about)\s+(?:this|these)(?-u:\b).*
            | (?:à\s+)?lire\s+aussi(?-u:\b).*|lesen\s+sie\s+auch(?-u:\b).*|(?:lee|lea)\s+también(?-u:\b).*|leia\s+também(?-u:\b).*|leggi\s+anche(?-u:\b).*|lees\s+ook(?-u:\b).*|czytaj\s+(?:także|też|również)(?:\W.*)?|читайте\s+(?:также|тоже)(?:\W.*)?
            | related(?:\s+(?:articles?|stories|posts|content|coverage|news|topics|links|reading))?\s*:?.*
            | recommended(?:\s+for\s+you)?|don[’']?t\s+miss|you\s+(?:may|might)\s+also\s+like(?-u:\b).*|most\s+(?:read|popular|viewed)(?-u:\b).*|trending(?:\s+now)?|more\s+stories|top\s+stories|latest\s+news
            | (?:©|\(c\)|copyright(?-u:\b)).*|all\s+rights\s+reserved.*
            | (?:sign\s+up|subscribe|follow\s+us|log\s*in|register|click\s+here|download\s+the\s+app)(?-u:\b).*
            | (?:photo|image|picture|photograph|credit|source|illustration|video)\s*:.*
            | (?:by|posted\s+by|written\s+by|words\s+by|reporting\s+by)\s+\p{Lu}[^.!?]*
            | tags?\s*:.*|topics?\s*:.*|filed\s+under\s*:?.*|categories?\s*:.*
            | skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|scroll\s+to\s+top|close|menu|search|loading(?:\s+[\w-]+){0,2}\s*(?:\.*|…)|play\s+video|watch\s*:.*|listen\s+to\s+this\s+article.*|\d+\s+min(?:ute)?s?\s+read
            | (?:updated|published|posted)(?-u:\b)(?:[^.!?]|[ap]\.m\.){0,90}
            | view\s+all(?:\s*\(\d+\))?|opens?\s+in\s+(?:a\s+)?new\s+(?:tab|window)|advertisement\s*[-–—:]?\s*(?:(?:page|story|article)\s+)?continues?\s+(?:reading\s+)?below
            | (?:showing\s+)?\d[\d,]*\s*(?:[–-]|to)\s*\d[\d,]*\s+of\s+\d[\d,]*(?:\s+(?:results|products|items|entries|listings))?|sort(?:\s+by)?\s*:.*|sort\s+by
            | sent\s+from\s+my\s+[^.!?]{1,80}
            | (?:this\s+page\s+was\s+)?last\s+(?:modified|edited|updated)(?-u:\b).*|edited\s+[^.!?]{1,40}?\s+by\s+[^.!?]{1,40}?(?:\s*\(see\s+edit\s+history\))?
            | \(?[\d.,]+\s*[kmg]i?b\)?\s+downloaded\s+[\d,]+\s+times?
            | (?:join(?:ed)?\s+date|joined|posts|threads|reputation|messages|reaction\s+score)\s*:\s*[\w\s,./-]{0,30}
            | reply\s+with\s+quote(?:\s+\d+)?|\#\d+\s*[·•|]|[\d,]+\s+repl(?:y|ies)\s+to\s+this\s+(?:topic|thread|post)|report\s+(?:inappropriate\s+content|abuse|this\s+post)
            | (?:you\s+must\s+)?log\s+in\s+to\s+(?:answer|reply\s+to)\s+this\s+(?:question|topic|thread)\.?|start\s+asking\s+to\s+get\s+answers
            | (?:our\s+(?:editorial\s+)?standards|editorial\s+standards|ethics\s+policy)\s*:.*|(?:write|leave)\s+a\s+review|add\s+to\s+(?:cart|basket|bag)
            | learn\s+more|find\s+out\s+more|show\s+more|contact\s+us|try\s+(?:it\s+)?for\s+free|order\s+now|apply\s+now|request\s+a\s+quote|notify\s+me(?:\s+when\s+(?:available|back\s+in\s+stock))?|select\s+(?:a\s+)?(?:size|colou?r|option)|shop\s+now|verified\s+(?:buyer|purchase)|based\s+on\s+[\d,]+\s+reviews?|regular\s+price|sale\s+price|(?:taxes,?\s+discounts\s+and\s+)?shipping\s+calculated\s+at\s+checkout\.?|(?:free\s+)?pick\s*-?up\s+in\s+store|quick\s+(?:view|shop|add)
            | (?:was|is)\s+this(?:\s+(?:page|article|post|answer|content|information))?\s+(?:helpful|useful)(?-u:\b).*|edit\s+this\s+page(?:\s+on\s+github)?|view\s+this\s+page\s+on\s+github(?-u:\b).*
            | summari[sz]e\s+(?:this\s+(?:article|page|post)\s+)?with(?:\s+ai)?\s*:?|expand\s+description|open\s+table\s+of\s+contents(?:\s+panel)?\.?|see\s+all\s+(?:reviews|results|products|items)
            | click\s+on\s+a\s+star\s+to\s+rate(?-u:\b).*|no\s+votes\s+so\s+far(?-u:\b).*
            )\s*[\])]?$"#,
        )
        .expect("valid regex")
    })
}

/// The prompt over a comment form, or the link to it: "Leave a comment", "Post a comment",
/// "Be the first to comment", "What do you think?", "Join the conversation", "Tell us what you
/// think...".
pub(super) fn is_comment_prompt(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|add\s+a\s+comment|be\s+the\s+first\s+to\s+comment|what\s+do\s+you\s+think|join\s+the\s+(?:conversation|discussion)|tell\s+us\s+what\s+you\s+think)\s*[?.!:…]*$",
        )
        .expect("valid regex")
    })
    .is_match(text)
}

/// Whether a block is a template's placeholder text ("Lorem ipsum dolor sit amet …"), also where
/// it goes on in a paragraph of its own ("Duis aute irure dolor …"): it opens with two words of
/// the generators' dummy Latin, and three in four of its words are. Real Latin shares a few
/// of them ("in", "est", "non") but not three words in four.
pub(super) fn is_placeholder(text: &str) -> bool {
    if text
        .get(..11)
        .is_some_and(|head| head.eq_ignore_ascii_case("lorem ipsum"))
    {
        return true;
    }
    let dummy_word = |word: &str| {
        let mut buf = [0u8; 16];
        if !word.is_ascii() || word.len() > buf.len() {
            return false;
        }
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        PLACEHOLDER_WORDS.binary_search(&&*lower).is_ok()
    };
    let words = || {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
    };
    // The first two words decide cheaply for nearly every block.
    if !words().take(2).all(dummy_word) {
        return false;
    }
    let (total, dummy) = words().fold((0usize, 0usize), |(total, dummy), w| {
        (total + 1, dummy + usize::from(dummy_word(w)))
    });
    total >= 8 && dummy * 4 >= total * 3
}

/// The words of the usual placeholder generators' dummy Latin (sorted, for binary search).
#[rustfmt::skip]
const PLACEHOLDER_WORDS: &[&[u8]] = &[
    b"a", b"ac", b"accumsan", b"ad", b"adipiscing", b"adipisicing", b"aenean", b"aliqua",
    b"aliquam", b"aliquet", b"aliquip", b"amet", b"anim", b"ante", b"arcu", b"at", b"auctor",
    b"augue", b"aute", b"bibendum", b"blandit", b"cillum", b"commodo", b"condimentum", b"congue",
    b"consectetur", b"consequat", b"convallis", b"cras", b"culpa", b"cupidatat", b"curabitur",
    b"cursus", b"dapibus", b"deserunt", b"diam", b"dictum", b"dignissim", b"do", b"dolor",
    b"dolore", b"donec", b"dui", b"duis", b"ea", b"efficitur", b"egestas", b"eget", b"eiusmod",
    b"eleifend", b"elementum", b"elit", b"enim", b"erat", b"eros", b"esse", b"est", b"et",
    b"etiam", b"eu", b"euismod", b"ex", b"excepteur", b"exercitation", b"facilisis", b"faucibus",
    b"felis", b"fermentum", b"feugiat", b"fringilla", b"fugiat", b"fusce", b"gravida", b"habitant",
    b"hendrerit", b"iaculis", b"id", b"imperdiet", b"in", b"incididunt", b"integer", b"interdum",
    b"ipsum", b"irure", b"justo", b"labore", b"laboris", b"laborum", b"lacinia", b"lacus",
    b"laoreet", b"lectus", b"leo", b"libero", b"ligula", b"lobortis", b"lorem", b"luctus",
    b"maecenas", b"magna", b"malesuada", b"massa", b"mattis", b"mauris", b"metus", b"mi", b"minim",
    b"molestie", b"mollit", b"morbi", b"nam", b"nec", b"neque", b"nibh", b"nisi", b"nisl", b"non",
    b"nostrud", b"nulla", b"nullam", b"nunc", b"occaecat", b"odio", b"officia", b"orci", b"ornare",
    b"pariatur", b"pellentesque", b"pharetra", b"phasellus", b"placerat", b"porta", b"porttitor",
    b"posuere", b"praesent", b"pretium", b"proident", b"proin", b"pulvinar", b"purus", b"quam",
    b"qui", b"quis", b"quisque", b"reprehenderit", b"rhoncus", b"risus", b"rutrum", b"sagittis",
    b"sapien", b"scelerisque", b"sed", b"sem", b"semper", b"senectus", b"sint", b"sit", b"sodales",
    b"sollicitudin", b"sunt", b"suscipit", b"suspendisse", b"tellus", b"tempor", b"tempus",
    b"tincidunt", b"tortor", b"tristique", b"turpis", b"ullamco", b"ullamcorper", b"ultrices",
    b"ultricies", b"urna", b"ut", b"varius", b"vehicula", b"vel", b"velit", b"venenatis",
    b"veniam", b"vestibulum", b"vitae", b"vivamus", b"viverra", b"voluptate", b"volutpat",
    b"vulputate",
];

/// The label over a page's own navigation: its table of contents or its tags.
pub(super) fn is_navigation_label(text: &str) -> bool {
    let label = text.trim_end_matches([':', ' ']).to_lowercase();
    matches!(
        label.as_str(),
        "table of contents"
            | "in this article"
            | "on this page"
            | "jump to"
            | "jump to section"
            | "tags"
    )
}

/// Headings of the rails that follow an article or a product's description (what is popular,
/// related, or bought with it), and of the writer's bio box.
pub(super) fn is_rail_heading(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:most\s+(?:read|popular|viewed|shared)|related(?:\s+(?:articles?|stories|posts|content|coverage|news|topics|links|reading))?|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|(?:(?:other|more)\s+(?:posts|articles|stories)\s+)?you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|more\s+(?:stories|news|articles|posts|from(?-u:\b).*)|more\s+(?:[\w'’-]+\s+){1,3}(?:stories|articles)|(?:explore|discover)\s+more(?:\s+(?:articles|stories|posts|guides|news))?|popular\s+(?:posts|stories|articles|now)|top\s+stories|latest\s+(?:news|stories)|(?:[\w'’.-]+\s+){0,3}most\s+recent\s+(?:stories|articles|posts)|trending(?:\s+(?:now|stories|articles|posts|topics|news)(?:\s+.{0,30})?)?|read\s+(?:this\s+)?next|up\s+next|(?:explore\s+)?related\s+questions|hot\s+network\s+questions|recent\s+(?:articles|posts|stories)|related\s+(?:articles|posts|stories)\s+(?:that\s+)?(?:may|might)\s+interest\s+you|more\s+you\s+(?:may|might)\s+like|written\s+by|what\s+to\s+read\s+next|about\s+the\s+(?:authors?|reviewers?|writers?|contributors?)|(?:author|writer)\s+bio(?:graphy)?|frequently\s+bought\s+together)\s*[:.]?$",
        )
        .expect("valid regex")
    })
    .is_match(text)
        || is_shop_rail_heading(text)
        || is_rail_heading_elsewhere(text)
}

/// Headings of a shop's rails under an item: what other customers viewed or bought, similar
/// items, what was recently viewed. Nothing of the item's own description follows them.
pub(super) fn is_shop_rail_heading(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(?:(?:customers|people|shoppers)\s+(?:who\s+(?:viewed|bought|purchased)\s+this(?:\s+(?:item|product))?\s+)?also\s+(?:viewed|bought|purchased|liked)|(?:explore\s+)?(?:similar|related|recommended)\s+(?:items|products)|recently\s+viewed(?:\s+(?:items|products))?)(?:\s+.{0,30})?)\s*[:.]?$",
        )
        .expect("valid regex")
    })
    .is_match(text)
}

/// The same rails as other languages head them: the most read, related articles, what you may
/// also like, more news (German, French, Spanish, Portuguese, Italian, Dutch, Polish, Russian).
/// "Read also" headings are left out: they also head a single link inside the story.
fn is_rail_heading_elsewhere(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:meistgelesen(?:e\s+artikel)?|(?:ähnliche|verwandte|weitere)\s+(?:artikel|beiträge|themen)|mehr\s+zum\s+thema|das\s+könnte\s+sie\s+auch\s+interessieren|les\s+plus\s+lus|articles?\s+(?:similaires|récents|liés|connexes)|sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|vous\s+(?:aimerez|pourriez\s+aimer)(?:\s+peut-être)?\s+aussi|lo\s+más\s+(?:leído|visto)|más\s+leíd[oa]s|(?:noticias|artículos)\s+relacionad[oa]s|(?:también\s+)?te\s+puede\s+interesar|más\s+noticias|mais\s+lid[oa]s|(?:notícias|artigos|matérias)\s+relacionad[oa]s|você\s+(?:também\s+)?pode\s+gostar|(?:i\s+)?più\s+lett[ie]|articoli\s+correlati|potrebbe\s+interessarti|meest\s+gelezen|gerelateerde\s+artikelen|najczęściej\s+czytane|podobne\s+artykuły|похожие\s+(?:статьи|материалы|новости|записи)|(?:новости|материалы)\s+по\s+теме|самые\s+(?:популярные|читаемые)(?:\s+.{0,30})?|популярн(?:ое|ые\s+(?:статьи|материалы|записи))|другие\s+новости|вам\s+может\s+быть\s+интересно)\s*[:.]?$",
        )
        .expect("valid regex")
    })
    .is_match(text)
}

/// Drops the dateline paragraphs at the head of `text`: short lines, not sentences, that give
/// the article's own publication day (`published`, ISO 8601) in any form, with the time, the
/// author or the outlet around it ("September 10, 2018 by Catherine", "22 de outubro de 2010
/// às 20:13"). A line needs both the year and the day of the month to go.
pub(super) fn drop_leading_datelines(text: &mut String, published: &str) {
    let (Some(year), Some(day)) = (
        published.get(0..4),
        published.get(8..10).and_then(|d| d.parse::<u32>().ok()),
    ) else {
        return;
    };
    let mut cut = 0;
    for (n, para) in text.split("\n\n").enumerate() {
        let line = para.trim();
        let tokens = || line.split(|c: char| !c.is_alphanumeric());
        let dateline = n < 2
            && line.chars().count() < 120
            && !ends_sentence(line)
            && tokens().any(|t| t == year)
            && tokens().any(|t| t.len() <= 2 && t.parse::<u32>().ok() == Some(day));
        if !dateline {
            break;
        }
        cut += para.len() + 2;
    }
    if cut > 0 && cut < text.len() {
        text.drain(..cut);
    }
}

/// What may follow a writer's bio at the end of the text (a social link, a contact line)
/// and still leave the bio the last thing the article says.
const BIO_TAIL_MAX: usize = 300;

/// Drops the writer's bio that closes the text ("Jane Doe is a freelance writer who covers
/// housing.", "Sam has reported on energy since 2012.") or the line that says how to reach
/// them ("Email Jane Doe at jdoe@example.com"), with the short lines just above it that name
/// the writer or their role ("Contributing Writer"): it presents the byline, it is not what
/// the article says. Only a bio of one of `authors` (the page's bylines), in the
/// last third of the text and among its last paragraphs, goes.
pub(super) fn drop_closing_bio(text: &mut String, authors: &[String]) {
    static BIO: OnceLock<Regex> = OnceLock::new();
    let bio = BIO.get_or_init(|| {
        Regex::new(r"^\s*(?:is|was|has|had|writes|wrote|covers|joined|holds|serves|specializes|specialises|lives|leads|founded)(?-u:\b)")
            .expect("valid regex")
    });
    let names: Vec<&str> = authors
        .iter()
        .filter_map(|a| a.split(',').next())
        .map(str::trim)
        // A writer known by one name is one where it is a first name ("Regan"), not a brand's.
        .filter(|a| {
            let words = a.split_whitespace().count();
            words >= 2 || (words == 1 && newsdesk_text::is_first_name(a))
        })
        .collect();
    if names.is_empty() {
        return;
    }
    let paras: Vec<&str> = text.split("\n\n").collect();
    let total: usize = paras.iter().map(|p| p.len()).sum();
    let mut offset = 0;
    let mut starts = Vec::with_capacity(paras.len());
    for p in &paras {
        starts.push(offset);
        offset += p.len() + 2;
    }
    let is_bio = |p: &str| {
        let p = p.trim_start();
        names.iter().any(|name| {
            // By first name too ("Sam is ..."), where it is one: not a brand's ("Acme Team").
            let first = name
                .split_whitespace()
                .next()
                .filter(|f| newsdesk_text::is_first_name(f));
            std::iter::once(*name)
                .chain(first)
                .any(|n| p.strip_prefix(n).is_some_and(|rest| bio.is_match(rest)))
        })
    };
    // How to reach the writer: an address or a handle, with their name or in their name
    // ("Email Jane Doe at jdoe@example.com", "jane.doe@example.com").
    static CONTACT: OnceLock<Regex> = OnceLock::new();
    let contact = CONTACT.get_or_init(|| {
        Regex::new(r"[\w.+-]+@[\w-]+\.[\w.-]+|(?:^|\s)@\w{2,}|(?-u:\b)(?:twitter|x)\.com/\w")
            .expect("valid regex")
    });
    let is_contact = |p: &str| {
        if p.len() > BIO_TAIL_MAX || !contact.is_match(p) {
            return false;
        }
        let lower = p.to_lowercase();
        names.iter().any(|name| {
            let name = name.to_lowercase();
            let last = name.split_whitespace().last().unwrap_or(&name);
            lower.contains(&name) || (last.chars().count() >= 4 && lower.contains(last))
        })
    };
    // The first of the last few paragraphs that presents the writer and is followed by
    // little else.
    let Some(k) = (paras.len().saturating_sub(3).max(1)..paras.len()).find(|&k| {
        starts[k] * 3 >= total * 2
            && (is_bio(paras[k]) || is_contact(paras[k]))
            && paras[k + 1..].iter().map(|p| p.len()).sum::<usize>() <= BIO_TAIL_MAX
    }) else {
        return;
    };
    // The writer's name and role set as lines of their own above the bio; not the attribution
    // that closes a quote or an embedded post above it ("— Jane Doe (@jdoe) March 3, 2025").
    let mut first = k;
    while first > 1 && {
        let line = paras[first - 1].trim();
        line.chars().count() < 60 && !ends_sentence(line) && !line.starts_with(['—', '–'])
    } {
        first -= 1;
    }
    text.truncate(starts[first].saturating_sub(2));
}

/// A newsletter sign-up pitch: it asks to sign up or subscribe and carries its consent line.
pub(super) fn is_signup_pitch(text: &str) -> bool {
    // An emoji or an arrow may lead it (`🚀 Sign up for …`).
    let lower = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // The ask opens the pitch or one of its sentences ("There's plenty more where that came
    // from. Sign up for …").
    let mut sentences = std::iter::once(lower.as_str()).chain(
        lower
            .match_indices(['.', '!', '?'])
            .filter_map(|(i, _)| lower.get(i + 1..))
            .filter(|rest| rest.starts_with(char::is_whitespace))
            .map(str::trim_start),
    );
    const ASKS: [&str; 8] = [
        "sign up",
        "subscribe",
        "join our",
        "join the",
        "get the latest",
        "get our",
        "receive ",
        "never miss",
    ];
    // A link's label may lead the ask ("Click here to subscribe to …").
    let asks = sentences.any(|sentence| {
        let ask = ["click here to ", "tap here to ", "click to "]
            .iter()
            .find_map(|label| sentence.strip_prefix(label))
            .unwrap_or(sentence);
        ASKS.iter().any(|p| ask.starts_with(p))
    }) || (lower.starts_with("get ") && lower.contains("inbox"))
        || lower.contains("by signing up")
        || (lower.len() < 200
            && ["sign up for our", "subscribe to our"]
                .iter()
                .any(|p| lower.contains(p)));
    asks && (lower.contains("newsletter")
        || lower.contains("privacy policy")
        || lower.contains("inbox")
        || lower.contains("mailing list"))
}

/// An invitation to follow the outlet or the writer on social networks, naming two or more
/// ("Follow the Opinion section on Facebook, Twitter and Instagram.", "Follow me on Twitter or
/// LinkedIn."): one network alone may be what the story is about. Or to follow the coverage at
/// an address ("Follow AP's full coverage of the election at https://…").
pub(super) fn is_follow_line(text: &str) -> bool {
    const NETWORKS: [&str; 10] = [
        "facebook",
        "twitter",
        "instagram",
        "linkedin",
        "tiktok",
        "youtube",
        "telegram",
        "threads",
        "bluesky",
        "mastodon",
    ];
    // Most blocks are not such a line: the opening word decides before any copy is made.
    if !text
        .get(..7)
        .is_some_and(|head| head.eq_ignore_ascii_case("follow "))
    {
        return false;
    }
    let lower = text.to_lowercase();
    if ["http://", "https://", "www."]
        .iter()
        .any(|p| lower.contains(p))
    {
        return true;
    }
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    NETWORKS.iter().filter(|n| words.contains(n)).count() >= 2
}

/// A print magazine's subscription offer ("Get the monthly delivered through your letterbox.
/// 12 issues for £11.99."): the publisher selling itself, not the story.
pub(super) fn is_subscription_offer(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)\d+\s+issues\s+for\s+(?:just\s+|only\s+)?[£$€]\s?\d")
            .expect("valid regex")
    })
    .is_match(text)
}

/// An affiliate disclosure (`We may earn commission from links on this page`, `This post
/// may contain affiliate links`, `Prices were accurate at the time this article was
/// published`): a notice about the page's links, not the story. It names the
/// commission or the affiliate links together with the purchase or click that earns it, which
/// a story about affiliate marketing does in other words.
pub(super) fn is_affiliate_disclosure(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?ix)
            (?-u:\b)(?:may|might|will|could|can|to)\s+(?:earn|receive|get|make)\s+(?:us\s+)?(?:a\s+|an\s+)?(?:small\s+|tiny\s+)?(?:affiliate\s+)?(?:commissions?|compensation|kick\s?back)
            | (?-u:\b)(?:we|i)\s+earn\s+(?:a\s+)?(?:small\s+)?commission
            | (?-u:\b)(?:contains?|includes?|uses?)\s+(?:some\s+)?affiliate\s+links
            | (?-u:\b)earn\s+from\s+qualifying\s+purchases
            | ^prices?\s+(?:were|was|are|is)\s+accurate\s+(?:at|as\s+of)\s+the\s+time",
        )
        .expect("valid regex")
    });
    re.is_match(text)
}

/// A line that goes on selling a newsletter after its sign-up pitch: what it is, how often it
/// comes, where it lands.
pub(super) fn sells_a_newsletter(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "newsletter",
        "inbox",
        "updates from",
        "delivered",
        "subscribe",
        "unsubscribe",
        "sign up",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A line of the post's particulars set apart by bars or dots, each part furniture: a date or
/// how long ago, the time it takes to read, a byline, a comment count, a poster's count of posts
/// and when they joined (`Last Updated: Dec 17, 2025 • 5 min read`, `11/19/2025 | By Jane Doe`,
/// `Jane Doe | 2 weeks ago`, `410 posts · Joined 2002`). A bare name counts only beside a time
/// ago, a comment count or a reading time: beside a date alone it may be the outlet of a press
/// mention (`11/25/2025 | The Harbour Times`), which is text.
pub(super) fn is_meta_line(text: &str) -> bool {
    static AGO: OnceLock<Regex> = OnceLock::new();
    let ago = AGO.get_or_init(|| {
        Regex::new(r"(?i)^(?:\d+|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$|^(?:yesterday|today|just\s+now)$")
            .expect("valid regex")
    });
    if !text.contains(['|', '·', '•']) || text.chars().count() > 120 {
        return false;
    }
    let parts: Vec<&str> = text
        .split(['|', '·', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return false;
    }
    let name = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        words.len() <= 6
            && words.iter().all(|w| {
                matches!(*w, "and" | "&")
                    || (w.starts_with(char::is_uppercase)
                        && !w.contains(|c: char| c.is_ascii_digit()))
            })
    };
    // A time ago, a comment count or a reading time marks a post's own particulars, where a
    // bare name is its writer's (a date alone may stand beside an outlet's name).
    static POST: OnceLock<Regex> = OnceLock::new();
    let post = POST.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:\d+|no)\s+(?:comments?|responses?|replies)$|^\d+\s+min(?:ute)?s?\s+read$",
        )
        .expect("valid regex")
    });
    let any_ago = parts.iter().any(|p| ago.is_match(p) || post.is_match(p));
    // When a poster joined the forum ("410 posts · Joined 2002"), a particular beside others
    // only: alone it may be a seller's line that a shop's page keeps.
    static JOINED: OnceLock<Regex> = OnceLock::new();
    let joined = JOINED.get_or_init(|| {
        Regex::new(r"(?i)^joined\s+(?:in\s+|on\s+)?(?:\p{L}{3,9}\.?\s+)?(?:\d{1,2},?\s+)?\d{4}$")
            .expect("valid regex")
    });
    parts.iter().all(|p| {
        let stripped = p.trim_start_matches(|c: char| !c.is_alphanumeric());
        ago.is_match(stripped)
            || is_date_line(stripped)
            || boilerplate_re().is_match(stripped)
            || is_comment_prompt(stripped)
            || stripped
                .to_lowercase()
                .strip_prefix("last ")
                .is_some_and(|rest| boilerplate_re().is_match(rest))
            || (any_ago && name(stripped))
            || joined.is_match(stripped)
    }) && parts.iter().any(|p| !name(p) || ago.is_match(p))
}

/// A line that is only a date (`March 3, 2024`, `Updated 10:15 GMT`).
pub(super) fn is_date_line(text: &str) -> bool {
    let t = text.trim();
    t.len() < 60
        && (crate::dates::parse_date(t).is_some() || crate::dates::parse_rfc2822(t).is_some())
}

/// Lowercase letters and digits only, for comparing titles and lines.
pub(super) fn normalize_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod placeholder_words {
    use super::{is_placeholder, PLACEHOLDER_WORDS};

    /// The word list is searched by bisection: it must stay sorted, without repeats.
    #[test]
    fn are_sorted_for_binary_search() {
        assert!(PLACEHOLDER_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_placeholder(
            "Vulputate ut pharetra sit amet aliquam id diam maecenas."
        ));
        assert!(!is_placeholder(
            "At a glance, the council agreed to rebuild the harbour wall."
        ));
    }
}
