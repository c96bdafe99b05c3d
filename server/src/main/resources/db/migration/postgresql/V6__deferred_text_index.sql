-- The same column as in SQLite, for one schema; PostgreSQL writes blob_text inline (its GIN
-- index takes inserts cheaply through the pending list), so every row is indexed.
ALTER TABLE blob_parses ADD COLUMN text_indexed BOOLEAN NOT NULL DEFAULT true;
