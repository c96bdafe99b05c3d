-- References are read by blob (primary key) and through resolved_refs, never by name; the name
-- index cost a B-tree insert per reference (~700k for the Go standard library) for nothing.
DROP INDEX IF EXISTS symbol_refs_by_name;
