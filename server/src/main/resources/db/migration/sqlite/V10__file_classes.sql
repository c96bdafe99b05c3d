-- What kind of file each manifest row is, decided once at index time by FileClassifier (path,
-- plus the generator's marker in the first lines) and read by every tool: 'source', 'test',
-- 'generated', 'vendored' or 'documentation'. Rows written before this version stay NULL until
-- the next index run of their branch, which classifies them (no SQL copy of the rules here).
ALTER TABLE manifest_entries ADD COLUMN file_class TEXT
    CHECK (file_class IN ('source', 'test', 'generated', 'vendored', 'documentation'));
