import GRDB

/// The store's schema, versioned with GRDB migrations: a database is brought to the newest version when it is
/// opened, and a migration never changes once released (add a new one instead).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        // v1: articles, their other names, and the search index.
        migrator.registerMigration("v1-documents") { db in
            // One row per distinct content (content_hash: SHA-256 of the normalized text).
            try db.execute(sql: """
                CREATE TABLE documents (
                    rowid INTEGER PRIMARY KEY,
                    content_hash TEXT NOT NULL UNIQUE,
                    id TEXT NOT NULL,
                    title TEXT,
                    source TEXT,
                    url TEXT,
                    published TEXT,          -- YYYY, YYYY-MM or YYYY-MM-DD
                    byline TEXT,
                    dateline TEXT,
                    text TEXT NOT NULL,      -- as read; analysis offsets point into it
                    origin TEXT NOT NULL,    -- FILE or FILE:LINE of the first sighting
                    ingested_at TEXT NOT NULL
                );
                CREATE INDEX documents_on_id ON documents(id);
                CREATE INDEX documents_on_published ON documents(published);
                CREATE INDEX documents_on_source ON documents(source);

                -- The same content seen again under another id, source or url.
                CREATE TABLE document_aliases (
                    document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    source TEXT NOT NULL DEFAULT '',
                    url TEXT NOT NULL DEFAULT '',
                    origin TEXT NOT NULL,
                    seen_at TEXT NOT NULL,
                    UNIQUE (document_rowid, id, source, url)
                );
                CREATE INDEX document_aliases_on_id ON document_aliases(id);

                -- Full-text index: normalized title and text, plus clitic-stripped stems (rowid = documents.rowid).
                -- detail=column: no word positions (smaller, faster to fill); queries are words, not phrases.
                CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0', detail = column);
                """)
        }

        // v2: near-duplicate links (the same wire story on several sites) and MinHash LSH bands to find them.
        migrator.registerMigration("v2-near-duplicates") { db in
            try db.execute(sql: """
                CREATE TABLE document_signatures (
                    document_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
                    minhash BLOB NOT NULL    -- 128 little-endian UInt64 (NearDuplicateDetector.signature)
                );
                CREATE TABLE document_bands (
                    document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
                    band INTEGER NOT NULL,
                    hash INTEGER NOT NULL
                );
                CREATE INDEX document_bands_on_band_hash ON document_bands(band, hash);
                CREATE TABLE near_duplicates (
                    document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
                    duplicate_of INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
                    similarity REAL NOT NULL,
                    PRIMARY KEY (document_rowid, duplicate_of)
                );
                """)
        }

        // v3: analyses of the stored articles (the collection's `Analysis` as JSON; the newest is served).
        migrator.registerMigration("v3-analyses") { db in
            try db.execute(sql: """
                CREATE TABLE analyses (
                    rowid INTEGER PRIMARY KEY,
                    created_at TEXT NOT NULL,     -- ISO 8601
                    document_count INTEGER NOT NULL,
                    json BLOB NOT NULL            -- JSONOutput encoding of Analysis
                );
                """)
        }
        // v4: each article's records, for incremental analysis (see docs/store.md).
        migrator.registerMigration("v4-article-records") { db in
            try db.execute(sql: """
                CREATE TABLE article_records (
                    document_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
                    version TEXT NOT NULL,        -- Analyzer.recordVersion
                    input_digest TEXT NOT NULL,   -- Analyzer.inputDigest of the article as analysed
                    lines BLOB NOT NULL,          -- its normalized line hashes (little-endian UInt64)
                    lookups BLOB NOT NULL,        -- the line hashes the cleaner looked up
                    context_key TEXT NOT NULL,    -- which of those were the outlet's repeated lines
                    records BLOB NOT NULL         -- RecordCoding of its [ArticleRecord]
                );
                """)
        }
        // v5: the key of the records each analysis was resolved from (`IncrementalAnalysis.collectionKey`), so
        // that a run finding the same key skips its resolve.
        migrator.registerMigration("v5-analysis-keys") { db in
            try db.execute(sql: "ALTER TABLE analyses ADD COLUMN collection_key TEXT")
        }
        // v6: an analysis's JSON in parts (SQLite binds at most 10⁹ bytes, an analysis of about 90,000 articles is
        // more); `analyses.json` is then empty.
        migrator.registerMigration("v6-analysis-parts") { db in
            try db.execute(sql: """
                CREATE TABLE analysis_parts (
                    analysis_rowid INTEGER NOT NULL REFERENCES analyses(rowid) ON DELETE CASCADE,
                    part INTEGER NOT NULL,
                    bytes BLOB NOT NULL,
                    PRIMARY KEY (analysis_rowid, part)
                );
                """)
        }
        return migrator
    }
}
