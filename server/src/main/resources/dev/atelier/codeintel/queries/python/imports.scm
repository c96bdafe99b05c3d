; import a.b / import a.b as c
(import_statement name: (dotted_name) @import)
(import_statement name: (aliased_import name: (dotted_name) @import alias: (identifier) @import.alias))
; from m import x / from m import x as y / from . import x
(import_from_statement module_name: (_) @import.from name: (dotted_name) @import)
(import_from_statement module_name: (_) @import.from name: (aliased_import name: (dotted_name) @import alias: (identifier) @import.alias))
(import_from_statement module_name: (_) @import (wildcard_import))
