//! `newsdesk compare`: are two articles copies, of which kind, and the same story?

use serde_json::{json, Value};

use newsdesk_core::copies::{judge, rewrite::RewriteModel, CopyInput, Judgement};
use newsdesk_core::stories::{
    article_terms, article_vector, DocFrequencies, StoryConfig, StoryIndex,
};
use newsdesk_core::Article;
use newsdesk_ingest::Document;

use crate::pipeline::to_article;

/// The verdict on a pair.
pub struct Comparison {
    pub a: Article,
    pub b: Article,
    pub judgement: Judgement,
    /// The join model's probability that `b` belongs to a story made of `a`, and what it saw.
    pub story_probability: f32,
    pub story_features: Vec<f32>,
    pub same_story: bool,
}

/// Compares two documents with the term statistics `df` (the archive's, when there is one).
pub fn compare(a: Document, b: Document, df: &DocFrequencies, model: &RewriteModel) -> Comparison {
    let (a, b) = (to_article(a, 0), to_article(b, 0));
    let analyse = |x: &Article| newsdesk_text::analyze(&x.title, &x.text, x.language.as_deref());
    let (aa, ab) = (analyse(&a), analyse(&b));
    let idf = |t: &str| df.idf(&format!("w:{t}"));
    let judgement = judge(
        CopyInput {
            text: &b.text,
            analysis: &ab,
        },
        CopyInput {
            text: &a.text,
            analysis: &aa,
        },
        &idf,
        model,
    );
    let config = StoryConfig::default();
    let mut index = StoryIndex::new(config.clone());
    let va = article_vector(&article_terms(&aa), df, &config);
    let vb = article_vector(&article_terms(&ab), df, &config);
    index.start(1, &va, a.published_time());
    let best = index.candidates(&vb, b.published_time()).into_iter().next();
    let story_probability = best.as_ref().map_or(0.0, |c| c.probability);
    let story_features = best.as_ref().map_or_else(Vec::new, |c| c.features.to_vec());
    let same_story =
        judgement.copy || best.is_some_and(|c| c.probability >= index.threshold_for(&c));
    Comparison {
        a,
        b,
        judgement,
        story_probability,
        story_features,
        same_story,
    }
}

impl Comparison {
    /// Which side is the original of a copy: the earlier one, by publication date.
    fn original(&self) -> Option<&'static str> {
        if !self.judgement.copy {
            return None;
        }
        Some(match (self.a.dated, self.b.dated) {
            (true, true) if self.b.time < self.a.time => "b",
            (false, true) => "b",
            _ => "a",
        })
    }

    pub fn to_json(&self) -> Value {
        let j = &self.judgement;
        json!({
            "a": self.a.source,
            "b": self.b.source,
            "copy": j.copy,
            "kind": j.kind.map(|k| k.as_str()),
            "score": j.score,
            "original": self.original(),
            "same_story": self.same_story,
            "story_probability": self.story_probability,
            "story_features": newsdesk_core::stories::FEATURES
                .iter()
                .zip(&self.story_features)
                .map(|(name, value)| (name.to_string(), json!(value)))
                .collect::<serde_json::Map<String, Value>>(),
            "shared_shingles": j.shared_shingles,
            "containment": j.containment,
            "rewrite_probability": j.rewrite_probability,
            "rewrite_features": newsdesk_core::copies::rewrite::REWRITE_FEATURES
                .iter()
                .zip(&j.rewrite_features)
                .map(|(name, value)| (name.to_string(), json!(value)))
                .collect::<serde_json::Map<String, Value>>(),
            "evidence": {
                "aligned_sentences": j.evidence.aligned.len(),
                "aligned": j.evidence.aligned,
                "shared_numbers": j.evidence.shared_numbers,
                "shared_entities": j.evidence.shared_entities,
                "shared_quotes": j.evidence.shared_quotes,
            },
        })
    }

    pub fn to_text(&self) -> String {
        let j = &self.judgement;
        let verdict = match (j.kind, self.original()) {
            (Some(kind), Some(original)) => {
                let (orig, copy) = if original == "a" {
                    (&self.a, &self.b)
                } else {
                    (&self.b, &self.a)
                };
                format!(
                    "COPY ({}): {} copies {}",
                    kind.as_str(),
                    copy.source,
                    orig.source
                )
            }
            _ => "NOT A COPY".to_owned(),
        };
        format!(
            "{verdict}\n  score {:.3}; rewrite probability {:.3}; {} shared shingles (containment {:.2}); {} aligned sentences\n  shared numbers: {}\n  shared names: {}\n  shared quotes: {}\n{}: story probability {:.3}\n",
            j.score,
            j.rewrite_probability,
            j.shared_shingles,
            j.containment,
            j.evidence.aligned.len(),
            list(&j.evidence.shared_numbers),
            list(&j.evidence.shared_entities),
            j.evidence.shared_quotes.len(),
            if self.same_story { "SAME STORY" } else { "DIFFERENT STORIES" },
            self.story_probability,
        )
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_owned()
    } else {
        items.join(", ")
    }
}
