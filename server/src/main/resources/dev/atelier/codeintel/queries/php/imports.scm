(namespace_use_declaration (namespace_use_clause . [(qualified_name) (name)] @import))
(namespace_use_declaration (namespace_use_clause . [(qualified_name) (name)] @import alias: (name) @import.alias))
