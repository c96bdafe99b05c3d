(preproc_include path: (_) @import)
(using_declaration (qualified_identifier) @import)
