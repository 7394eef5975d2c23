//! The database schema and its migrations, numbered by SQLite's `user_version`.
//!
//! Each migration is applied once, in order, inside a transaction; a database written by a
//! newer newsdesk is refused rather than damaged.

use std::path::Path;

use rusqlite::Connection;

use crate::{Result, StoreError};

const MIGRATIONS: &[&str] = &[
    // 1: articles, copy links with the shingle and anchor indexes, stories, term document
    // frequencies.
    "CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        identity TEXT NOT NULL UNIQUE,
        url TEXT,
        outlet TEXT NOT NULL,
        title TEXT NOT NULL,
        authors TEXT NOT NULL,
        published TEXT,
        time INTEGER NOT NULL,
        dated INTEGER NOT NULL,
        language TEXT,
        text TEXT NOT NULL,
        source TEXT NOT NULL,
        ingested_at INTEGER NOT NULL,
        story INTEGER NOT NULL REFERENCES stories(id),
        chain TEXT NOT NULL,
        text_hash INTEGER NOT NULL,
        shingle_count INTEGER NOT NULL,
        copy_profile TEXT NOT NULL,
        analysis TEXT NOT NULL,
        story_score REAL,
        story_terms TEXT
    );
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_chain ON articles(chain);
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE TABLE shingles (hash INTEGER NOT NULL, article TEXT NOT NULL);
    CREATE INDEX shingles_hash ON shingles(hash);
    CREATE TABLE anchors (hash INTEGER NOT NULL, article TEXT NOT NULL);
    CREATE INDEX anchors_hash ON anchors(hash);
    CREATE TABLE copy_links (
        article TEXT PRIMARY KEY,
        of_article TEXT NOT NULL,
        kind TEXT NOT NULL,
        score REAL NOT NULL,
        shared INTEGER NOT NULL,
        evidence TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title_article TEXT,
        title_vector TEXT NOT NULL DEFAULT '[]',
        first_time INTEGER,
        last_time INTEGER,
        size INTEGER NOT NULL,
        centroid TEXT NOT NULL
    );
    CREATE INDEX stories_last_time ON stories(last_time);
    CREATE TABLE story_merges (
        story INTEGER NOT NULL,
        merged_into INTEGER NOT NULL,
        by_article TEXT NOT NULL,
        similarity REAL NOT NULL,
        merged_at INTEGER NOT NULL
    );
    CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;",
    // 2: a story keeps its most recent members' vectors, for member-level evidence.
    "ALTER TABLE stories ADD COLUMN members TEXT NOT NULL DEFAULT '[]';",
];

/// Brings the database up to the newest schema.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            known,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
