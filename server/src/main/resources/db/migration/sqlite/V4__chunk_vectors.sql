-- Embeddings of chunks for semantic search (local mode). One row per embedded chunk; a chunk
-- without a row is still to be embedded. The vector is dims little-endian float32 values; the
-- in-memory ANN index is built from these rows. blob_id is copied from chunks for filtering.
CREATE TABLE chunk_vectors (
    org_id     INTEGER NOT NULL,
    chunk_id   INTEGER NOT NULL,
    blob_id    INTEGER NOT NULL,
    -- which model produced the vector, so a model change can re-embed
    model      TEXT    NOT NULL,
    dims       INTEGER NOT NULL,
    vector     BLOB    NOT NULL CHECK (length(vector) = dims * 4),
    PRIMARY KEY (org_id, chunk_id),
    FOREIGN KEY (org_id, chunk_id) REFERENCES chunks (org_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX chunk_vectors_by_blob ON chunk_vectors (org_id, blob_id);
