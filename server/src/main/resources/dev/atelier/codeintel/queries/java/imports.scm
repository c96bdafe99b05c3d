; Java imports: the target is the statement's text without "import", "static" and ";"
(import_declaration) @import.stmt
