-- Embeddings of chunks for semantic search (service mode). One row per embedded chunk; a chunk
-- without a row is still to be embedded. bge-small-en-v1.5 gives 384 dimensions, L2-normalised,
-- so cosine distance (<=>) over an HNSW index ranks them. blob_id is copied from chunks for
-- filtering.
CREATE TABLE chunk_vectors (
    org_id     BIGINT      NOT NULL,
    chunk_id   BIGINT      NOT NULL,
    blob_id    BIGINT      NOT NULL,
    -- which model produced the vector, so a model change can re-embed
    model      TEXT        NOT NULL,
    embedding  vector(384) NOT NULL,
    PRIMARY KEY (org_id, chunk_id),
    FOREIGN KEY (org_id, chunk_id) REFERENCES chunks (org_id, id) ON DELETE CASCADE
);

CREATE INDEX chunk_vectors_by_blob ON chunk_vectors (org_id, blob_id);
CREATE INDEX chunk_vectors_hnsw ON chunk_vectors USING hnsw (embedding vector_cosine_ops);
